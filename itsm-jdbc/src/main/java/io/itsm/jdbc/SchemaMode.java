package io.itsm.jdbc;

/**
 * What {@link JdbcStore} does with the database schema when it opens.
 *
 * <p>Immutable and thread-safe.
 */
public enum SchemaMode {

  /**
   * Creates the schema in a database that has none, upgrades an older one with the pending
   * migrations (Flyway; several instances starting at once wait for each other), and refuses a
   * newer one. The default.
   */
  MIGRATE,

  /**
   * Changes nothing: refuses a database whose schema is absent, older or newer than this
   * library's (for databases whose schema is applied by a DBA, with the SQL files in the jar).
   */
  VALIDATE
}
