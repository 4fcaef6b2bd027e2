package io.itsm.jdbc;

/** The improvement repositories' contract, and the store's duties for them, on the real PostgreSQL test server. */
class PostgresImprovementRepositoryTest extends JdbcImprovementContract {

  @Override
  TestDatabase database() {
    return TestDatabase.POSTGRES;
  }
}
