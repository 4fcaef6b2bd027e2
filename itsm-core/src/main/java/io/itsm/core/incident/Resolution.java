package io.itsm.core.incident;

import io.itsm.core.ValidationException;
import java.time.Instant;
import java.util.Objects;

/**
 * How an incident was resolved.
 *
 * <p>Immutable and thread-safe.
 *
 * @param code the resolution code, for example {@code "SOLVED_WORKAROUND"}; not blank
 * @param steps what was done, in words a colleague (and the knowledge base) can reuse; not blank
 * @param resolvedBy the id of the actor who proposed the resolution
 * @param resolvedAt when the resolution was proposed
 * @param firstContact whether it was resolved at first contact: a service-desk agent resolved the
 *     incident while it was still NEW and unassigned (a metric input: the first-contact
 *     resolution rate)
 */
public record Resolution(
    String code, String steps, String resolvedBy, Instant resolvedAt, boolean firstContact) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if {@code code} or {@code steps} is blank
   */
  public Resolution {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(steps, "steps");
    Objects.requireNonNull(resolvedBy, "resolvedBy");
    Objects.requireNonNull(resolvedAt, "resolvedAt");
    if (code.isBlank()) {
      throw new ValidationException(
          "resolution code must not be blank, but was '" + code + "' (for example SOLVED_FIXED)");
    }
    if (steps.isBlank()) {
      throw new ValidationException(
          "resolution steps must not be blank: describe what was done to resolve the incident");
    }
  }

  /**
   * A resolution that was not made at first contact.
   *
   * @param code the resolution code, not blank
   * @param steps what was done, not blank
   * @param resolvedBy the id of the actor who proposed it
   * @param resolvedAt when it was proposed
   * @throws NullPointerException if an argument is null
   * @throws ValidationException if {@code code} or {@code steps} is blank
   */
  public Resolution(String code, String steps, String resolvedBy, Instant resolvedAt) {
    this(code, steps, resolvedBy, resolvedAt, false);
  }
}
