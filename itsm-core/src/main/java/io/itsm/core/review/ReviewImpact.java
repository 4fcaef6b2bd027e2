package io.itsm.core.review;

import io.itsm.core.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the reviewed incidents cost, computed from their events.
 *
 * <p>Immutable and thread-safe.
 *
 * @param incidents how many incidents the review covers
 * @param usersAffected the most users any one of them reported affected, and at least the number
 *     of distinct callers
 * @param startedAt when the first was logged
 * @param restoredAt when the last was resolved; empty while one is unresolved
 * @param duration from {@code startedAt} to {@code restoredAt} (or to when the impact was
 *     assembled, while unresolved)
 * @param businessTimeLost the working time within {@code duration} on the desk's business
 *     calendar (the SLA calendar of the subject incident)
 * @param slaMisses the SLA targets missed, in the order recorded
 */
public record ReviewImpact(
    int incidents,
    int usersAffected,
    Instant startedAt,
    Optional<Instant> restoredAt,
    Duration duration,
    Duration businessTimeLost,
    List<SlaMiss> slaMisses) {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if a count or a duration is negative
   */
  public ReviewImpact {
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(restoredAt, "restoredAt");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(businessTimeLost, "businessTimeLost");
    slaMisses = List.copyOf(Objects.requireNonNull(slaMisses, "slaMisses"));
    if (incidents < 0 || usersAffected < 0 || duration.isNegative()
        || businessTimeLost.isNegative()) {
      throw new ValidationException("review impact counts and durations must not be negative,"
          + " but were " + incidents + " incidents, " + usersAffected + " users, " + duration
          + ", " + businessTimeLost);
    }
  }
}
