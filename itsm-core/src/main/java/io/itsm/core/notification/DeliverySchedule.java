package io.itsm.core.notification;

import io.itsm.core.ValidationException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When one notification to one recipient goes out, and which rule said so.
 *
 * <p>Immutable and thread-safe.
 *
 * @param timing now, later or in the digest
 * @param at the instant, for {@link DeliveryTiming#LATER}; empty otherwise
 * @param rule the deciding rule, or empty when no rule decided (at once by default)
 * @param reason why
 */
public record DeliverySchedule(DeliveryTiming timing, Optional<Instant> at, Optional<String> rule, String reason) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if LATER has no instant or another timing has one
   */
  public DeliverySchedule {
    Objects.requireNonNull(timing, "timing");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(reason, "reason");
    if ((timing == DeliveryTiming.LATER) != at.isPresent()) {
      throw new ValidationException("a delivery schedule has an instant exactly when it is LATER, but was "
          + timing + " " + at.map(Instant::toString).orElse("without instant"));
    }
  }

  /**
   * At once, because no rule said otherwise.
   *
   * @return the schedule
   */
  public static DeliverySchedule now() {
    return new DeliverySchedule(DeliveryTiming.NOW, Optional.empty(), Optional.empty(), "no rule delays it");
  }
}
