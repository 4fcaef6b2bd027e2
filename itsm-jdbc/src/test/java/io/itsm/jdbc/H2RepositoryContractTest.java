package io.itsm.jdbc;

/** The repository contract on H2 files. */
class H2RepositoryContractTest extends JdbcRepositoryContract {

  @Override
  TestDatabase database() {
    return TestDatabase.H2;
  }
}
