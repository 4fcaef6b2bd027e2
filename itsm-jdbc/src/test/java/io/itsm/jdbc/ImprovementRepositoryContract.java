package io.itsm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.MutableClock;
import io.itsm.core.ServiceDesk;
import io.itsm.core.StaleRecordException;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.approval.Verdict;
import io.itsm.core.improvement.Improvement;
import io.itsm.core.improvement.RecordRef;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Impact;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Ticket;
import io.itsm.core.incident.Urgency;
import io.itsm.core.kernel.Kernel;
import io.itsm.core.kernel.Stores;
import io.itsm.core.problem.Problem;
import io.itsm.core.problem.ProblemEvent;
import io.itsm.core.problem.ProblemHistory;
import io.itsm.core.problem.ProblemQuery;
import io.itsm.core.problem.ProblemRepository;
import io.itsm.core.problem.ProblemRootCauseRecorded;
import io.itsm.core.problem.ProblemStatus;
import io.itsm.core.review.ActionQuery;
import io.itsm.core.review.ActionStatus;
import io.itsm.core.review.PlannedAction;
import io.itsm.core.review.PostIncidentReview;
import io.itsm.core.review.PreventiveAction;
import io.itsm.core.review.PreventiveActionEvent;
import io.itsm.core.review.PreventiveActionHistory;
import io.itsm.core.review.PreventiveActionRepository;
import io.itsm.core.review.PreventiveActionRescheduled;
import io.itsm.core.review.ReviewHistory;
import io.itsm.core.review.ReviewQuery;
import io.itsm.core.review.ReviewRepository;
import io.itsm.core.review.ReviewStatus;
import io.itsm.core.survey.Survey;
import io.itsm.core.survey.SurveyHistory;
import io.itsm.core.survey.SurveyQuery;
import io.itsm.core.survey.SurveyRepository;
import io.itsm.core.survey.SurveyStatus;
import io.itsm.rules.ActionEscalationEngine;
import io.itsm.rules.ReviewEngine;
import io.itsm.rules.SurveyEngine;
import io.itsm.rules.TriageEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the repositories of problems, post-incident reviews, preventive actions and surveys must
 * do, run on each implementation (in memory, H2, PostgreSQL) by a subclass that says how to make
 * fresh, empty ones. The records are made by the practices themselves, on a desk whose kernel
 * holds the stores under test: a P1 goes through its review, approval by senior management and
 * two preventive actions (one done, one overdue and escalated), its caller answers a survey with
 * a low score, and a problem is logged and resolved.
 */
abstract class ImprovementRepositoryContract {

  static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
  static final Actor ROOT = Actor.of("root", Role.ADMIN);
  static final Actor LENA = Actor.of("lena", Role.TEAM_LEAD, "network-ops");
  static final Actor SOFIA = Actor.of("sofia", Role.SENIOR_MANAGER);
  static final Actor ANNA = Actor.endUser("anna");

  MutableClock clock;
  Stores stores;
  Improvement loop;

  /**
   * Fresh, empty stores of the implementation under test: at least the problems', reviews',
   * preventive actions' and surveys' repositories (and, for a database, its incidents).
   */
  abstract Stores newStores();

  @BeforeEach
  void createStores() {
    clock = MutableClock.at(T0);
    stores = newStores();
    loop = improvementOn(stores);
  }

  Improvement improvementOn(Stores s) {
    return improvementOn(Kernel.ofDefaults().withStores(s));
  }

  Improvement improvementOn(Kernel kernel) {
    return Improvement.builder()
        .surveyPolicy(SurveyEngine.withDefaults())
        .reviewPolicy(ReviewEngine.withDefaults())
        .actionEscalation(ActionEscalationEngine.withDefaults())
        .build(ServiceDesk.builder()
            .kernel(kernel.withClock(clock))
            .triagePolicy(TriageEngine.withDefaults()));
  }

  ProblemRepository problems() {
    return stores.find(ProblemRepository.class).orElseThrow();
  }

  ReviewRepository reviews() {
    return stores.find(ReviewRepository.class).orElseThrow();
  }

  PreventiveActionRepository actions() {
    return stores.find(PreventiveActionRepository.class).orElseThrow();
  }

  SurveyRepository surveys() {
    return stores.find(SurveyRepository.class).orElseThrow();
  }

  /** What the loop made, for the tests to look at. */
  record Story(String incidentId, String reviewId, List<String> actionIds, String problemId,
      String surveyId) {}

