package io.itsm.jdbc;

/** The practices' repository contract, restart and backup on H2 files. */
class H2PracticeRepositoriesTest extends JdbcPracticeRepositoriesContract {

  @Override
  TestDatabase database() {
    return TestDatabase.H2;
  }
}
