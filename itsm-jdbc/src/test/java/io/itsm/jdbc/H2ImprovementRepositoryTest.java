package io.itsm.jdbc;

/** The improvement repositories' contract, and the store's duties for them, on H2 files. */
class H2ImprovementRepositoryTest extends JdbcImprovementContract {

  @Override
  TestDatabase database() {
    return TestDatabase.H2;
  }
}