  /**
   * Runs the loop: a P1 resolved and closed, its required review written, approved, its two
   * actions started (one done; the other overdue and escalated at a tick), the caller's low
   * survey answer followed up, a problem resolved; and a second incident, still open.
   */
  Story runTheLoop() {
    ServiceDesk desk = loop.desk();
    Actor sue = Actor.of("sue", Role.AGENT, "service-desk");
    Incident inc = desk.log(sue, Ticket.builder().title("The whole office lost the VPN")
        .caller(Caller.of("anna")).impact(Impact.HIGH).urgency(Urgency.HIGH).affectedUsers(200)
        .build());
    Actor nina = Actor.of("nina", Role.AGENT, inc.team().orElseThrow());
    desk.startWork(nina, inc.id());
    clock.advance(Duration.ofHours(2));
    desk.proposeResolution(nina, inc.id(), "SOLVED_FIXED", "Renewed the VPN gateway certificate");
    desk.decideApproval(Actor.of("maria", Role.MANAGER), inc.id(), Verdict.APPROVE, "");
    desk.confirmResolution(ANNA, inc.id());

    PostIncidentReview review = loop.reviews().find(ROOT, ReviewQuery.all()).get(0);
    loop.reviews().recordFindings(LENA, review.id(), "A certificate expired unnoticed",
        List.of("No expiry alert"), List.of("Alert 30 days before expiry"));
    Instant now = clock.instant();
    loop.reviews().planAction(LENA, review.id(), PlannedAction.of("Alert on certificate expiry",
        "nina", "network-ops", now.plus(Duration.ofDays(14))));
    loop.reviews().planAction(LENA, review.id(), PlannedAction.of("Inventory every certificate",
        "paul", "network-ops", now.plus(Duration.ofDays(3))));
    loop.reviews().submit(LENA, review.id());
    review = loop.reviews().decide(SOFIA, review.id(), Verdict.APPROVE, "Go ahead");
    List<String> actionIds = review.actionIds();
    PreventiveAction alert = loop.reviews().findActions(ROOT, ActionQuery.all()).stream()
        .filter(a -> a.owner().equals("nina")).findFirst().orElseThrow();
    loop.reviews().startAction(Actor.of("nina", Role.AGENT, "network-ops"), alert.id());
    loop.reviews().completeAction(Actor.of("nina", Role.AGENT, "network-ops"), alert.id(),
        "Alert rule CERT-30 live");
    clock.advance(Duration.ofDays(5));
    loop.tick();

    Survey survey = loop.surveys().waitingFor(ANNA).get(0);
    loop.surveys().answer(ANNA, survey.id(), Map.of("overall", 2, "communication", 1),
        "Nobody called back");

    Actor paul = Actor.of("paul", Role.SPECIALIST, "network-ops");
    Problem p = loop.problems().log(LENA, "Certificates expire unnoticed", "", List.of(inc.id()));
    loop.problems().startInvestigation(LENA, p.id(), "paul");
    loop.problems().recordRootCause(paul, p.id(), "No inventory of certificates");
    loop.problems().resolve(paul, p.id(), "Inventory and alerts in place",
        RecordRef.change("CHG-000042"));

    desk.log(sue, Ticket.builder().title("Printer on floor 2 jams").caller(Caller.of("bert"))
        .build());
    return new Story(inc.id(), review.id(), actionIds, p.id(), survey.id());
  }

  // ---------------------------------------------------------------- the loop's records

  @Test
  void theLoop_storesEveryRecord_andEachStateIsItsHistoryReplayed() {
    Story s = runTheLoop();

    assertThat(problems().find(s.problemId())).hasValueSatisfying(p -> {
      assertThat(p.status()).isEqualTo(ProblemStatus.RESOLVED);
      assertThat(p).isEqualTo(ProblemHistory.replay(problems().history(s.problemId())));
    });
    assertThat(reviews().find(s.reviewId())).hasValueSatisfying(r -> {
      assertThat(r.status()).isEqualTo(ReviewStatus.APPROVED);
      assertThat(r.rootCause()).contains("A certificate expired unnoticed");
      assertThat(r).isEqualTo(ReviewHistory.replay(reviews().history(s.reviewId())));
    });
    assertThat(s.actionIds()).hasSize(2);
    for (String id : s.actionIds()) {
      assertThat(actions().find(id)).hasValueSatisfying(a ->
          assertThat(a).isEqualTo(PreventiveActionHistory.replay(actions().history(id))));
    }
    assertThat(actions().find(ActionQuery.all()))
        .extracting(PreventiveAction::status)
        .containsExactlyInAnyOrder(ActionStatus.DONE, ActionStatus.OPEN);
    PreventiveAction late = actions().find(ActionQuery.open()).get(0);
    assertThat(late.escalations()).isNotEmpty();
    assertThat(actions().history(late.id())).extracting(PreventiveActionEvent::type)
        .contains("PreventiveActionEscalated");
    assertThat(surveys().find(s.surveyId())).hasValueSatisfying(v -> {
      assertThat(v.status()).isEqualTo(SurveyStatus.ANSWERED);
      assertThat(v.scores()).containsEntry("overall", 2);
      assertThat(v.hasOpenFollowUp()).isTrue();
      assertThat(v).isEqualTo(SurveyHistory.replay(surveys().history(s.surveyId())));
    });
    // what the practices read back is what the repositories hold
    assertThat(loop.reviews().get(ROOT, s.reviewId())).isEqualTo(reviews().find(s.reviewId())
        .orElseThrow());
    assertThat(loop.export().reviews()).containsExactly(reviews().history(s.reviewId()));
    assertThat(loop.export().problems()).containsExactly(problems().history(s.problemId()));
  }

