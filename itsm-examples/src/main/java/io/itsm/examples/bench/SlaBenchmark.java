package io.itsm.examples.bench;

import io.itsm.core.MutableClock;
import io.itsm.core.ServiceDesk;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.event.Visibility;
import io.itsm.core.incident.Assignment;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Impact;
import io.itsm.core.incident.OnHoldReason;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.SupportLevel;
import io.itsm.core.incident.Ticket;
import io.itsm.core.incident.Urgency;
import io.itsm.core.sla.BusinessCalendar;
import io.itsm.core.sla.SlaClock;
import io.itsm.core.sla.SlaPolicy;
import io.itsm.core.sla.SlaReport;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SLA arithmetic. Targets (issue "SLAs and escalation"): the due date of a 30-business-day target
 * on a calendar with 20 holidays a year ≤ 2 µs; a whole incident's SLA evaluation ≤ 5 µs.
 *
 * <ul>
 *   <li>{@code dueDate}: {@code addBusinessTime(start, 30 × 8 h)} on a Stockholm office calendar
 *       (Mon–Fri 08:00–16:00, 20 holidays a year), from a different start each call;
 *   <li>{@code dueDateDayByDay}: the same with {@link DayByDayCalendar}, the day-by-day baseline;
 *   <li>{@code evaluateIncident}: {@link SlaClock#evaluate} over a 15-event history (logged,
 *       triaged, worked, two holds, comments, reprioritized, resolved) on the default policy.
 * </ul>
 *
 * <p>Run: {@code java -cp itsm-examples/target/itsm.jar org.openjdk.jmh.Main SlaBenchmark -f 1
 * -wi 3 -i 5}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SlaBenchmark {

  /** The zone of the benchmark calendar. */
  public static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

  /** 30 business days of 8 hours. */
  public static final Duration THIRTY_BUSINESS_DAYS = Duration.ofHours(30 * 8);

  /** Starts spread over two years, to defeat caching of one answer. */
  public static final int STARTS = 1024;

  BusinessCalendar calendar;
  DayByDayCalendar baseline;
  Instant[] starts;
  int next;
  List<IncidentEvent> history;
  Instant evaluateAt;
  SlaPolicy policy;

  /** The fixed holidays: 20 a year in 2026 and 2027 (yearly ones are added on top). */
  static Set<LocalDate> holidays() {
    Set<LocalDate> h = new HashSet<>();
    for (int year : new int[] {2026, 2027}) {
      for (int i = 0; i < 16; i++) {
        h.add(LocalDate.of(year, 1 + (i * 7) % 12, 3 + i));
      }
    }
    return h;
  }

  /** Four yearly holidays. */
  static Set<MonthDay> yearlyHolidays() {
    return Set.of(MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(12, 25), MonthDay.of(12, 26));
  }

  /**
   * Builds the benchmark calendar.
   *
   * @return the calendar
   */
  public static BusinessCalendar calendar() {
    var b = BusinessCalendar.builder("stockholm-office", ZONE);
    for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
        DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
      b.hours(d, LocalTime.of(8, 0), LocalTime.of(16, 0));
    }
    holidays().forEach(b::holiday);
    yearlyHolidays().forEach(b::yearlyHoliday);
    return b.build();
  }

  /**
   * Builds the day-by-day baseline for the same calendar.
   *
   * @return the baseline
   */
  public static DayByDayCalendar baseline() {
    return new DayByDayCalendar(ZONE, LocalTime.of(8, 0), LocalTime.of(16, 0), holidays(), yearlyHolidays());
  }

  /**
   * The start instants: every 17 hours and 13 minutes from 2026-01-05.
   *
   * @return the starts
   */
  public static Instant[] starts() {
    Instant[] s = new Instant[STARTS];
    Instant t = Instant.parse("2026-01-05T07:00:00Z");
    for (int i = 0; i < STARTS; i++) {
      s[i] = t;
      t = t.plus(Duration.ofHours(17).plusMinutes(13));
    }
    return s;
  }

  /**
   * A realistic incident history of 15 events, recorded by a real desk.
   *
   * @param clock the desk's clock, which this method advances
   * @return the history
   */
  static List<IncidentEvent> history(MutableClock clock) {
    ServiceDesk desk = ServiceDesk.builder().clock(clock).build();
    Actor agent = Actor.of("nils", Role.AGENT, "network-ops");
    Actor caller = Actor.endUser("anna");
    String id = desk.log(caller, Ticket.builder().title("VPN drops").caller(Caller.of("anna")).build()).id();
    desk.categorize(agent, id, "network", "vpn");
    desk.prioritize(agent, id, Impact.MEDIUM, Urgency.MEDIUM, Priority.P3);
    desk.assign(agent, id, Assignment.toTeam("network-ops", SupportLevel.L2));
    clock.advance(Duration.ofMinutes(40));
    desk.startWork(agent, id);
    desk.comment(agent, id, "Which client version?", Visibility.PUBLIC);
    desk.putOnHold(agent, id, OnHoldReason.AWAITING_USER, "");
    clock.advance(Duration.ofHours(15));
    desk.comment(caller, id, "5.2", Visibility.PUBLIC);
    desk.resume(agent, id, "");
    clock.advance(Duration.ofHours(2));
    desk.prioritize(agent, id, Impact.HIGH, Urgency.MEDIUM, Priority.P2);
    desk.putOnHold(agent, id, OnHoldReason.AWAITING_VENDOR, "");
    clock.advance(Duration.ofHours(20));
    desk.resume(agent, id, "");
    desk.comment(agent, id, "Patched", Visibility.INTERNAL);
    clock.advance(Duration.ofHours(1));
    desk.proposeResolution(agent, id, "SOLVED_FIXED", "Client 5.4");
    return desk.history(Actor.system(), id);
  }

  /** Sets up the calendars, starts and the history. */
  @Setup
  public void setUp() {
    calendar = calendar();
    baseline = baseline();
    starts = starts();
    MutableClock clock = MutableClock.at(Instant.parse("2026-11-23T08:30:00Z"));
    history = history(clock);
    evaluateAt = clock.instant().plus(Duration.ofHours(3));
    policy = SlaPolicy.defaults();
  }

  /**
   * The library's due date.
   *
   * @return the due instant
   */
  @Benchmark
  public Instant dueDate() {
    Instant s = starts[next++ & (STARTS - 1)];
    return calendar.addBusinessTime(s, THIRTY_BUSINESS_DAYS);
  }

  /**
   * The day-by-day baseline's due date.
   *
   * @return the due instant
   */
  @Benchmark
  public Instant dueDateDayByDay() {
    Instant s = starts[next++ & (STARTS - 1)];
    return baseline.addBusinessTime(s, THIRTY_BUSINESS_DAYS);
  }

  /**
   * A whole incident's SLA evaluation.
   *
   * @return the report
   */
  @Benchmark
  public SlaReport evaluateIncident() {
    return SlaClock.evaluate(history, policy, evaluateAt);
  }
}
