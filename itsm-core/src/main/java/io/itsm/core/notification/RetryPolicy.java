package io.itsm.core.notification;

import io.itsm.core.ValidationException;
import java.time.Duration;
import java.util.Objects;

/**
 * How often and how late a failed delivery is tried again: exponential back-off, capped.
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxAttempts how many attempts in all, at least 1
 * @param firstDelay the wait after the first failure; positive
 * @param multiplier how much each further wait grows, at least 1
 * @param maxDelay the longest wait; at least {@code firstDelay}
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay, double multiplier, Duration maxDelay) {

  /** 6 attempts, waiting 30 s, 1 min, 2 min, 4 min, 8 min. */
  public static final RetryPolicy DEFAULT = new RetryPolicy(6, Duration.ofSeconds(30), 2.0, Duration.ofHours(1));

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if a value is out of range
   */
  public RetryPolicy {
    Objects.requireNonNull(firstDelay, "firstDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (maxAttempts < 1) {
      throw new ValidationException("maxAttempts must be at least 1, but was " + maxAttempts);
    }
    if (firstDelay.isNegative() || firstDelay.isZero()) {
      throw new ValidationException("firstDelay must be positive, but was " + firstDelay);
    }
    if (!(multiplier >= 1.0)) {
      throw new ValidationException("multiplier must be at least 1, but was " + multiplier);
    }
    if (maxDelay.compareTo(firstDelay) < 0) {
      throw new ValidationException("maxDelay must be at least firstDelay " + firstDelay + ", but was " + maxDelay);
    }
  }

  /**
   * Returns the wait after a failed attempt.
   *
   * @param failedAttempts how many attempts have failed so far, at least 1
   * @return the wait
   */
  public Duration delayAfter(int failedAttempts) {
    double millis = firstDelay.toMillis() * Math.pow(multiplier, Math.max(0, failedAttempts - 1));
    return millis >= maxDelay.toMillis() ? maxDelay : Duration.ofMillis((long) millis);
  }
}