  @Test
  void anUnknownId_isEmpty_andHasNoHistory() {
    runTheLoop();
    assertThat(problems().find("PRB-999999")).isEmpty();
    assertThat(problems().history("PRB-999999")).isEmpty();
    assertThat(reviews().find("PIR-999999")).isEmpty();
    assertThat(reviews().history("PIR-999999")).isEmpty();
    assertThat(actions().find("PA-999999")).isEmpty();
    assertThat(actions().history("PA-999999")).isEmpty();
    assertThat(surveys().find("SRV-999999")).isEmpty();
    assertThat(surveys().history("SRV-999999")).isEmpty();
  }

  @Test
  void everyQuery_returnsTheMatchingRecords_orderedById() {
    Story s = runTheLoop();
    Instant now = clock.instant();

    List<ProblemQuery> pq = new ArrayList<>(List.of(ProblemQuery.all(),
        ProblemQuery.all().withOpenOnly(), ProblemQuery.all().withIncident(s.incidentId()),
        ProblemQuery.all().withIncident("INC-999999")));
    for (ProblemStatus st : ProblemStatus.values()) {
      pq.add(ProblemQuery.all().withStatus(st));
      pq.add(ProblemQuery.all().withStatus(st).withOpenOnly());
    }
    List<Problem> allProblems = problems().find(ProblemQuery.all());
    assertThat(allProblems).hasSize(1);
    for (ProblemQuery q : pq) {
      assertThat(problems().find(q)).as("%s", q)
          .isEqualTo(expected(allProblems, q::matches, Problem::id));
    }

    List<ReviewQuery> rq = new ArrayList<>(List.of(ReviewQuery.all(),
        ReviewQuery.all().withIncident(s.incidentId()), ReviewQuery.all().withOverdueAt(now),
        ReviewQuery.all().withOverdueAt(now.plus(Duration.ofDays(400)))));
    for (ReviewStatus st : ReviewStatus.values()) {
      rq.add(ReviewQuery.all().withStatus(st));
    }
    List<PostIncidentReview> allReviews = reviews().find(ReviewQuery.all());
    assertThat(allReviews).isNotEmpty();
    for (ReviewQuery q : rq) {
      assertThat(reviews().find(q)).as("%s", q)
          .isEqualTo(expected(allReviews, q::matches, PostIncidentReview::id));
    }
    assertThat(reviews().find(ReviewQuery.all().withStatus(ReviewStatus.APPROVED)))
        .extracting(PostIncidentReview::id).containsExactly(s.reviewId());

    List<ActionQuery> aq = new ArrayList<>(List.of(ActionQuery.all(), ActionQuery.open(),
        ActionQuery.open().withOverdueAt(now), ActionQuery.all().withOwner("paul"),
        ActionQuery.all().withTeam("network-ops"), ActionQuery.all().withTeam("nobody"),
        ActionQuery.all().withReview(s.reviewId()),
        ActionQuery.all().withStatuses(EnumSet.of(ActionStatus.DONE, ActionStatus.CANCELLED))));
    for (ActionStatus st : ActionStatus.values()) {
      aq.add(ActionQuery.all().withStatuses(Set.of(st)));
    }
    List<PreventiveAction> allActions = actions().find(ActionQuery.all());
    for (ActionQuery q : aq) {
      assertThat(actions().find(q)).as("%s", q)
          .isEqualTo(expected(allActions, q::matches, PreventiveAction::id));
    }
    assertThat(actions().find(ActionQuery.open().withOverdueAt(now)))
        .extracting(PreventiveAction::owner).containsExactly("paul");

    List<SurveyQuery> sq = new ArrayList<>(List.of(SurveyQuery.all(),
        SurveyQuery.all().withCaller("anna"), SurveyQuery.all().withCaller("bert"),
        SurveyQuery.all().withIncident(s.incidentId()), SurveyQuery.all().withOpenFollowUp(),
        SurveyQuery.all().withDueAtOrBefore(now.plus(Duration.ofDays(30)))));
    for (SurveyStatus st : SurveyStatus.values()) {
      sq.add(SurveyQuery.all().withStatus(st));
      sq.add(SurveyQuery.all().withStatus(st).withCaller("anna"));
    }
    List<Survey> allSurveys = surveys().find(SurveyQuery.all());
    assertThat(allSurveys).isNotEmpty();
    for (SurveyQuery q : sq) {
      assertThat(surveys().find(q)).as("%s", q)
          .isEqualTo(expected(allSurveys, q::matches, Survey::id));
    }
    assertThat(surveys().find(SurveyQuery.all().withOpenFollowUp()))
        .extracting(Survey::id).containsExactly(s.surveyId());
  }

