package io.itsm.jdbc;

/** Two application instances on one Postgres database. */
class PostgresTwoInstancesTest extends JdbcTwoInstancesContract {

  @Override
  TestDatabase database() {
    return TestDatabase.POSTGRES;
  }
}
