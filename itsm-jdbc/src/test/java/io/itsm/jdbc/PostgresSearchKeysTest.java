package io.itsm.jdbc;

/** The search-key index on the real PostgreSQL test server. */
class PostgresSearchKeysTest extends JdbcSearchKeysContract {

  @Override
  TestDatabase database() {
    return TestDatabase.POSTGRES;
  }
}