  private static <T> List<T> expected(List<T> all, Predicate<T> matches, Function<T, String> id) {
    return all.stream().filter(matches).sorted(Comparator.comparing(id)).toList();
  }

  // ---------------------------------------------------------------- versions

  @Test
  void anAppendOnAnOldVersion_isStale_andStoresNothing() {
    Story s = runTheLoop();
    Problem before = problems().find(s.problemId()).orElseThrow();
    List<ProblemEvent> history = problems().history(s.problemId());
    long old = before.version() - 1;
    // what a second writer that read the problem before its resolution would append
    ProblemEvent late = new ProblemRootCauseRecorded(s.problemId(), old + 1, clock.instant(),
        "paul", "Something else");
    Problem after = ProblemHistory.apply(ProblemHistory.replay(history.subList(0, (int) old)),
        late);

    assertThatThrownBy(() -> problems().append(old, List.of(late), after))
        .isInstanceOf(StaleRecordException.class)
        .hasMessageContaining(s.problemId());
    assertThat(problems().find(s.problemId())).contains(before);
    assertThat(problems().history(s.problemId())).isEqualTo(history);
  }

  @Test
  void aNewRecordWithATakenId_isStale_andTheStoredOneIsKept() {
    Story s = runTheLoop();
    PreventiveAction stored = actions().find(s.actionIds().get(0)).orElseThrow();
    List<PreventiveActionEvent> history = actions().history(stored.id());

    assertThatThrownBy(() -> actions().append(0, List.of(history.get(0)),
        PreventiveActionHistory.replay(history.subList(0, 1))))
        .isInstanceOf(StaleRecordException.class)
        .hasMessageContaining(stored.id());
    assertThat(actions().find(stored.id())).contains(stored);
    assertThat(actions().history(stored.id())).isEqualTo(history);
  }

  @Test
  void anEmptyAppend_isRefused() {
    Story s = runTheLoop();
    Problem p = problems().find(s.problemId()).orElseThrow();
    assertThatThrownBy(() -> problems().append(p.version(), List.of(), p))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(p.id());
    assertThat(problems().history(p.id())).hasSize((int) p.version());
  }

  @Test
  void twoWritersOnOneVersion_oneWins_theOthersAreStale_andNothingIsLost() throws Exception {
    Story s = runTheLoop();
    PreventiveAction late = actions().find(ActionQuery.open()).get(0);
    int writers = 6;
    CyclicBarrier start = new CyclicBarrier(writers);
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        Instant due = clock.instant().plus(Duration.ofDays(10 + i));
        PreventiveActionEvent e = new PreventiveActionRescheduled(late.id(), late.version() + 1,
            clock.instant(), "writer-" + i, due, "writer " + i + " moves it");
        PreventiveAction after = PreventiveActionHistory.apply(late, e);
        Callable<Boolean> write = () -> {
          start.await(10, TimeUnit.SECONDS);
          try {
            actions().append(late.version(), List.of(e), after);
            return true;
          } catch (StaleRecordException stale) {
            return false;
          }
        };
        results.add(pool.submit(write));
      }
      int won = 0;
      for (Future<Boolean> f : results) {
        won += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(won).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    List<PreventiveActionEvent> history = actions().history(late.id());
    assertThat(history).hasSize((int) late.version() + 1);
    PreventiveAction now = actions().find(late.id()).orElseThrow();
    assertThat(now).isEqualTo(PreventiveActionHistory.replay(history));
    assertThat(now.dueAt()).isEqualTo(
        ((PreventiveActionRescheduled) history.get(history.size() - 1)).dueAt());
  }
}
