package io.itsm.jdbc;

/** Two application instances on one H2 database. */
class H2TwoInstancesTest extends JdbcTwoInstancesContract {

  @Override
  TestDatabase database() {
    return TestDatabase.H2;
  }
}
