package io.itsm.jdbc;

/** The restart test on PostgreSQL. */
class PostgresRestartTest extends JdbcRestartContract {

  @Override
  TestDatabase database() {
    return TestDatabase.POSTGRES;
  }
}
