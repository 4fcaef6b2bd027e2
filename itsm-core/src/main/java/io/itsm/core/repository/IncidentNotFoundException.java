package io.itsm.core.repository;

import io.itsm.core.RecordNotFoundException;

/**
 * Thrown when no incident has the given id: the incidents' case of {@link
 * RecordNotFoundException} (kind {@code "incident"}).
 *
 * <p>Immutable.
 */
public class IncidentNotFoundException extends RecordNotFoundException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param incidentId the id that was not found
   */
  public IncidentNotFoundException(String incidentId) {
    super("incident", incidentId, "no incident with id '" + incidentId + "'; ids look like"
        + " INC-000123 (an external id is not an incident id: find it with"
        + " IncidentQuery.externalId)", incidentId);
  }
}
