package io.itsm.jdbc;

import java.util.Optional;

/**
 * Thrown when a database's schema cannot be used by this version of itsm-jdbc: it is newer than
 * the library knows (written by a later version: an older library must not write to it), a
 * migration failed earlier, or the schema is absent while {@link SchemaMode#VALIDATE} forbids
 * creating it. Nothing was changed in the database.
 *
 * <p>Immutable.
 */
public class StoreSchemaException extends JdbcStoreException {

  private static final long serialVersionUID = 1L;

  private final String databaseVersion;
  private final String libraryVersion;

  /**
   * Creates the exception.
   *
   * @param message what is wrong with the schema and what to do
   * @param databaseVersion the schema version found in the database, or {@code null} if none
   * @param libraryVersion the latest schema version this library knows
   * @param cause the underlying failure, or {@code null}
   */
  public StoreSchemaException(String message, String databaseVersion, String libraryVersion,
      Throwable cause) {
    super(message, null, cause);
    this.databaseVersion = databaseVersion;
    this.libraryVersion = libraryVersion;
  }

  /**
   * Returns the schema version found in the database.
   *
   * @return the version, or empty when the database has no itsm schema
   */
  public Optional<String> getDatabaseVersion() {
    return Optional.ofNullable(databaseVersion);
  }

  /**
   * Returns the latest schema version this library knows.
   *
   * @return the version, for example {@code "1"}
   */
  public String getLibraryVersion() {
    return libraryVersion;
  }
}
