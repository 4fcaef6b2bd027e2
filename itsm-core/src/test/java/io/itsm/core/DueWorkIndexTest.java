package io.itsm.core;

import static io.itsm.core.Fixtures.ADMIN;
import static io.itsm.core.Fixtures.CALLER;
import static io.itsm.core.Fixtures.DESK_AGENT;
import static io.itsm.core.Fixtures.MANAGER;
import static io.itsm.core.Fixtures.NET_AGENT;
import static io.itsm.core.Fixtures.SIMPLE_POLICY;
import static io.itsm.core.Fixtures.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.approval.Verdict;
import io.itsm.core.escalation.EscalationAction;
import io.itsm.core.escalation.EscalationPolicy;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.event.SlaKind;
import io.itsm.core.event.Visibility;
import io.itsm.core.incident.Assignment;
import io.itsm.core.incident.Impact;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.OnHoldReason;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.Status;
import io.itsm.core.incident.SupportLevel;
import io.itsm.core.incident.Urgency;
import io.itsm.core.repository.InMemoryIncidentRepository;
import io.itsm.core.repository.IncidentQuery;
import io.itsm.core.repository.IncidentRepository;
import io.itsm.core.repository.StaleVersionException;
import io.itsm.core.sla.SlaPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The due-work index: a tick reads only what is due, and does exactly what a tick that looked at
 * every stored incident would do.
 */
class DueWorkIndexTest {

  private static final Instant MONDAY_9 = Instant.parse("2026-11-23T09:00:00Z");

  /**
   * A real in-memory repository that reports every stored incident as due at every tick: the desk
   * then looks at everything, as it did before the index. The reference for "behaviour unchanged".
   */
  private static final class EverythingDue implements IncidentRepository {
    final InMemoryIncidentRepository delegate = new InMemoryIncidentRepository();

    @Override
    public void append(long v, List<IncidentEvent> events, Incident state, Optional<Instant> due) {
      delegate.append(v, events, state, due);
    }

    @Override
    public boolean reschedule(String id, long version, Optional<Instant> due) {
      return delegate.reschedule(id, version, due);
    }

    @Override
    public List<String> findDue(Instant at) {
      return delegate.find(IncidentQuery.all()).stream().map(Incident::id).toList();
    }

    @Override
    public Optional<Instant> nextDueAt(String id) {
      return delegate.nextDueAt(id);
    }

    @Override
    public Optional<Incident> find(String id) {
      return delegate.find(id);
    }

    @Override
    public List<IncidentEvent> history(String id) {
      return delegate.history(id);
    }

    @Override
    public List<Incident> find(IncidentQuery query) {
      return delegate.find(query);
    }
  }

  /** A real in-memory repository that counts how many incidents the desk reads. */
  private static final class CountingReads implements IncidentRepository {
    final InMemoryIncidentRepository delegate = new InMemoryIncidentRepository();
    final AtomicInteger reads = new AtomicInteger();

    @Override
    public void append(long v, List<IncidentEvent> events, Incident state, Optional<Instant> due) {
      delegate.append(v, events, state, due);
    }

    @Override
    public boolean reschedule(String id, long version, Optional<Instant> due) {
      return delegate.reschedule(id, version, due);
    }

    @Override
    public List<String> findDue(Instant at) {
      return delegate.findDue(at);
    }

    @Override
    public Optional<Instant> nextDueAt(String id) {
      return delegate.nextDueAt(id);
    }

    @Override
    public Optional<Incident> find(String id) {
      reads.incrementAndGet();
      return delegate.find(id);
    }

    @Override
    public List<IncidentEvent> history(String id) {
      return delegate.history(id);
    }

    @Override
    public List<Incident> find(IncidentQuery query) {
      List<Incident> all = delegate.find(query);
      reads.addAndGet(all.size());
      return all;
    }
  }

