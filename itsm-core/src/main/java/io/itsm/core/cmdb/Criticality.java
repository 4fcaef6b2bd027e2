package io.itsm.core.cmdb;

import java.util.Objects;

/**
 * How much the business depends on a configuration item, from {@link #LOW} to {@link
 * #BUSINESS_CRITICAL}; declared in rising order. Under the default triage rules a ticket about a
 * business-critical item (or one whose failure reaches a business-critical service) has HIGH
 * impact.
 */
public enum Criticality {
  /** Nobody notices for a while. */
  LOW,
  /** A team is hindered. */
  MEDIUM,
  /** A department or many users are hindered. */
  HIGH,
  /** The business stops: revenue, safety or legal duties are at stake. */
  BUSINESS_CRITICAL;

  /**
   * Tells whether this criticality is at least another.
   *
   * @param other the criticality to compare with
   * @return {@code true} if this is {@code other} or higher
   * @throws NullPointerException if {@code other} is null
   */
  public boolean isAtLeast(Criticality other) {
    return compareTo(Objects.requireNonNull(other, "other")) >= 0;
  }

  /**
   * Returns the higher of two criticalities.
   *
   * @param a one
   * @param b the other
   * @return the higher
   */
  public static Criticality max(Criticality a, Criticality b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
