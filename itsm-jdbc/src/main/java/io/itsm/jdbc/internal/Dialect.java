package io.itsm.jdbc.internal;

import io.itsm.jdbc.JdbcStoreException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

/**
 * What differs between the supported databases: where their migrations are, how a JSON parameter
 * is written, how the incident number sequence is read and moved.
 *
 * <p>Immutable and thread-safe.
 */
public enum Dialect {

  /** PostgreSQL 12 or later: JSONB payloads. */
  POSTGRESQL("PostgreSQL", "postgresql", "CAST(? AS JSONB)",
      "SELECT nextval('itsm_incident_number')"),

  /** H2 2.x, embedded (file or memory) or server: JSON as text. */
  H2("H2", "h2", "?", "SELECT NEXT VALUE FOR itsm_incident_number");

  private final String productName;
  private final String migrations;
  private final String jsonParameter;
  private final String nextIncidentNumber;

  Dialect(String productName, String folder, String jsonParameter, String nextIncidentNumber) {
    this.productName = productName;
    this.migrations = "classpath:io/itsm/jdbc/migration/" + folder;
    this.jsonParameter = jsonParameter;
    this.nextIncidentNumber = nextIncidentNumber;
  }

  /**
   * Finds the dialect of a connection's database.
   *
   * @param c the connection
   * @return the dialect
   * @throws SQLException if the metadata cannot be read
   * @throws JdbcStoreException if the database is not supported
   */
  public static Dialect of(Connection c) throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    String product = md.getDatabaseProductName();
    for (Dialect d : values()) {
      if (d.productName.equalsIgnoreCase(product)) {
        return d;
      }
    }
    throw new JdbcStoreException("the database at " + md.getURL() + " is " + product + " "
        + md.getDatabaseProductVersion() + ", which itsm-jdbc does not support; supported are"
        + " PostgreSQL (production) and H2 (embedded, jdbc:h2:./desk)", null, null);
  }

  /**
   * Returns the Flyway location of this database's migrations.
   *
   * @return for example {@code classpath:io/itsm/jdbc/migration/h2}
   */
  public String migrations() {
    return migrations;
  }

  /**
   * Returns the SQL that binds a JSON text parameter to a JSON column.
   *
   * @return a placeholder expression
   */
  public String jsonParameter() {
    return jsonParameter;
  }

  /**
   * Returns the query that takes the next incident number.
   *
   * @return the SQL
   */
  public String nextIncidentNumber() {
    return nextIncidentNumber;
  }

  /**
   * Returns the product name as the JDBC driver reports it.
   *
   * @return for example {@code "PostgreSQL"}
   */
  public String productName() {
    return productName;
  }
}
