package io.itsm.core.sla;

import io.itsm.core.ValidationException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A calendar of weekly working hours in a time zone, with holidays, closed dates and special
 * hours. Build one with {@link BusinessCalendar#builder(String, ZoneId)}.
 *
 * <p>Which hours apply on a date (special hours, then holidays and closed dates, then the weekly
 * hours) and how daylight saving time counts: see the {@linkplain io.itsm.core.sla package}.
 *
 * <p><b>Speed.</b> The working blocks of each local year are computed once, on first use, into
 * sorted arrays (at most {@value #MAX_CACHED_YEARS} years are cached; the cache then starts over).
 * Arithmetic then crosses one block per step with a binary search, never minute by minute.
 *
 * <p>Immutable and thread-safe.
 */
public final class WorkingHoursCalendar implements BusinessCalendar {

  /** How many local years of precomputed working blocks are kept before the cache is cleared. */
  public static final int MAX_CACHED_YEARS = 64;

  private static final int SECONDS_PER_DAY = 86_400;
  private static final int[] NO_HOURS = new int[0];

  private final String name;
  private final ZoneId zone;
  private final ZoneRules rules;
  /** Per {@link DayOfWeek#ordinal()}: sorted {from, to, from, to, ...} in seconds of day. */
  private final int[][] weekly;
  private final boolean weeklyEmpty;
  private final Set<LocalDate> closedDates;
  private final Set<MonthDay> yearlyHolidays;
  private final Map<LocalDate, int[]> specialHours;
  private final int lastSpecialYear;
  private final ConcurrentHashMap<Integer, YearBlocks> years = new ConcurrentHashMap<>();
  private volatile YearBlocks lastUsed;
  private final SpanSource spans = this::span;

  private WorkingHoursCalendar(Builder builder, int[][] weekly, Map<LocalDate, int[]> special) {
    this.name = builder.name;
    this.zone = builder.zone;
    this.rules = zone.getRules();
    this.weekly = weekly;
    boolean empty = true;
    for (int[] day : weekly) {
      empty &= day.length == 0;
    }
    this.weeklyEmpty = empty;
    Set<LocalDate> closed = new HashSet<>(builder.holidays);
    closed.addAll(builder.closed);
    this.closedDates = Set.copyOf(closed);
    this.yearlyHolidays = Set.copyOf(builder.yearlyHolidays);
    this.specialHours = Map.copyOf(special);
    this.lastSpecialYear =
        special.keySet().stream().mapToInt(LocalDate::getYear).max().orElse(Integer.MIN_VALUE);
    this.lastUsed = yearBlocks(LocalDate.now(zone).getYear());
  }

  @Override
  public String name() {
    return name;
  }

  /**
   * Returns the zone the working hours are wall-clock times in.
   *
   * @return the zone
   */
  public ZoneId zone() {
    return zone;
  }

  /**
   * Returns the weekly working time on paper: the sum of the weekly hours, ignoring holidays,
   * exceptions and daylight saving time.
   *
   * @return the nominal working time of one week
   */
  public Duration workingTimePerWeek() {
    long seconds = 0;
    for (int[] day : weekly) {
      for (int i = 0; i < day.length; i += 2) {
        seconds += day[i + 1] - day[i];
      }
    }
    return Duration.ofSeconds(seconds);
  }

  @Override
  public boolean isWorkingTime(Instant instant) {
    return CalendarMath.isWorkingTime(spans, instant);
  }

  @Override
  public Instant nextWorkingInstant(Instant instant) {
    return CalendarMath.nextWorkingInstant(spans, name, instant);
  }

  @Override
  public Instant addBusinessTime(Instant start, Duration amount) {
    return CalendarMath.addBusinessTime(spans, name, start, amount);
  }

  @Override
  public Duration businessTimeBetween(Instant from, Instant to) {
    return CalendarMath.businessTimeBetween(spans, from, to);
  }

  /**
   * Returns a description naming the calendar and its zone.
   *
   * @return for example {@code "BusinessCalendar[stockholm-office, Europe/Stockholm]"}
   */
  @Override
  public String toString() {
    return "BusinessCalendar[" + name + ", " + zone + "]";
  }

  SpanSource spans() {
    return spans;
  }

  private void span(long from, long limit, long[] out) {
    YearBlocks year = yearContaining(from);
    while (true) {
      int i = year.firstEndingAfter(from);
      if (i < year.count) {
        if (year.starts[i] >= limit) {
          break;
        }
        out[0] = year.starts[i];
        out[1] = year.ends[i];
        return;
      }
      if (year.nextYearStart >= limit || (weeklyEmpty && year.year >= lastSpecialYear)) {
        break;
      }
      year = yearBlocks(year.year + 1);
    }
    out[0] = SpanSource.NONE;
    out[1] = SpanSource.NONE;
  }

  private YearBlocks yearContaining(long second) {
    YearBlocks year = lastUsed;
    if (second >= year.yearStart && second < year.nextYearStart) {
      return year;
    }
    ZoneOffset offset = rules.getOffset(Instant.ofEpochSecond(second));
    int guess = LocalDateTime.ofEpochSecond(second, 0, offset).getYear();
    year = yearBlocks(guess);
    while (second < year.yearStart) {
      year = yearBlocks(year.year - 1);
    }
    while (second >= year.nextYearStart) {
      year = yearBlocks(year.year + 1);
    }
    lastUsed = year;
    return year;
  }

  private YearBlocks yearBlocks(int year) {
    YearBlocks cached = lastUsed;
    if (cached != null && cached.year == year) {
      return cached;
    }
    if (years.size() >= MAX_CACHED_YEARS) {
      years.clear();
    }
    return years.computeIfAbsent(year, this::computeYear);
  }

  private YearBlocks computeYear(int year) {
    LocalDate date = LocalDate.of(year, 1, 1);
    LocalDate end = date.plusYears(1);
    long[] starts = new long[512];
    long[] ends = new long[512];
    int count = 0;
    long dayStart = toEpochSecond(date, 0);
    long yearStart = dayStart;
    while (date.isBefore(end)) {
      LocalDate next = date.plusDays(1);
      long nextDayStart = toEpochSecond(next, 0);
      int[] hours = hoursOn(date);
      for (int i = 0; i < hours.length; i += 2) {
        long start = hours[i] == 0 ? dayStart : toEpochSecond(date, hours[i]);
        long stop =
            hours[i + 1] == SECONDS_PER_DAY ? nextDayStart : toEpochSecond(date, hours[i + 1]);
        if (stop <= start) {
          continue; // wholly inside a spring-forward gap
        }
        if (count > 0 && ends[count - 1] >= start) {
          ends[count - 1] = Math.max(ends[count - 1], stop);
        } else {
          if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
          }
          starts[count] = start;
          ends[count] = stop;
          count++;
        }
      }
      date = next;
      dayStart = nextDayStart;
    }
    return new YearBlocks(
        year, yearStart, dayStart, Arrays.copyOf(starts, count), Arrays.copyOf(ends, count));
  }

  private int[] hoursOn(LocalDate date) {
    int[] special = specialHours.get(date);
    if (special != null) {
      return special;
    }
    if (closedDates.contains(date) || yearlyHolidays.contains(MonthDay.from(date))) {
      return NO_HOURS;
    }
    return weekly[date.getDayOfWeek().ordinal()];
  }

  private long toEpochSecond(LocalDate date, int secondOfDay) {
    LocalDateTime local = date.atTime(LocalTime.ofSecondOfDay(secondOfDay));
    List<ZoneOffset> offsets = rules.getValidOffsets(local);
    if (!offsets.isEmpty()) {
      return local.toEpochSecond(offsets.get(0)); // the earlier occurrence in an overlap
    }
    return rules.getTransition(local).toEpochSecond(); // inside a gap: the transition
  }

  /** The working blocks of one local year, sorted and disjoint. Immutable. */
  private static final class YearBlocks {
    final int year;
    final long yearStart;
    final long nextYearStart;
    final long[] starts;
    final long[] ends;
    final int count;

    YearBlocks(int year, long yearStart, long nextYearStart, long[] starts, long[] ends) {
      this.year = year;
      this.yearStart = yearStart;
      this.nextYearStart = nextYearStart;
      this.starts = starts;
      this.ends = ends;
      this.count = starts.length;
    }

    /** Index of the first block whose end is after {@code second}, or {@code count}. */
    int firstEndingAfter(long second) {
      int low = 0;
      int high = count;
      while (low < high) {
        int mid = (low + high) >>> 1;
        if (ends[mid] <= second) {
          low = mid + 1;
        } else {
          high = mid;
        }
      }
      return low;
    }
  }

  /**
   * Collects the weekly hours, holidays and exceptions of a {@link WorkingHoursCalendar}. Every
   * check happens in {@link #build()}, which reports all problems at once.
   *
   * <p><b>Intervals.</b> Each interval is {@code [from, to)} in wall-clock time. {@code to} equal
   * to {@link LocalTime#MIDNIGHT} (or {@link LocalTime#MAX}) means the end of the day, 24:00; so
   * {@code (00:00, 00:00)} is the whole day. Times must be whole seconds. Intervals of one day
   * must not overlap, but may touch ({@code 08:00-12:00} and {@code 12:00-17:00}).
   *
   * <p>Not thread-safe; the calendar it builds is.
   */
  public static final class Builder {

    private final String name;
    private final ZoneId zone;
    private final Map<DayOfWeek, List<LocalTime[]>> hours = new EnumMap<>(DayOfWeek.class);
    private final Set<LocalDate> holidays = new TreeSet<>();
    private final Set<MonthDay> yearlyHolidays = new TreeSet<>();
    private final Set<LocalDate> closed = new TreeSet<>();
    private final Map<LocalDate, List<LocalTime[]>> specialHours = new TreeMap<>();

    Builder(String name, ZoneId zone) {
      this.name = Objects.requireNonNull(name, "name");
      this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * Adds a weekly working interval; call repeatedly for several intervals a day (a lunch
     * break).
     *
     * @param day the day of the week
     * @param from the start, inclusive
     * @param to the end, exclusive; {@code 00:00} means the end of the day
     * @return this builder
     * @throws NullPointerException if an argument is null
     */
    public Builder hours(DayOfWeek day, LocalTime from, LocalTime to) {
      Objects.requireNonNull(day, "day");
      hours.computeIfAbsent(day, d -> new ArrayList<>()).add(interval(from, to));
      return this;
    }

    /**
     * Adds the same working interval Monday to Friday.
     *
     * @param from the start, inclusive
     * @param to the end, exclusive; {@code 00:00} means the end of the day
     * @return this builder
     * @throws NullPointerException if an argument is null
     */
    public Builder weekdays(LocalTime from, LocalTime to) {
      for (DayOfWeek day : DayOfWeek.values()) {
        if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
          hours(day, from, to);
        }
      }
      return this;
    }

    /**
     * Adds a holiday on one date: no working time that day unless it has special hours, which
     * is an error.
     *
     * @param date the date
     * @return this builder
     * @throws NullPointerException if {@code date} is null
     */
    public Builder holiday(LocalDate date) {
      holidays.add(Objects.requireNonNull(date, "date"));
      return this;
    }

    /**
     * Adds a holiday that recurs every year on the same day, such as December 25. {@link
     * #specialHours special hours} on such a date take precedence.
     *
     * @param day the month and day
     * @return this builder
     * @throws NullPointerException if {@code day} is null
     */
    public Builder yearlyHoliday(MonthDay day) {
      yearlyHolidays.add(Objects.requireNonNull(day, "day"));
      return this;
    }

    /**
     * Closes the desk on one date (a one-off exception): no working time that day.
     *
     * @param date the date
     * @return this builder
     * @throws NullPointerException if {@code date} is null
     */
    public Builder closed(LocalDate date) {
      closed.add(Objects.requireNonNull(date, "date"));
      return this;
    }

    /**
     * Adds a special working interval on one date; the special intervals of a date replace its
     * weekly hours and any yearly holiday. Call repeatedly for several intervals.
     *
     * @param date the date
     * @param from the start, inclusive
     * @param to the end, exclusive; {@code 00:00} means the end of the day
     * @return this builder
     * @throws NullPointerException if an argument is null
     */
    public Builder specialHours(LocalDate date, LocalTime from, LocalTime to) {
      Objects.requireNonNull(date, "date");
      specialHours.computeIfAbsent(date, d -> new ArrayList<>()).add(interval(from, to));
      return this;
    }

    /**
     * Checks everything and builds the calendar.
     *
     * @return the calendar
     * @throws ValidationException listing every problem: a blank name; an interval with
     *     fractional seconds, or whose start is not before its end; intervals of one day that
     *     overlap; special hours on a fixed holiday or closed date; no working time at all
     *     (neither weekly hours nor special hours)
     */
    public WorkingHoursCalendar build() {
      List<String> problems = new ArrayList<>();
      if (name.isBlank()) {
        problems.add("name must not be blank, but was '" + name + "'");
      }
      int[][] weekly = new int[7][];
      for (DayOfWeek day : DayOfWeek.values()) {
        weekly[day.ordinal()] =
            check("hours." + day, hours.getOrDefault(day, List.of()), problems);
      }
      Map<LocalDate, int[]> special = new HashMap<>();
      for (Map.Entry<LocalDate, List<LocalTime[]>> e : specialHours.entrySet()) {
        LocalDate date = e.getKey();
        String path = "specialHours." + date;
        special.put(date, check(path, e.getValue(), problems));
        if (closed.contains(date)) {
          problems.add(path + " must not be a date listed in closed, but was " + date);
        }
        if (holidays.contains(date)) {
          problems.add(path + " must not be a date listed in holidays, but was " + date);
        }
      }
      if (hours.isEmpty() && specialHours.isEmpty()) {
        problems.add(
            "hours must contain at least one working interval (or specialHours at least one"
                + " date), but was empty");
      }
      if (!problems.isEmpty()) {
        throw new ValidationException(problems);
      }
      return new WorkingHoursCalendar(this, weekly, special);
    }

    private static LocalTime[] interval(LocalTime from, LocalTime to) {
      return new LocalTime[] {Objects.requireNonNull(from, "from"), Objects.requireNonNull(to, "to")};
    }

    /** Validates the intervals of one day; returns them sorted as {from, to, ...}. */
    private static int[] check(String path, List<LocalTime[]> intervals, List<String> problems) {
      List<int[]> valid = new ArrayList<>();
      for (int i = 0; i < intervals.size(); i++) {
        LocalTime from = intervals.get(i)[0];
        LocalTime to = intervals.get(i)[1];
        String field = path + "[" + i + "]";
        boolean endOfDay = to.equals(LocalTime.MIDNIGHT) || to.equals(LocalTime.MAX);
        if (from.getNano() != 0 || (!endOfDay && to.getNano() != 0)) {
          problems.add(
              field + " must use whole seconds, but was [" + from + "-" + to + "]");
          continue;
        }
        int start = from.toSecondOfDay();
        int end = endOfDay ? SECONDS_PER_DAY : to.toSecondOfDay();
        if (start >= end) {
          problems.add(
              field
                  + " must start before it ends (00:00 as the end means midnight), but was "
                  + format(start, end));
          continue;
        }
        for (int[] earlier : valid) {
          if (start < earlier[1] && earlier[0] < end) {
            problems.add(
                field
                    + " must not overlap "
                    + format(earlier[0], earlier[1])
                    + ", but was "
                    + format(start, end));
            break;
          }
        }
        valid.add(new int[] {start, end});
      }
      valid.sort((a, b) -> Integer.compare(a[0], b[0]));
      int[] flat = new int[valid.size() * 2];
      for (int i = 0; i < valid.size(); i++) {
        flat[2 * i] = valid.get(i)[0];
        flat[2 * i + 1] = valid.get(i)[1];
      }
      return flat;
    }

    private static String format(int start, int end) {
      return "[" + time(start) + "-" + time(end) + "]";
    }

    private static String time(int secondOfDay) {
      return secondOfDay == SECONDS_PER_DAY ? "24:00" : LocalTime.ofSecondOfDay(secondOfDay).toString();
    }
  }
}
