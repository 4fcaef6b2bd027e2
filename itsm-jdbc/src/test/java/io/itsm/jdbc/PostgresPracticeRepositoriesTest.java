package io.itsm.jdbc;

/** The practices' repository contract, restart and backup on the real PostgreSQL test server. */
class PostgresPracticeRepositoriesTest extends JdbcPracticeRepositoriesContract {

  @Override
  TestDatabase database() {
    return TestDatabase.POSTGRES;
  }
}
