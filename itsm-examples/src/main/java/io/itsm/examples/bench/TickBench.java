package io.itsm.examples.bench;

import io.itsm.core.MutableClock;
import io.itsm.core.ServiceDesk;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.event.Visibility;
import io.itsm.core.incident.Assignment;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.SupportLevel;
import io.itsm.core.incident.Ticket;
import io.itsm.core.repository.InMemoryIncidentRepository;
import io.itsm.core.sla.SlaPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code ServiceDesk.tick} costs what is due, not what is stored (issue #10: a tick with 1,000,000
 * stored closed incidents and 1,000 open costs ≤ 2 × the tick with 1,000 stored).
 *
 * <p>A desk with the default SLA policy holds {@link #OPEN} open incidents with running SLA clocks
 * (assigned, in progress, on hold for a vendor: the clocks run) and {@code closed} incidents
 * closed without a resolution. Two ticks at a fixed instant, after a first tick recorded what was
 * due by then:
 *
 * <ul>
 *   <li>{@code tickAllOpenDue}: every open incident is marked due first (as a command on each
 *       since the last tick would), so the tick looks at all 1,000: evaluates their SLA clocks,
 *       finds nothing more to record at this instant and stores their next due time;
 *   <li>{@code tickNothingDue}: nothing is due: the tick asks the index and is done.
 * </ul>
 *
 * <p>Run: {@code java -cp itsm-examples/target/itsm.jar org.openjdk.jmh.Main TickBench -f 1 -wi 5
 * -i 5}. The fork needs a large heap for a million incidents (set below).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms3g", "-Xmx3g"})
public class TickBench {

  /** Open incidents in every desk. */
  public static final int OPEN = 1_000;

  /** The instant of the ticks: Monday 23 November 2026, 11:00 UTC (the incidents opened at 09:00). */
  public static final Instant TICK_AT = Instant.parse("2026-11-23T11:00:00Z");

  /** A desk with open and closed incidents. */
  @State(Scope.Benchmark)
  public static class Desk {
    /** How many closed incidents are stored beside the open ones. */
    @Param({"0", "1000000"})
    public int closed;

    ServiceDesk desk;
    InMemoryIncidentRepository repository;
    List<String> open;

    /** Builds the desk and runs the first tick. */
    @Setup(Level.Trial)
    public void setUp() {
      Built b = build(closed, OPEN);
      desk = b.desk();
      repository = b.repository();
      open = b.open();
    }

    /** Marks every open incident due, as commands on each since the last tick would. */
    @Setup(Level.Invocation)
    public void markOpenDue() {
      for (String id : open) {
        Incident inc = repository.find(id).orElseThrow();
        repository.reschedule(id, inc.version(), Optional.of(Instant.EPOCH));
      }
    }
  }

  /** A desk with nothing due at {@link #TICK_AT}. */
  @State(Scope.Benchmark)
  public static class IdleDesk {
    /** How many closed incidents are stored beside the open ones. */
    @Param({"0", "1000000"})
    public int closed;

    ServiceDesk desk;

    /** Builds the desk and runs the first tick. */
    @Setup(Level.Trial)
    public void setUp() {
      desk = build(closed, OPEN).desk();
    }
  }

  /**
   * A built desk.
   *
   * @param desk the desk
   * @param repository its repository
   * @param open the ids of the open incidents
   */
  public record Built(ServiceDesk desk, InMemoryIncidentRepository repository, List<String> open) {}

  /**
   * Builds a desk with closed and open incidents, all opened at 09:00, and ticks it at {@link
   * #TICK_AT} once, so that what was due by then is recorded and every incident has its exact
   * next due time.
   *
   * @param closed closed incidents (closed without a resolution, two events each)
   * @param open open incidents with running SLA clocks, in three states
   * @return the desk
   */
  public static Built build(int closed, int open) {
    MutableClock clock = MutableClock.at(Instant.parse("2026-11-23T09:00:00Z"));
    InMemoryIncidentRepository repository = new InMemoryIncidentRepository();
    ServiceDesk desk = ServiceDesk.builder().clock(clock).repository(repository)
        .slaPolicy(SlaPolicy.defaults()).build();
    Actor agent = Actor.of("agent", Role.TEAM_LEAD, "service-desk");
    Ticket ticket = Ticket.builder().title("Printer jams").caller(Caller.of("u1")).build();
    for (int i = 0; i < closed; i++) {
      String id = desk.log(agent, ticket).id();
      desk.closeWithoutResolution(agent, id, "DUPLICATE", "dup");
    }
    List<String> ids = new ArrayList<>();
    Assignment team = Assignment.toTeam("service-desk", SupportLevel.L1);
    for (int i = 0; i < open; i++) {
      String id = desk.log(agent, ticket).id();
      desk.assign(agent, id, team);
      if (i % 3 > 0) {
        desk.startWork(agent, id);
      }
      if (i % 3 == 2) {
        desk.putOnHold(agent, id, io.itsm.core.incident.OnHoldReason.AWAITING_VENDOR, "");
      }
      desk.comment(agent, id, "looking at it", Visibility.INTERNAL);
      ids.add(id);
    }
    clock.set(TICK_AT);
    desk.tick();
    return new Built(desk, repository, List.copyOf(ids));
  }

  /**
   * A tick that looks at all open incidents.
   *
   * @param d the desk
   * @return the incidents changed (none)
   */
  @Benchmark
  public List<Incident> tickAllOpenDue(Desk d) {
    return d.desk.tick(TICK_AT);
  }

  /**
   * A tick with nothing due.
   *
   * @param d the desk
   * @return the incidents changed (none)
   */
  @Benchmark
  public List<Incident> tickNothingDue(IdleDesk d) {
    return d.desk.tick(TICK_AT);
  }
}
