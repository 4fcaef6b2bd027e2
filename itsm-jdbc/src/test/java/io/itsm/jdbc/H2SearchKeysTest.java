package io.itsm.jdbc;

/** The search-key index on H2 files. */
class H2SearchKeysTest extends JdbcSearchKeysContract {

  @Override
  TestDatabase database() {
    return TestDatabase.H2;
  }
}
