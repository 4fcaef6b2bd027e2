package io.itsm.jdbc;

/** The restart test on an H2 file. */
class H2RestartTest extends JdbcRestartContract {

  @Override
  TestDatabase database() {
    return TestDatabase.H2;
  }
}
