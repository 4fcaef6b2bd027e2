package io.itsm.jdbc;

/** The repository contract on the real PostgreSQL test server. */
class PostgresRepositoryContractTest extends JdbcRepositoryContract {

  @Override
  TestDatabase database() {
    return TestDatabase.POSTGRES;
  }
}
