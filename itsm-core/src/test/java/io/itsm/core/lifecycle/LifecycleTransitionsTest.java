package io.itsm.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.ServiceDesk;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.approval.Verdict;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.event.Visibility;
import io.itsm.core.incident.Assignment;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Impact;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Link;
import io.itsm.core.incident.LinkType;
import io.itsm.core.incident.OnHoldReason;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.Status;
import io.itsm.core.incident.SupportLevel;
import io.itsm.core.incident.Ticket;
import io.itsm.core.incident.Urgency;
import io.itsm.core.triage.TriageAttribute;
import io.itsm.core.triage.TriageDecision;
import io.itsm.core.triage.TriageResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Drives every (state, command) pair of the lifecycle through a real desk: legal pairs reach a
 * state the table allows, illegal pairs throw {@link IllegalTransitionException} and leave the
 * incident and its history unchanged.
 */
class LifecycleTransitionsTest {

  private static final Actor ADMIN = Actor.of("root", Role.ADMIN);
  private static final Actor MANAGER = Actor.of("m-maja", Role.MANAGER);
  private static final Actor CALLER = Actor.endUser("u-anna");
  private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

  /** The commands the desk runs by itself in tick(); tested separately. */
  private static final Set<Command> TICK_COMMANDS = Set.of(Command.AUTO_CLOSE, Command.EXPIRE_APPROVAL,
      Command.RECORD_SLA);

  private static ServiceDesk desk() {
    return ServiceDesk.builder()
        .clock(java.time.Clock.fixed(T0, java.time.ZoneOffset.UTC))
        .approvalDueAfter(Duration.ofDays(2))
        .reopenClosedWithin(Duration.ofDays(30))
        .triagePolicy(t -> t.title().contains("approval")
            ? TriageResult.of(List.of(new TriageDecision(TriageAttribute.APPROVAL_REQUIRED, true,
                "Approval needed", "test", 0)), List.of(), List.of("Approval needed"))
            : TriageResult.empty())
        .build();
  }

  /** Brings a new incident to a state through legal commands only. */
  static Incident bringTo(ServiceDesk desk, Status status) {
    boolean approval = status == Status.PENDING_APPROVAL;
    Ticket t = Ticket.builder().title(approval ? "approval: printer jam" : "printer jam")
        .caller(Caller.of(CALLER.id())).build();
    String id = desk.log(CALLER, t).id();
    switch (status) {
      case NEW:
        break;
      case ASSIGNED:
        desk.assign(ADMIN, id, Assignment.toTeam("desktop-support", SupportLevel.L2));
        break;
      case IN_PROGRESS:
        desk.assign(ADMIN, id, Assignment.toTeam("desktop-support", SupportLevel.L2));
        desk.startWork(ADMIN, id);
        break;
      case ON_HOLD:
        desk.assign(ADMIN, id, Assignment.toTeam("desktop-support", SupportLevel.L2));
        desk.putOnHold(ADMIN, id, OnHoldReason.AWAITING_USER, "which printer?");
        break;
      case PENDING_APPROVAL:
      case RESOLVED:
        desk.assign(ADMIN, id, Assignment.toTeam("desktop-support", SupportLevel.L2));
        desk.proposeResolution(ADMIN, id, "SOLVED_FIXED", "cleared the jam");
        break;
      case CLOSED:
        desk.assign(ADMIN, id, Assignment.toTeam("desktop-support", SupportLevel.L2));
        desk.proposeResolution(ADMIN, id, "SOLVED_FIXED", "cleared the jam");
        desk.confirmResolution(CALLER, id);
        break;
      case CANCELLED:
        desk.cancel(ADMIN, id, "duplicate");
        break;
      default:
        throw new AssertionError(status);
    }
    Incident inc = desk.get(ADMIN, id);
    assertThat(inc.status()).isEqualTo(status);
    return inc;
  }

