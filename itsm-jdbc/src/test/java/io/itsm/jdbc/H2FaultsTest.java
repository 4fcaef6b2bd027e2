package io.itsm.jdbc;

/** Faults, schema checks and statement counts on H2. */
class H2FaultsTest extends JdbcFaultsContract {

  @Override
  TestDatabase database() {
    return TestDatabase.H2;
  }
}
