package io.itsm.jdbc;

/** The restart test on PostgreSQL; its backup is restored into an H2 file. */
class PostgresRestartTest extends JdbcRestartContract {

  @Override
  TestDatabase database() {
    return TestDatabase.POSTGRES;
  }

  @Override
  TestDatabase otherDatabase() {
    return TestDatabase.H2;
  }
}
