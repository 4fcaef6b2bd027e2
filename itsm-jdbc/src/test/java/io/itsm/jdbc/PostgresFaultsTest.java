package io.itsm.jdbc;

/** Faults, schema checks and statement counts on Postgres. */
class PostgresFaultsTest extends JdbcFaultsContract {

  @Override
  TestDatabase database() {
    return TestDatabase.POSTGRES;
  }
}
