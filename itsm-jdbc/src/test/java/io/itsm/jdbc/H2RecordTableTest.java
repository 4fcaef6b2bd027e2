package io.itsm.jdbc;

/** The practices' record table on an H2 file. */
class H2RecordTableTest extends RecordTableContract {

  @Override
  TestDatabase database() {
    return TestDatabase.H2;
  }
}
