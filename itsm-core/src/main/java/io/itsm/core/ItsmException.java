package io.itsm.core;

import java.util.Optional;

/**
 * The one unchecked base type of every exception this library throws on purpose.
 *
 * <p>Subclasses carry the context of the failure (the incident, the state, the rule, the JSON
 * path, ...) as accessors, and their messages name the offending thing and what would be valid.
 * A command that throws an {@code ItsmException} has changed nothing: the incident, its history
 * and the loaded rules are exactly as they were.
 *
 * <p>Instances are immutable once thrown.
 */
public class ItsmException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String incidentId;

  /**
   * Creates an exception with a message and no incident.
   *
   * @param message what went wrong and what would be valid
   */
  public ItsmException(String message) {
    this(message, null, null);
  }

  /**
   * Creates an exception with a message, the incident concerned and a cause.
   *
   * @param message what went wrong and what would be valid
   * @param incidentId the incident concerned, or {@code null} when none
   * @param cause the underlying cause, or {@code null}
   */
  public ItsmException(String message, String incidentId, Throwable cause) {
    super(message, cause);
    this.incidentId = incidentId;
  }

  /**
   * Returns the id of the incident the failure concerns, when there is one.
   *
   * @return the incident id, or empty
   */
  public Optional<String> getIncidentId() {
    return Optional.ofNullable(incidentId);
  }
}
