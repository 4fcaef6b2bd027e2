package io.itsm.core.notification;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One attempt to deliver a notification: when, and the publisher's error if it failed.
 *
 * <p>Immutable and thread-safe.
 *
 * @param at when
 * @param error what went wrong, or empty when it was delivered
 */
public record DeliveryAttempt(Instant at, Optional<String> error) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   */
  public DeliveryAttempt {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(error, "error");
  }

  /**
   * Tells whether the attempt delivered the notification.
   *
   * @return whether there was no error
   */
  public boolean delivered() {
    return error.isEmpty();
  }
}