  /** Notifies the team lead at 60 % (not a default checkpoint) and hands breaches to third line. */
  private static final EscalationPolicy LADDER = ((EscalationPolicy) (inc, sla) -> {
    List<EscalationAction> actions = new ArrayList<>();
    for (SlaKind kind : SlaKind.values()) {
      if (sla.status(kind).percentUsed() >= 60) {
        actions.add(EscalationAction.notifyRole(Role.TEAM_LEAD, "60 % notifies the team lead",
            sla.status(kind).explain()).forSla(kind));
      }
    }
    if (sla.resolution().breached()) {
      actions.add(EscalationAction.handOver(SupportLevel.L3, null, "Breached goes to third line",
          sla.resolution().explain()));
    }
    if (inc.priority().orElse(Priority.P5) == Priority.P1 && sla.resolution().percentUsed() >= 125) {
      actions.add(EscalationAction.notifyRole(Role.SENIOR_MANAGER, "P1 at 125 %", "late"));
    }
    return actions;
  }).withCheckpoints(60);

  private static ServiceDesk desk(MutableClock clock, IncidentRepository repo) {
    return ServiceDesk.builder().clock(clock).repository(repo).triagePolicy(SIMPLE_POLICY)
        .slaPolicy(SlaPolicy.defaults()).escalationPolicy(LADDER)
        .approvalDueAfter(Duration.ofHours(20)).reopenClosedWithin(Duration.ofDays(2)).build();
  }

