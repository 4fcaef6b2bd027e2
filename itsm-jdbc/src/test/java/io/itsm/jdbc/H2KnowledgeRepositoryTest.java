package io.itsm.jdbc;

/** Knowledge articles in an H2 file (backups restored into PostgreSQL). */
class H2KnowledgeRepositoryTest extends JdbcKnowledgeContract {

  @Override
  TestDatabase database() {
    return TestDatabase.H2;
  }

  @Override
  TestDatabase otherDatabase() {
    return TestDatabase.POSTGRES;
  }
}