  static Incident perform(ServiceDesk desk, String id, Command command) {
    switch (command) {
      case CATEGORIZE:
        return desk.categorize(ADMIN, id, "hardware", "printer");
      case PRIORITIZE:
        return desk.prioritize(ADMIN, id, Impact.LOW, Urgency.LOW, Priority.P4);
      case ASSIGN:
        return desk.assign(ADMIN, id, Assignment.toPerson("desktop-support", "a-sara", SupportLevel.L1));
      case START_WORK:
        return desk.startWork(ADMIN, id);
      case COMMENT:
        return desk.comment(ADMIN, id, "looking at it", Visibility.PUBLIC);
      case PUT_ON_HOLD:
        return desk.putOnHold(ADMIN, id, OnHoldReason.AWAITING_VENDOR, "toner ordered");
      case RESUME:
        return desk.resume(ADMIN, id, "toner arrived");
      case ESCALATE:
        return desk.escalateHierarchically(ADMIN, id, Role.TEAM_LEAD, "third jam this week");
      case LINK:
        return desk.link(ADMIN, id, new Link(LinkType.RELATED_PROBLEM, "PRB-7"));
      case PROPOSE_RESOLUTION:
        return desk.proposeResolution(ADMIN, id, "SOLVED_FIXED", "replaced the roller");
      case DECIDE_APPROVAL:
        return desk.decideApproval(MANAGER, id, Verdict.APPROVE, "fine");
      case CONFIRM_RESOLUTION:
        return desk.confirmResolution(CALLER, id);
      case REJECT_RESOLUTION:
        return desk.rejectResolution(CALLER, id, "still jams");
      case CLOSE:
        return desk.close(ADMIN, id, "caller unreachable");
      case CANCEL:
        return desk.cancel(ADMIN, id, "logged twice");
      case CLOSE_WITHOUT_RESOLUTION:
        return desk.closeWithoutResolution(ADMIN, id, "DUPLICATE", "same jam as INC-000007");
      case REOPEN:
        return desk.reopen(CALLER, id, "jams again");
      default:
        throw new AssertionError("not a user command: " + command);
    }
  }

  static Stream<Arguments> everyStateAndCommand() {
    List<Arguments> args = new ArrayList<>();
    for (Status s : Status.values()) {
      for (Command c : Command.values()) {
        if (!TICK_COMMANDS.contains(c)) {
          args.add(Arguments.of(s, c));
        }
      }
    }
    return args.stream();
  }

