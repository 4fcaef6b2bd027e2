package io.itsm.jdbc;

/** The restart test on an H2 file; its backup is restored into PostgreSQL. */
class H2RestartTest extends JdbcRestartContract {

  @Override
  TestDatabase database() {
    return TestDatabase.H2;
  }

  @Override
  TestDatabase otherDatabase() {
    return TestDatabase.POSTGRES;
  }
}
