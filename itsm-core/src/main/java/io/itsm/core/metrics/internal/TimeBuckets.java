package io.itsm.core.metrics.internal;

import io.itsm.core.metrics.Dimension;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * Month, ISO week or day buckets in a zone: the label of an instant's bucket and the boundaries
 * between buckets. Remembers the last bucket looked up, since the measurements of one incident
 * mostly fall in one bucket.
 *
 * <p>Not thread-safe: one per worker.
 */
public final class TimeBuckets {

  private final Dimension unit;
  private final ZoneId zone;
  private Instant cachedStart;
  private Instant cachedEnd;
  private String cachedLabel;

  /**
   * Creates the buckets.
   *
   * @param unit {@link Dimension#MONTH}, {@link Dimension#WEEK} or {@link Dimension#DAY}
   * @param zone the zone
   */
  public TimeBuckets(Dimension unit, ZoneId zone) {
    if (!unit.isTime()) {
      throw new IllegalArgumentException("not a time dimension: " + unit);
    }
    this.unit = unit;
    this.zone = zone;
  }

  /**
   * Returns the label of the bucket an instant lies in: {@code 2026-11}, {@code 2026-W48} or
   * {@code 2026-11-23}.
   *
   * @param t the instant
   * @return the label
   */
  public String label(Instant t) {
    if (cachedStart != null && !t.isBefore(cachedStart) && t.isBefore(cachedEnd)) {
      return cachedLabel;
    }
    LocalDate start = startDate(t.atZone(zone).toLocalDate());
    cachedStart = start.atStartOfDay(zone).toInstant();
    cachedEnd = next(start).atStartOfDay(zone).toInstant();
    cachedLabel = switch (unit) {
      case MONTH -> String.format("%04d-%02d", start.getYear(), start.getMonthValue());
      case WEEK -> String.format("%04d-W%02d", start.get(IsoFields.WEEK_BASED_YEAR),
          start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      default -> start.toString();
    };
    return cachedLabel;
  }

  /**
   * Returns the first bucket boundary strictly after an instant.
   *
   * @param t the instant
   * @return the start of the next bucket
   */
  public Instant nextBoundary(Instant t) {
    ZonedDateTime z = t.atZone(zone);
    LocalDate start = startDate(z.toLocalDate());
    return next(start).atStartOfDay(zone).toInstant();
  }

  private LocalDate startDate(LocalDate d) {
    return switch (unit) {
      case MONTH -> d.withDayOfMonth(1);
      case WEEK -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      default -> d;
    };
  }

  private LocalDate next(LocalDate start) {
    return switch (unit) {
      case MONTH -> start.plusMonths(1);
      case WEEK -> start.plusWeeks(1);
      default -> start.plusDays(1);
    };
  }
}