  @ParameterizedTest(name = "{0} x {1}")
  @MethodSource("everyStateAndCommand")
  void command_inState_followsTheTable(Status status, Command command) {
    ServiceDesk desk = desk();
    Incident before = bringTo(desk, status);
    List<IncidentEvent> historyBefore = desk.history(ADMIN, before.id());
    Lifecycle table = desk.config().lifecycle();

    if (table.isAllowed(status, command)) {
      Incident after = perform(desk, before.id(), command);
      assertThat(table.targets(status, command)).contains(after.status());
      assertThat(after.version()).isGreaterThan(before.version());
      assertThat(desk.history(ADMIN, before.id())).startsWith(historyBefore.toArray(IncidentEvent[]::new));
    } else {
      assertThatThrownBy(() -> perform(desk, before.id(), command))
          .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
            assertThat(e.getStatus()).isEqualTo(status);
            assertThat(e.getCommand()).isEqualTo(command);
            assertThat(e.getIncidentId()).contains(before.id());
            assertThat(e.getAllowed()).isEqualTo(table.allowed(status));
          })
          .hasMessageContaining("incident " + before.id() + " is " + status)
          .hasMessageContaining(command + " is not allowed");
      assertThat(desk.get(ADMIN, before.id())).isEqualTo(before);
      assertThat(desk.history(ADMIN, before.id())).isEqualTo(historyBefore);
    }
  }

  @ParameterizedTest
  @EnumSource(Status.class)
  void tick_farInTheFuture_closesOnlyResolvedAndExpiresOnlyPendingApprovals(Status status) {
    ServiceDesk desk = desk();
    Incident before = bringTo(desk, status);

    desk.tick(T0.plus(Duration.ofDays(30)));

    Incident after = desk.get(ADMIN, before.id());
    switch (status) {
      case RESOLVED -> {
        assertThat(desk.config().lifecycle().targets(status, Command.AUTO_CLOSE)).contains(Status.CLOSED);
        assertThat(after.status()).isEqualTo(Status.CLOSED);
      }
      case PENDING_APPROVAL -> {
        assertThat(desk.config().lifecycle().targets(status, Command.EXPIRE_APPROVAL)).contains(Status.IN_PROGRESS);
        assertThat(after.status()).isEqualTo(Status.IN_PROGRESS);
      }
      default -> {
        assertThat(desk.config().lifecycle().isAllowed(status, Command.AUTO_CLOSE)).isFalse();
        assertThat(desk.config().lifecycle().isAllowed(status, Command.EXPIRE_APPROVAL)).isFalse();
        assertThat(after).isEqualTo(before);
      }
    }
  }

  @Test
  void finalStates_allowNothing_andTheMessageSaysSo() {
    // the table lets a CLOSED incident be reopened; a desk without a reopen window (the default)
    // treats CLOSED as final, like CANCELLED
    ServiceDesk desk = ServiceDesk.builder().clock(java.time.Clock.fixed(T0, java.time.ZoneOffset.UTC)).build();
    Incident closed = bringTo(desk, Status.CLOSED);
    assertThat(desk.config().lifecycle().allowed(Status.CLOSED)).containsExactly(Command.REOPEN);
    assertThat(desk.config().lifecycle().allowed(Status.CANCELLED)).isEmpty();
    assertThatThrownBy(() -> desk.comment(ADMIN, closed.id(), "hello", Visibility.PUBLIC))
        .hasMessage("incident " + closed.id() + " is CLOSED: COMMENT is not allowed; CLOSED is final,"
            + " no command is allowed. Log a new incident and LINK it to this one instead");
    assertThatThrownBy(() -> desk.reopen(CALLER, closed.id(), "broken again"))
        .isInstanceOfSatisfying(IllegalTransitionException.class,
            e -> assertThat(e.getAllowed()).isEmpty())
        .hasMessage("incident " + closed.id() + " is CLOSED: REOPEN is not allowed; CLOSED is final,"
            + " no command is allowed. this desk does not reopen closed incidents (turn it on with"
            + " ServiceDesk.builder().reopenClosedWithin(...)); log a new incident and LINK it to"
            + " this one");
  }

  @Test
  void closed_withAReopenWindow_allowsOnlyReopen_andSaysSo() {
    ServiceDesk desk = desk();
    Incident closed = bringTo(desk, Status.CLOSED);
    assertThatThrownBy(() -> desk.comment(ADMIN, closed.id(), "hello", Visibility.PUBLIC))
        .hasMessage("incident " + closed.id() + " is CLOSED: COMMENT is not allowed; allowed in"
            + " CLOSED: [REOPEN]. REOPEN it (within the desk's reopen window), or log a new incident"
            + " and LINK it to this one");
  }

  @Test
  void startWork_whenNew_suggestsAssigningFirst() {
    ServiceDesk desk = desk();
    Incident inc = bringTo(desk, Status.NEW);
    assertThatThrownBy(() -> desk.startWork(ADMIN, inc.id()))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("ASSIGN it to a team first");
  }

  @Test
  void realDeskMoves_areInTheTable() {
    Lifecycle t = Lifecycle.DEFAULT;
    assertThat(t.targets(Status.NEW, Command.PROPOSE_RESOLUTION)).contains(Status.RESOLVED);
    assertThat(t.targets(Status.ON_HOLD, Command.PROPOSE_RESOLUTION)).contains(Status.RESOLVED);
    assertThat(t.targets(Status.ON_HOLD, Command.PUT_ON_HOLD)).containsExactly(Status.ON_HOLD);
    assertThat(t.targets(Status.RESOLVED, Command.REJECT_RESOLUTION)).containsExactly(Status.IN_PROGRESS);
    assertThat(t.targets(Status.RESOLVED, Command.AUTO_CLOSE)).containsExactly(Status.CLOSED);
    // found replaying a real ServiceNow event log
    assertThat(t.targets(Status.IN_PROGRESS, Command.ASSIGN)).as("reassign keeps the state")
        .containsExactly(Status.IN_PROGRESS);
    assertThat(t.targets(Status.ON_HOLD, Command.ASSIGN)).containsExactly(Status.ON_HOLD);
    assertThat(t.targets(Status.RESOLVED, Command.ASSIGN)).as("correct who resolved it")
        .containsExactly(Status.RESOLVED);
    assertThat(t.targets(Status.NEW, Command.ASSIGN)).containsExactly(Status.ASSIGNED);
    assertThat(t.targets(Status.CLOSED, Command.REOPEN)).containsExactly(Status.IN_PROGRESS);
    for (Status s : Status.values()) {
      assertThat(t.isAllowed(s, Command.CLOSE_WITHOUT_RESOLUTION)).as("close unresolved from %s", s)
          .isEqualTo(s.isOpen());
      assertThat(t.isAllowed(s, Command.CANCEL)).as("CANCEL from %s", s).isEqualTo(s.isOpen());
      assertThat(t.targets(s, Command.RECORD_SLA)).as("RECORD_SLA from %s", s)
          .isEqualTo(s.isFinal() ? Set.of() : Set.of(s));
    }
  }
}
