package io.itsm.jdbc;

/** Knowledge articles in a real PostgreSQL (backups restored into an H2 file). */
class PostgresKnowledgeRepositoryTest extends JdbcKnowledgeContract {

  @Override
  TestDatabase database() {
    return TestDatabase.POSTGRES;
  }

  @Override
  TestDatabase otherDatabase() {
    return TestDatabase.H2;
  }
}
