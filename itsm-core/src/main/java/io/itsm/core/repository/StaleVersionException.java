package io.itsm.core.repository;

import io.itsm.core.StaleRecordException;

/**
 * Thrown when an update was based on an old version of an incident: someone else changed it in
 * between. Nothing of the stale update was stored; reload the incident and try again. The
 * incidents' case of {@link StaleRecordException} (kind {@code "incident"}).
 *
 * <p>Immutable.
 */
public class StaleVersionException extends StaleRecordException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param incidentId the incident
   * @param expectedVersion the version the update was based on
   * @param actualVersion the version stored now
   */
  public StaleVersionException(String incidentId, long expectedVersion, long actualVersion) {
    super("incident", incidentId, expectedVersion, actualVersion, incidentId);
  }
}
