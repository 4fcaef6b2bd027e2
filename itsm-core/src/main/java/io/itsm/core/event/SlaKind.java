package io.itsm.core.event;

/**
 * The two clocks of an incident's service-level agreement.
 *
 * <p>See {@link io.itsm.core.sla.SlaClock} for when each starts, pauses and stops.
 */
public enum SlaKind {
  /** Time to the first response: the first human action the caller sees or that starts work. */
  RESPONSE("response"),
  /** Time to resolution. */
  RESOLUTION("resolution");

  private final String label;

  SlaKind(String label) {
    this.label = label;
  }

  /**
   * Returns the lower-case name used in explanations, for example {@code "response"}.
   *
   * @return the label
   */
  public String label() {
    return label;
  }
}
