package io.itsm.core.problem;

import static io.itsm.core.improvement.Desks.ANNA;
import static io.itsm.core.improvement.Desks.BERT;
import static io.itsm.core.improvement.Desks.LENA;
import static io.itsm.core.improvement.Desks.NINA;
import static io.itsm.core.improvement.Desks.PAUL;
import static io.itsm.core.improvement.Desks.ROOT;
import static io.itsm.core.improvement.Desks.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.ItsmException;
import io.itsm.core.MutableClock;
import io.itsm.core.RecordNotFoundException;
import io.itsm.core.RecordStateException;
import io.itsm.core.ServiceDesk;
import io.itsm.core.ValidationException;
import io.itsm.core.access.AccessDeniedException;
import io.itsm.core.access.Actor;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.event.Provenance;
import io.itsm.core.event.Resumed;
import io.itsm.core.improvement.Desks;
import io.itsm.core.improvement.RecordRef;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Link;
import io.itsm.core.incident.LinkType;
import io.itsm.core.incident.OnHoldReason;
import io.itsm.core.incident.Status;
import io.itsm.core.repository.IncidentNotFoundException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Problem management: states, known error, resuming incidents, recurrence proposals, access. */
class ProblemsTest {

  private final MutableClock clock = Desks.clock();
  private final List<KnownError> published = new ArrayList<>();
  private final AtomicReference<Problems> ref = new AtomicReference<>();
  private final ServiceDesk desk = Desks.desk(clock)
      .listener((e, inc) -> {
        if (ref.get() != null) {
          ref.get().incidentListener().onEvent(e, inc);
        }
      }).build();

  /** Three incidents of one category within two days are a problem. */
  private final ProblemDetectionPolicy threeInTwoDays = new ProblemDetectionPolicy() {
    @Override
    public List<ProblemProposal> propose(Incident incident, List<Incident> recent) {
      List<String> same = new ArrayList<>();
      recent.stream().filter(i -> i.category().equals(incident.category()))
          .forEach(i -> same.add(i.id()));
      if (same.size() < 2) {
        return List.of();
      }
      same.add(incident.id());
      return List.of(new ProblemProposal("Recurring " + incident.category().orElse("?"), same,
          incident.category(), Optional.empty(), Optional.empty(),
          Provenance.rule("Three incidents of a category in two days", same.size()
              + " incidents of " + incident.category().orElse("?"))));
    }

    @Override
    public Duration lookBack() {
      return Duration.ofDays(2);
    }
  };

  private final Problems problems = Problems.builder().desk(desk)
      .knownErrorPublisher(ke -> {
        published.add(ke);
        return Optional.of("KB-" + ke.problemId());
      })
      .detection(threeInTwoDays).build();

  {
    ref.set(problems);
  }

  private String incident(String title, Actor caller) {
    clock.advance(Duration.ofMinutes(10));
    return desk.log(caller, ticket(title, caller)).id();
  }

  @Test
  void aProblem_goesFromNewToClosed_andLinksItsIncidentsOnTheDesk() {
    String a = incident("Network outage floor 2", ANNA);
    String b = incident("Network outage floor 3", BERT);

    Problem p = problems.log(LENA, "Switches reboot at night", "Two floors lost the network",
        List.of(a, b));
    assertThat(p.status()).isEqualTo(ProblemStatus.NEW);
    assertThat(p.incidentIds()).containsExactly(a, b);
    assertThat(p.category()).contains("network");
    assertThat(p.loggedBy()).isEqualTo(Provenance.manual("lena"));
    assertThat(desk.get(ROOT, a).links()).contains(new Link(LinkType.RELATED_PROBLEM, p.id()));

    problems.startInvestigation(LENA, p.id(), "paul");
    problems.recordRootCause(PAUL, p.id(), "Firmware 9.1 watchdog bug");
    problems.recordWorkaround(PAUL, p.id(), "Disable the nightly watchdog");
    Problem known = problems.declareKnownError(PAUL, p.id());
    assertThat(known.status()).isEqualTo(ProblemStatus.KNOWN_ERROR);
    assertThat(known.knownError()).isTrue();
    assertThat(known.knownErrorArticleId()).contains("KB-" + p.id());
    assertThat(published).singleElement().satisfies(ke -> {
      assertThat(ke.rootCause()).isEqualTo("Firmware 9.1 watchdog bug");
      assertThat(ke.workaround()).isEqualTo("Disable the nightly watchdog");
      assertThat(ke.incidentIds()).containsExactly(a, b);
    });

    Problem resolved = problems.resolve(PAUL, p.id(), "Firmware 9.2 rolled out",
        RecordRef.change("CHG-000042"));
    assertThat(resolved.status()).isEqualTo(ProblemStatus.RESOLVED);
    assertThat(resolved.fix()).contains(RecordRef.change("CHG-000042"));
    Problem closed = problems.close(LENA, p.id(), null);
    assertThat(closed.status()).isEqualTo(ProblemStatus.CLOSED);
    assertThat(problems.history(NINA, p.id())).extracting(ProblemEvent::type).containsExactly(
        "ProblemLogged", "ProblemInvestigationStarted", "ProblemRootCauseRecorded",
        "ProblemWorkaroundRecorded", "ProblemKnownErrorDeclared", "ProblemResolved",
        "ProblemClosed");
    assertThat(ProblemHistory.replay(problems.history(ROOT, p.id()))).isEqualTo(closed);
  }

