package io.itsm.jdbc;

/** Backups of PostgreSQL, restored into an H2 file. */
class PostgresBackupTest extends JdbcBackupContract {

  @Override
  TestDatabase database() {
    return TestDatabase.POSTGRES;
  }

  @Override
  TestDatabase otherDatabase() {
    return TestDatabase.H2;
  }
}
