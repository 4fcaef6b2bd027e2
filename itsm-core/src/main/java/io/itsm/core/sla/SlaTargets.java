package io.itsm.core.sla;

import io.itsm.core.ValidationException;
import io.itsm.core.event.SlaKind;
import io.itsm.core.incident.Priority;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A named, complete set of SLA targets: a response and a resolution {@link SlaTarget} for every
 * {@link Priority}. An {@link SlaPolicy} holds a default set and sets chosen per service, category
 * or customer.
 *
 * <pre>{@code
 * SlaTargets gold = SlaTargets.defaults().toBuilder("gold")
 *     .resolution(Priority.P3, Duration.ofHours(8), BusinessCalendar.alwaysOpen())
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class SlaTargets {

  private final String name;
  private final Map<Priority, SlaTarget> response;
  private final Map<Priority, SlaTarget> resolution;

  private SlaTargets(Builder b) {
    this.name = b.name;
    this.response = Collections.unmodifiableMap(new EnumMap<>(b.response));
    this.resolution = Collections.unmodifiableMap(new EnumMap<>(b.resolution));
  }

  /**
   * Returns the default targets, named {@code "standard"}: P1 15 min / 4 h and P2 30 min / 8 h on
   * 24×7; P3 2 h / 24 h, P4 4 h / 72 h and P5 1 / 5 business days (9 h / 45 h) on {@link
   * SlaPolicy#DEFAULT_BUSINESS_CALENDAR}.
   *
   * @return the default targets
   */
  public static SlaTargets defaults() {
    return Defaults.STANDARD;
  }

  /**
   * Starts an empty set of targets; {@link Builder#build()} requires all ten.
   *
   * @param name the set's name, shown in explanations; not blank
   * @return a new builder, not thread-safe
   * @throws ValidationException if {@code name} is blank
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * Starts a builder holding these targets under another name, to change a few of them.
   *
   * @param newName the new set's name; not blank
   * @return a new builder, not thread-safe
   * @throws ValidationException if {@code newName} is blank
   */
  public Builder toBuilder(String newName) {
    Builder b = new Builder(newName);
    b.response.putAll(response);
    b.resolution.putAll(resolution);
    return b;
  }

  /**
   * Returns the set's name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Returns the target of one kind for one priority.
   *
   * @param kind response or resolution
   * @param priority the priority
   * @return the target
   */
  public SlaTarget target(SlaKind kind, Priority priority) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(priority, "priority");
    return (kind == SlaKind.RESPONSE ? response : resolution).get(priority);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SlaTargets t && name.equals(t.name) && response.equals(t.response)
        && resolution.equals(t.resolution);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, response, resolution);
  }

  /**
   * Returns a description naming the set.
   *
   * @return for example {@code "SlaTargets[standard]"}
   */
  @Override
  public String toString() {
    return "SlaTargets[" + name + "]";
  }

  /** Builds {@link SlaTargets}. Not thread-safe. */
  public static final class Builder {
    private final String name;
    private final Map<Priority, SlaTarget> response = new EnumMap<>(Priority.class);
    private final Map<Priority, SlaTarget> resolution = new EnumMap<>(Priority.class);
    private final List<String> problems = new ArrayList<>();

    private Builder(String name) {
      Objects.requireNonNull(name, "name");
      if (name.isBlank()) {
        throw new ValidationException("SLA targets name must not be blank, but was '" + name + "'");
      }
      this.name = name;
    }

    /**
     * Sets the response target of a priority.
     *
     * @param priority the priority
     * @param duration the business time allowed; positive (checked by {@link #build()})
     * @param calendar the calendar it is counted on
     * @return this builder
     */
    public Builder response(Priority priority, Duration duration, BusinessCalendar calendar) {
      return put(SlaKind.RESPONSE, priority, duration, calendar);
    }

    /**
     * Sets the resolution target of a priority.
     *
     * @param priority the priority
     * @param duration the business time allowed; positive (checked by {@link #build()})
     * @param calendar the calendar it is counted on
     * @return this builder
     */
    public Builder resolution(Priority priority, Duration duration, BusinessCalendar calendar) {
      return put(SlaKind.RESOLUTION, priority, duration, calendar);
    }

    private Builder put(SlaKind kind, Priority priority, Duration duration, BusinessCalendar calendar) {
      Objects.requireNonNull(priority, "priority");
      Objects.requireNonNull(duration, "duration");
      Objects.requireNonNull(calendar, "calendar");
      Map<Priority, SlaTarget> m = kind == SlaKind.RESPONSE ? response : resolution;
      if (duration.isZero() || duration.isNegative()) {
        problems.add(priority + " " + kind.label() + " target of '" + name
            + "' must be positive, but was " + duration);
        m.remove(priority);
      } else {
        m.put(priority, new SlaTarget(duration, calendar));
      }
      return this;
    }

    /**
     * Builds the targets.
     *
     * @return the targets
     * @throws ValidationException listing every target that is not positive and every priority
     *     missing a response or resolution target
     */
    public SlaTargets build() {
      List<String> all = new ArrayList<>(problems);
      for (Priority p : Priority.values()) {
        for (SlaKind k : SlaKind.values()) {
          boolean given = (k == SlaKind.RESPONSE ? response : resolution).containsKey(p);
          boolean invalid = problems.stream().anyMatch(s -> s.startsWith(p + " " + k.label() + " "));
          if (!given && !invalid) {
            all.add(p + " " + k.label() + " target of '" + name + "' is missing");
          }
        }
      }
      if (!all.isEmpty()) {
        throw new ValidationException(all);
      }
      return new SlaTargets(this);
    }
  }

  /** Lazily built default targets, after {@link SlaPolicy#DEFAULT_BUSINESS_CALENDAR} exists. */
  private static final class Defaults {
    static final SlaTargets STANDARD = standard();

    private static SlaTargets standard() {
      BusinessCalendar always = BusinessCalendar.alwaysOpen();
      BusinessCalendar office = SlaPolicy.DEFAULT_BUSINESS_CALENDAR;
      Duration day = SlaPolicy.BUSINESS_DAY;
      return builder("standard")
          .response(Priority.P1, Duration.ofMinutes(15), always)
          .resolution(Priority.P1, Duration.ofHours(4), always)
          .response(Priority.P2, Duration.ofMinutes(30), always)
          .resolution(Priority.P2, Duration.ofHours(8), always)
          .response(Priority.P3, Duration.ofHours(2), office)
          .resolution(Priority.P3, Duration.ofHours(24), office)
          .response(Priority.P4, Duration.ofHours(4), office)
          .resolution(Priority.P4, Duration.ofHours(72), office)
          .response(Priority.P5, day, office)
          .resolution(Priority.P5, day.multipliedBy(5), office)
          .build();
    }
  }
}
