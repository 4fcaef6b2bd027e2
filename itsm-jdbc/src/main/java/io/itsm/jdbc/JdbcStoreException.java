package io.itsm.jdbc;

import io.itsm.core.ItsmException;
import java.util.Optional;

/**
 * Thrown when the database fails a store operation: the connection died, the server refused, a
 * lock could not be had in time. The message names the operation, the incident and whether
 * anything was stored; {@link #getSqlState()} gives the database's error class.
 *
 * <p>A failure before the commit leaves nothing stored (the transaction is rolled back): the
 * command can simply be retried. A failure during the commit itself is reported as such, because
 * its outcome is unknown: reload the incident and look at its version before retrying.
 *
 * <p>Immutable.
 */
public class JdbcStoreException extends ItsmException {

  private static final long serialVersionUID = 1L;

  private final String sqlState;

  /**
   * Creates the exception.
   *
   * @param message what failed, for which incident, and what was (not) stored
   * @param incidentId the incident, or {@code null}
   * @param cause the database's exception, or {@code null}
   */
  public JdbcStoreException(String message, String incidentId, Throwable cause) {
    super(message, incidentId, cause);
    this.sqlState = cause instanceof java.sql.SQLException e ? e.getSQLState() : null;
  }

  /**
   * Returns the SQLSTATE the database reported, for example {@code "08006"} for a connection
   * failure.
   *
   * @return the state, or empty when the failure did not come from the database
   */
  public Optional<String> getSqlState() {
    return Optional.ofNullable(sqlState);
  }
}
