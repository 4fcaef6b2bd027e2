package io.itsm.core.review;

import io.itsm.core.ValidationException;
import io.itsm.core.event.Provenance;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link ReviewPolicy}'s answer: whether a review is required, by when, which rule decided (the
 * one with the earliest due time) and which others required it too.
 *
 * <p>Immutable and thread-safe.
 *
 * @param required whether a review is required
 * @param dueAt by when it must be approved; empty for no deadline
 * @param decidedBy the deciding rule, when required
 * @param alsoRequiredBy the other rules that required it
 */
public record ReviewRequirement(
    boolean required, Optional<Instant> dueAt, Optional<Provenance> decidedBy,
    List<Provenance> alsoRequiredBy) {

  private static final ReviewRequirement NOT_REQUIRED =
      new ReviewRequirement(false, Optional.empty(), Optional.empty(), List.of());

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if required without a deciding rule
   */
  public ReviewRequirement {
    Objects.requireNonNull(dueAt, "dueAt");
    Objects.requireNonNull(decidedBy, "decidedBy");
    alsoRequiredBy = List.copyOf(Objects.requireNonNull(alsoRequiredBy, "alsoRequiredBy"));
    if (required && decidedBy.isEmpty()) {
      throw new ValidationException("a required review must name the rule that required it");
    }
  }

  /**
   * No review is required.
   *
   * @return the answer
   */
  public static ReviewRequirement notRequired() {
    return NOT_REQUIRED;
  }

  /**
   * A review is required.
   *
   * @param dueAt by when, or {@code null} for no deadline
   * @param decidedBy the deciding rule
   * @return the answer
   */
  public static ReviewRequirement required(Instant dueAt, Provenance decidedBy) {
    return new ReviewRequirement(true, Optional.ofNullable(dueAt), Optional.of(decidedBy),
        List.of());
  }
}
