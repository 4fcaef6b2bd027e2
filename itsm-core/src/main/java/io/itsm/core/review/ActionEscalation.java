package io.itsm.core.review;

import io.itsm.core.access.Role;
import java.time.Instant;
import java.util.Objects;

/**
 * An escalation of an overdue preventive action: which rule told which role, and when.
 *
 * <p>Immutable and thread-safe.
 *
 * @param rule the ladder rule that decided it
 * @param notified the role told
 * @param at when
 */
public record ActionEscalation(String rule, Role notified, Instant at) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   */
  public ActionEscalation {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(notified, "notified");
    Objects.requireNonNull(at, "at");
  }
}
