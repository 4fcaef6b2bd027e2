package io.itsm.core.repository;

import io.itsm.core.ItsmException;

/**
 * Thrown when an update was based on an old version of an incident: someone else changed it in
 * between. Nothing of the stale update was stored; reload the incident and try again.
 *
 * <p>Immutable.
 */
public class StaleVersionException extends ItsmException {

  private static final long serialVersionUID = 1L;

  private final long expectedVersion;
  private final long actualVersion;

  /**
   * Creates the exception.
   *
   * @param incidentId the incident
   * @param expectedVersion the version the update was based on
   * @param actualVersion the version stored now
   */
  public StaleVersionException(String incidentId, long expectedVersion, long actualVersion) {
    super("incident " + incidentId + " was changed concurrently: the update was based on version "
            + expectedVersion + ", but the stored version is " + actualVersion
            + "; reload the incident and retry the command", incidentId, null);
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;
  }

  /**
   * Returns the version the rejected update was based on.
   *
   * @return the expected version
   */
  public long getExpectedVersion() {
    return expectedVersion;
  }

  /**
   * Returns the version stored when the update was rejected.
   *
   * @return the actual version
   */
  public long getActualVersion() {
    return actualVersion;
  }
}
