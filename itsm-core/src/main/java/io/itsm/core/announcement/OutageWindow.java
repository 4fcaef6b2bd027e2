package io.itsm.core.announcement;

import io.itsm.core.ValidationException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * When an announced event happens: its start, its estimated end (unknown for a fresh unplanned
 * outage) and the time zone in which users are told the times.
 *
 * <p>Immutable and thread-safe.
 *
 * @param start when it starts
 * @param estimatedEnd when it is expected to end, after {@code start}; empty while unknown
 * @param zone the zone in which times are shown to users
 */
public record OutageWindow(Instant start, Optional<Instant> estimatedEnd, ZoneId zone) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if the window ends before (or when) it starts
   */
  public OutageWindow {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(estimatedEnd, "estimatedEnd");
    Objects.requireNonNull(zone, "zone");
    if (estimatedEnd.isPresent() && !estimatedEnd.get().isAfter(start)) {
      throw new ValidationException("estimatedEnd of an announcement window must be after its start "
          + start + ", but was " + estimatedEnd.get() + " (the window would end before it starts)");
    }
  }

  /**
   * A window with a known end.
   *
   * @param start the start
   * @param end the estimated end
   * @param zone the zone
   * @return the window
   */
  public static OutageWindow of(Instant start, Instant end, ZoneId zone) {
    return new OutageWindow(start, Optional.of(end), zone);
  }

  /**
   * A window whose end is not known yet.
   *
   * @param start the start
   * @param zone the zone
   * @return the window
   */
  public static OutageWindow from(Instant start, ZoneId zone) {
    return new OutageWindow(start, Optional.empty(), zone);
  }

  /**
   * Tells whether two windows share some time (an unknown end counts as open-ended).
   *
   * @param other the other window
   * @return whether they overlap
   */
  public boolean overlaps(OutageWindow other) {
    boolean thisEndsBefore = estimatedEnd.map(e -> !e.isAfter(other.start)).orElse(false);
    boolean otherEndsBefore = other.estimatedEnd.map(e -> !e.isAfter(start)).orElse(false);
    return !thisEndsBefore && !otherEndsBefore;
  }

  /**
   * Tells whether this window ends later than another (or its end became unknown).
   *
   * @param before the window before a revision
   * @return whether this one is longer at the end
   */
  public boolean extendsBeyond(OutageWindow before) {
    if (estimatedEnd.isEmpty()) {
      return before.estimatedEnd.isPresent();
    }
    return before.estimatedEnd.map(e -> estimatedEnd.get().isAfter(e)).orElse(false);
  }

  /**
   * Returns a copy with another estimated end.
   *
   * @param end the new end
   * @return the copy
   */
  public OutageWindow withEstimatedEnd(Instant end) {
    return new OutageWindow(start, Optional.of(end), zone);
  }

  /**
   * Returns {@code "start – end (zone)"} in ISO form.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return start + " – " + estimatedEnd.map(Instant::toString).orElse("open") + " (" + zone + ")";
  }
}