  @Test
  void resolving_resumesTheIncidentsAwaitingIt_bySystem_andLeavesOthersOnHold() {
    String waiting = incident("Mail bounces", ANNA);
    String otherReason = incident("Mail bounces again", BERT);
    String linkedOnlyOnTheDesk = incident("Mail bounces for sales", BERT);
    Problem p = problems.log(LENA, "Mail relay rejects large mails", "", List.of(waiting,
        otherReason));
    Actor sue = Desks.SUE;
    for (String id : List.of(waiting, otherReason, linkedOnlyOnTheDesk)) {
      desk.startWork(sue, id);
    }
    desk.putOnHold(sue, waiting, OnHoldReason.AWAITING_PROBLEM, "waits for " + p.id());
    desk.putOnHold(sue, otherReason, OnHoldReason.AWAITING_USER, "asked for a sample mail");
    desk.link(sue, linkedOnlyOnTheDesk, new Link(LinkType.RELATED_PROBLEM, p.id()));
    desk.putOnHold(sue, linkedOnlyOnTheDesk, OnHoldReason.AWAITING_PROBLEM, "");
    problems.startInvestigation(LENA, p.id(), "paul");
    problems.recordRootCause(PAUL, p.id(), "Size limit of 10 MB on the relay");

    clock.advance(Duration.ofHours(3));
    problems.resolve(PAUL, p.id(), "Limit raised to 50 MB", null);

    for (String id : List.of(waiting, linkedOnlyOnTheDesk)) {
      Incident inc = desk.get(ROOT, id);
      assertThat(inc.status()).isEqualTo(Status.IN_PROGRESS);
      List<IncidentEvent> h = desk.history(ROOT, id);
      assertThat(h.get(h.size() - 1)).isInstanceOfSatisfying(Resumed.class, r -> {
        assertThat(r.actor()).isEqualTo(Actor.SYSTEM_ID);
        assertThat(r.note()).isEqualTo("problem " + p.id() + " resolved: Limit raised to 50 MB");
      });
    }
    assertThat(desk.get(ROOT, otherReason).status()).isEqualTo(Status.ON_HOLD);
  }

  @Test
  void aKnownError_needsRootCauseAndWorkaround_andAFailedDeclarationPublishesNothing() {
    Problem p = problems.log(LENA, "Slow logins", "", List.of());
    problems.startInvestigation(LENA, p.id(), "paul");
    problems.recordRootCause(PAUL, p.id(), "LDAP timeouts");

    assertThatThrownBy(() -> problems.declareKnownError(PAUL, p.id()))
        .isInstanceOf(RecordStateException.class)
        .hasMessageContaining("UNDER_INVESTIGATION without workaround")
        .hasMessageContaining("record them with recordRootCause and recordWorkaround first");
    assertThat(published).isEmpty();
    assertThat(problems.get(NINA, p.id()).version()).isEqualTo(3);

    Problems failing = Problems.builder().desk(desk).knownErrorPublisher(ke -> {
      throw new IllegalStateException("knowledge base offline");
    }).build();
    Problem q = failing.log(LENA, "Slow VPN", "", List.of());
    failing.startInvestigation(LENA, q.id(), "paul");
    failing.recordRootCause(PAUL, q.id(), "MTU");
    failing.recordWorkaround(PAUL, q.id(), "Lower the MTU");
    assertThatThrownBy(() -> failing.declareKnownError(PAUL, q.id()))
        .isInstanceOf(ItsmException.class).hasMessageContaining("knowledge base offline")
        .hasMessageContaining("nothing was recorded");
    assertThat(failing.get(NINA, q.id()).status()).isEqualTo(ProblemStatus.UNDER_INVESTIGATION);
  }