  /** Runs one random command; failures of illegal or denied commands are part of the script. */
  private static void randomCommand(ServiceDesk desk, Random r, List<String> ids) {
    if (ids.isEmpty() || r.nextInt(6) == 0) {
      String title = r.nextBoolean() ? "VPN drops" : r.nextInt(4) == 0 ? "VPN approval needed" : "Printer jams";
      ids.add(desk.log(CALLER, ticket(title)).id());
      return;
    }
    String id = ids.get(r.nextInt(ids.size()));
    Actor agent = Actor.of("agent", Role.TEAM_LEAD, "network-ops", "service-desk");
    try {
      switch (r.nextInt(13)) {
        case 0 -> desk.assign(ADMIN, id, Assignment.toTeam("network-ops", SupportLevel.L2));
        case 1 -> desk.startWork(agent, id);
        case 2 -> desk.putOnHold(agent, id, r.nextBoolean() ? OnHoldReason.AWAITING_USER
            : OnHoldReason.AWAITING_VENDOR, "");
        case 3 -> desk.resume(agent, id, "");
        case 4 -> desk.comment(r.nextBoolean() ? agent : CALLER, id, "news", Visibility.PUBLIC);
        case 5 -> desk.prioritize(ADMIN, id, Impact.HIGH, Urgency.HIGH,
            Priority.values()[r.nextInt(Priority.values().length)]);
        case 6 -> desk.proposeResolution(ADMIN, id, "SOLVED_FIXED", "fixed");
        case 7 -> desk.confirmResolution(CALLER, id);
        case 8 -> desk.rejectResolution(CALLER, id, "still broken");
        case 9 -> desk.decideApproval(MANAGER, id, r.nextBoolean() ? Verdict.APPROVE : Verdict.REJECT, "no");
        case 10 -> desk.closeWithoutResolution(ADMIN, id, "DUPLICATE", "dup");
        case 11 -> desk.reopen(CALLER, id, "again");
        default -> desk.cancel(ADMIN, id, "withdrawn");
      }
    } catch (ItsmException expected) {
      // an illegal move in this state, or not allowed: the same on both desks
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void indexedTick_recordsExactlyWhatAFullScanRecords(long seed) {
    MutableClock indexedClock = MutableClock.at(MONDAY_9);
    MutableClock scanClock = MutableClock.at(MONDAY_9);
    InMemoryIncidentRepository indexedRepo = new InMemoryIncidentRepository();
    EverythingDue scanRepo = new EverythingDue();
    ServiceDesk indexed = desk(indexedClock, indexedRepo);
    ServiceDesk scan = desk(scanClock, scanRepo);
    Random a = new Random(seed);
    Random b = new Random(seed);
    List<String> idsA = new ArrayList<>();
    List<String> idsB = new ArrayList<>();
    Random time = new Random(seed * 31);
    for (int step = 0; step < 400; step++) {
      randomCommand(indexed, a, idsA);
      randomCommand(scan, b, idsB);
      Duration d = Duration.ofMinutes(time.nextInt(time.nextInt(10) == 0 ? 24 * 60 : 50));
      indexedClock.advance(d);
      scanClock.advance(d);
      if (time.nextInt(3) == 0) {
        List<String> changedIndexed = indexed.tick().stream().map(Incident::id).toList();
        List<String> changedScan = scan.tick().stream().map(Incident::id).toList();
        assertThat(changedIndexed).as("step %d", step).isEqualTo(changedScan);
      }
    }
    assertThat(idsA).isEqualTo(idsB);
    java.util.Map<String, Integer> byType = new java.util.TreeMap<>();
    for (String id : idsA) {
      List<IncidentEvent> h = indexed.history(ADMIN, id);
      assertThat(h).as(id).isEqualTo(scan.history(ADMIN, id));
      h.forEach(e -> byType.merge(e.type(), 1, Integer::sum));
    }
    // the script exercised the tick's work: thresholds, breaches, escalations, auto-close
    assertThat(byType).as("events by type").containsKeys("SlaThresholdReached", "SlaBreached", "Escalated",
        "Closed");
    assertThat(byType.get("Escalated")).isGreaterThan(3);
  }

  @Test
  void aTick_readsOnlyWhatIsDue_notTheClosedIncidents() {
    MutableClock clock = MutableClock.at(MONDAY_9);
    CountingReads repo = new CountingReads();
    ServiceDesk desk = ServiceDesk.builder().clock(clock).repository(repo).triagePolicy(SIMPLE_POLICY)
        .slaPolicy(SlaPolicy.defaults()).build();
    for (int i = 0; i < 500; i++) {
      String id = desk.log(CALLER, ticket("Printer jams " + i)).id();
      desk.closeWithoutResolution(ADMIN, id, "DUPLICATE", "dup");
    }
    String open = desk.log(CALLER, ticket("VPN drops")).id(); // P2, 24x7: response 50 % at 09:15
    desk.tick();
    assertThat(repo.delegate.nextDueAt(open)).contains(Instant.parse("2026-11-23T09:15:00Z"));

    repo.reads.set(0);
    clock.advance(Duration.ofMinutes(10));
    assertThat(desk.tick()).isEmpty();
    assertThat(repo.reads.get()).as("nothing is due at 09:10").isZero();

    clock.advance(Duration.ofMinutes(5));
    assertThat(desk.tick()).extracting(Incident::id).containsExactly(open);
    assertThat(repo.reads.get()).as("only the one due incident").isBetween(1, 6);
    assertThat(repo.delegate.nextDueAt(open)).contains(Instant.parse("2026-11-23T09:22:30Z"));
  }

  @Test
  void dueTimes_withoutSla_areExactFromTheCommand() {
    MutableClock clock = MutableClock.at(MONDAY_9);
    InMemoryIncidentRepository repo = new InMemoryIncidentRepository();
    ServiceDesk desk = ServiceDesk.builder().clock(clock).repository(repo).triagePolicy(SIMPLE_POLICY)
        .approvalDueAfter(Duration.ofHours(8)).build();
    String id = desk.log(CALLER, ticket("VPN drops")).id();
    assertThat(repo.nextDueAt(id)).as("nothing is due for an assigned incident").isEmpty();
    desk.proposeResolution(NET_AGENT, id, "SOLVED_FIXED", "fixed");
    assertThat(repo.nextDueAt(id)).contains(MONDAY_9.plus(ServiceDesk.DEFAULT_AUTO_CLOSE_AFTER));
    desk.comment(NET_AGENT, id, "let us know", Visibility.PUBLIC);
    assertThat(repo.nextDueAt(id)).as("the tick finds the resolution in the history")
        .contains(Instant.EPOCH);
    desk.tick();
    assertThat(repo.nextDueAt(id)).contains(MONDAY_9.plus(ServiceDesk.DEFAULT_AUTO_CLOSE_AFTER));
    desk.confirmResolution(CALLER, id);
    assertThat(repo.nextDueAt(id)).isEmpty();

    String approval = desk.log(CALLER, ticket("VPN approval needed")).id();
    desk.proposeResolution(NET_AGENT, approval, "SOLVED_FIXED", "fixed");
    assertThat(repo.nextDueAt(approval)).contains(MONDAY_9.plus(Duration.ofHours(8)));
    assertThat(repo.findDue(MONDAY_9.plus(Duration.ofHours(8)))).containsExactly(approval);
  }

  @Test
  void aFailingEscalationPolicy_isAskedAgainAtTheNextTick() {
    MutableClock clock = MutableClock.at(MONDAY_9);
    InMemoryIncidentRepository repo = new InMemoryIncidentRepository();
    AtomicInteger asked = new AtomicInteger();
    ServiceDesk desk = ServiceDesk.builder().clock(clock).repository(repo).slaPolicy(SlaPolicy.defaults())
        .escalationPolicy((inc, sla) -> {
          asked.incrementAndGet();
          throw new IllegalStateException("boom");
        }).build();
    String id = desk.log(ADMIN, ticket("Printer jams")).id();
    desk.tick();
    desk.tick();
    assertThat(asked.get()).isEqualTo(2);
    assertThat(repo.nextDueAt(id)).contains(Instant.EPOCH);
  }

  @Test
  void inMemoryRepository_findDue_isOrderedByTime_thenId_andRescheduleChecksTheVersion() {
    MutableClock clock = MutableClock.at(MONDAY_9);
    InMemoryIncidentRepository repo = new InMemoryIncidentRepository();
    ServiceDesk desk = ServiceDesk.builder().clock(clock).repository(repo).build();
    Incident a = desk.log(ADMIN, ticket("a"));
    Incident b = desk.log(ADMIN, ticket("b"));
    Incident c = desk.log(ADMIN, ticket("c"));
    assertThat(repo.reschedule(a.id(), a.version(), Optional.of(MONDAY_9.plusSeconds(20)))).isTrue();
    assertThat(repo.reschedule(b.id(), b.version(), Optional.of(MONDAY_9.plusSeconds(10)))).isTrue();
    assertThat(repo.reschedule(c.id(), c.version(), Optional.of(MONDAY_9.plusSeconds(10)))).isTrue();
    assertThat(repo.findDue(MONDAY_9.plusSeconds(9))).isEmpty();
    assertThat(repo.findDue(MONDAY_9.plusSeconds(10))).containsExactly(b.id(), c.id());
    assertThat(repo.findDue(MONDAY_9.plusSeconds(60))).containsExactly(b.id(), c.id(), a.id());

    desk.comment(ADMIN, a.id(), "changed", Visibility.PUBLIC);
    assertThat(repo.reschedule(a.id(), a.version(), Optional.empty())).as("stale version").isFalse();
    assertThat(repo.nextDueAt(a.id())).as("the command's own due time stays").isEmpty();
    assertThat(repo.reschedule("INC-999999", 1, Optional.empty())).isFalse();
    assertThatThrownBy(() -> repo.append(0, List.of(), a, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void inMemoryHistory_isASnapshot_thatLaterAppendsDoNotChange_andCannotBeModified() {
    InMemoryIncidentRepository repo = new InMemoryIncidentRepository();
    ServiceDesk desk = ServiceDesk.builder().repository(repo).build();
    String id = desk.log(ADMIN, ticket("a")).id();
    List<IncidentEvent> before = repo.history(id);
    for (int i = 0; i < 100; i++) {
      desk.comment(ADMIN, id, "c" + i, Visibility.INTERNAL);
    }
    List<IncidentEvent> after = repo.history(id);
    assertThat(before).hasSize(1);
    assertThat(after).hasSize(101).startsWith(before.get(0));
    assertThat(after.subList(0, 50)).isEqualTo(new ArrayList<>(after).subList(0, 50));
    assertThatThrownBy(() -> after.add(after.get(0))).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> after.set(0, after.get(1))).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> after.get(101)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void inMemoryAppend_staleVersion_storesNothing() {
    InMemoryIncidentRepository repo = new InMemoryIncidentRepository();
    ServiceDesk desk = ServiceDesk.builder().repository(repo).build();
    Incident inc = desk.log(ADMIN, ticket("a"));
    Incident commented = desk.comment(DESK_AGENT, inc.id(), "x", Visibility.PUBLIC);
    List<IncidentEvent> h = repo.history(inc.id());
    assertThatThrownBy(() -> repo.append(inc.version(), List.of(h.get(1)), commented, Optional.empty()))
        .isInstanceOf(StaleVersionException.class);
    assertThat(repo.history(inc.id())).isEqualTo(h);
    assertThat(repo.find(inc.id())).contains(commented);
  }
}
