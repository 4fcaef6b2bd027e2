package io.itsm.jdbc;

/** The practices' record table on PostgreSQL. */
class PostgresRecordTableTest extends RecordTableContract {

  @Override
  TestDatabase database() {
    return TestDatabase.POSTGRES;
  }
}