  @Test
  void illegalMoves_nameTheStateAndTheCommand_andChangeNothing() {
    Problem p = problems.log(LENA, "Slow logins", "", List.of());

    assertThatThrownBy(() -> problems.resolve(PAUL, p.id(), "fixed", null))
        .isInstanceOf(RecordStateException.class)
        .hasMessageContaining("problem " + p.id() + " is NEW: resolve is allowed only when"
            + " [UNDER_INVESTIGATION, KNOWN_ERROR]");
    assertThatThrownBy(() -> problems.declareKnownError(PAUL, p.id()))
        .isInstanceOf(RecordStateException.class).hasMessageContaining("is NEW");
    assertThatThrownBy(() -> problems.close(LENA, p.id(), " "))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("while it is NEW (without a resolution) needs a note");
    problems.startInvestigation(LENA, p.id(), "paul");
    assertThatThrownBy(() -> problems.startInvestigation(LENA, p.id(), "paul"))
        .isInstanceOf(RecordStateException.class)
        .hasMessageContaining("is UNDER_INVESTIGATION: startInvestigation is allowed only when [NEW]");
    assertThatThrownBy(() -> problems.resolve(PAUL, p.id(), "fixed", null))
        .isInstanceOf(RecordStateException.class)
        .hasMessageContaining("record it with recordRootCause first");
    problems.close(LENA, p.id(), "Not a problem: a misconfigured laptop");
    assertThatThrownBy(() -> problems.recordRootCause(PAUL, p.id(), "x"))
        .isInstanceOf(RecordStateException.class)
        .hasMessageContaining("a closed problem is final; log a new problem");
    assertThat(problems.get(NINA, p.id()).version()).isEqualTo(3);
    assertThatThrownBy(() -> problems.get(NINA, "PRB-999999"))
        .isInstanceOf(RecordNotFoundException.class)
        .hasMessageContaining("problem 'PRB-999999' does not exist");
    assertThatThrownBy(() -> problems.log(LENA, "x", "", List.of("INC-999999")))
        .isInstanceOf(IncidentNotFoundException.class);
  }

  @Test
  void onlyProblemManagers_changeProblems_andEndUsersDoNotSeeThem() {
    String a = incident("Mail bounces", ANNA);

    assertThatThrownBy(() -> problems.log(NINA, "Mail", "", List.of(a)))
        .isInstanceOf(AccessDeniedException.class).hasMessageContaining("PROBLEM_MANAGE");
    assertThatThrownBy(() -> problems.find(ANNA, ProblemQuery.all()))
        .isInstanceOf(AccessDeniedException.class).hasMessageContaining("VIEW_ALL");
    Problem p = problems.log(PAUL, "Mail", "", List.of(a));
    assertThatThrownBy(() -> problems.recordRootCause(NINA, p.id(), "x"))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(problems.find(NINA, ProblemQuery.all().withIncident(a))).containsExactly(p);
  }

  @Test
  void threeIncidentsOfACategoryWithinTheLookBack_proposeAProblem_andTheFourthIsLinkedToIt() {
    String a = incident("Phishing mail from bank", ANNA);
    clock.advance(Duration.ofDays(3));
    String b = incident("Phishing mail again", BERT);
    String c = incident("Phishing link clicked", ANNA);
    assertThat(problems.find(ROOT, ProblemQuery.all())).isEmpty();

    String d = incident("Phishing mail with invoice", BERT);
    List<Problem> found = problems.find(ROOT, ProblemQuery.all());
    assertThat(found).singleElement().satisfies(p -> {
      assertThat(p.incidentIds()).containsExactly(b, c, d).doesNotContain(a);
      assertThat(p.loggedBy().kind()).isEqualTo(Provenance.Kind.RULE);
      assertThat(p.loggedBy().name()).isEqualTo("Three incidents of a category in two days");
      assertThat(p.category()).contains("security");
    });
    String problemId = found.get(0).id();
    assertThat(desk.get(ROOT, b).links()).contains(new Link(LinkType.RELATED_PROBLEM, problemId));
    assertThat(problems.history(ROOT, problemId).get(0).actor()).isEqualTo(Actor.SYSTEM_ID);

    String e = incident("Phishing again", ANNA);
    Problem after = problems.get(ROOT, problemId);
    assertThat(problems.find(ROOT, ProblemQuery.all())).hasSize(1);
    assertThat(after.incidentIds()).containsExactly(b, c, d, e);
    assertThat(problems.history(ROOT, problemId).get(1)).isInstanceOfSatisfying(
        ProblemIncidentLinked.class, l -> assertThat(l.decidedBy().name())
            .isEqualTo("Three incidents of a category in two days"));
  }

  @Test
  void linkingAClosedIncident_recordsItOnTheProblemOnly_andLinkingTwiceChangesNothing() {
    String a = incident("Mail bounces", ANNA);
    Desks.resolveAndClose(desk, clock, a);
    Problem p = problems.log(LENA, "Mail relay", "", List.of());

    Problem linked = problems.linkIncident(LENA, p.id(), a);
    assertThat(linked.incidentIds()).containsExactly(a);
    assertThat(desk.get(ROOT, a).links()).isEmpty();
    assertThat(problems.linkIncident(LENA, p.id(), a)).isEqualTo(linked);
  }
}
