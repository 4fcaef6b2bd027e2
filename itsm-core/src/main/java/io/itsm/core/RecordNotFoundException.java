package io.itsm.core;

import java.util.Objects;

/**
 * Thrown when a command or query names a record that does not exist: a configuration item, a
 * change request, an announcement, an incident ({@link
 * io.itsm.core.repository.IncidentNotFoundException}). The message names the kind of record, the
 * id and, when one is close, the id that was probably meant. Nothing was changed.
 *
 * <p>Immutable.
 */
public class RecordNotFoundException extends ItsmException {

  private static final long serialVersionUID = 1L;

  private final String kind;
  private final String id;

  /**
   * Creates the exception.
   *
   * @param kind the kind of record, for example {@code "configuration item"}
   * @param id the id that was not found
   * @param hint a sentence suggesting the fix (for example "did you mean 'db-orders'?"), or empty
   */
  public RecordNotFoundException(String kind, String id, String hint) {
    super(Objects.requireNonNull(kind, "kind") + " '" + Objects.requireNonNull(id, "id")
        + "' does not exist" + (hint == null || hint.isBlank() ? "" : "; " + hint));
    this.kind = kind;
    this.id = id;
  }

  /**
   * Creates the exception with a message of its own, for a record that is an incident.
   *
   * @param kind the kind of record, for example {@code "incident"}
   * @param id the id that was not found
   * @param message the whole message
   * @param incidentId the incident, for {@link #getIncidentId()}, or {@code null}
   */
  protected RecordNotFoundException(String kind, String id, String message, String incidentId) {
    super(message, incidentId, null);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.id = Objects.requireNonNull(id, "id");
  }

  /**
   * Returns the kind of record that was not found.
   *
   * @return for example {@code "configuration item"}
   */
  public String getKind() {
    return kind;
  }

  /**
   * Returns the id that was not found.
   *
   * @return the id
   */
  public String getId() {
    return id;
  }
}
