package io.itsm.examples.demo;

import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.approval.Verdict;
import io.itsm.core.event.Provenance;
import io.itsm.core.improvement.Improvement;
import io.itsm.core.improvement.RecordRef;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Priority;
import io.itsm.core.review.ActionQuery;
import io.itsm.core.review.ActionStatus;
import io.itsm.core.review.PlannedAction;
import io.itsm.core.review.PostIncidentReview;
import io.itsm.core.review.PreventiveAction;
import io.itsm.core.review.PreventiveActionCancelled;
import io.itsm.core.review.PreventiveActionCompleted;
import io.itsm.core.review.PreventiveActionEscalated;
import io.itsm.core.review.PreventiveActionEvent;
import io.itsm.core.review.PreventiveActionLinked;
import io.itsm.core.review.PreventiveActionOpened;
import io.itsm.core.review.ReviewActionPlanned;
import io.itsm.core.review.ReviewApprovalDecided;
import io.itsm.core.review.ReviewApproved;
import io.itsm.core.review.ReviewClosed;
import io.itsm.core.review.ReviewEvent;
import io.itsm.core.review.ReviewFindingsRecorded;
import io.itsm.core.review.ReviewListener;
import io.itsm.core.review.ReviewOpened;
import io.itsm.core.review.ReviewQuery;
import io.itsm.core.review.ReviewStatus;
import io.itsm.core.review.ReviewSubmitted;
import io.itsm.core.survey.Survey;
import io.itsm.core.survey.SurveyEvent;
import io.itsm.core.survey.SurveyListener;
import io.itsm.core.survey.SurveyQuery;
import io.itsm.core.survey.SurveySent;
import io.itsm.core.survey.SurveyStatus;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The demo's closing of the loop, on the desk's {@link Improvement}: the first P1 the review rules
 * require a review of goes through findings, two preventive actions, approval by senior
 * management; one action is done on time, the other becomes overdue and climbs the escalation
 * ladder (team lead, then manager) before it is done and the review closes. Callers answer the
 * surveys the survey rules send; the caller who had to reopen gives a low score, which the team
 * lead follows up.
 *
 * <p>Not thread-safe: part of one {@link LifecycleDemo} run.
 */
final class ImprovementStory implements ReviewListener, SurveyListener {

  static final Actor LEAD = Actor.of("lena.lead", Role.TEAM_LEAD);
  static final Actor SENIOR = Actor.of("sofia.senior", Role.SENIOR_MANAGER);

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("EEE dd MMM HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private final BiConsumer<Instant, Runnable> at;
  private final Supplier<Instant> now;
  private final Map<String, LifecycleDemo.Story> stories;
  private Improvement improvement;
  private String reviewId;

  /**
   * Prepares the story.
   *
   * @param at schedules a step at an instant
   * @param now the demo clock
   * @param stories each incident's story
   */
  ImprovementStory(BiConsumer<Instant, Runnable> at, Supplier<Instant> now,
      Map<String, LifecycleDemo.Story> stories) {
    this.at = at;
    this.now = now;
    this.stories = stories;
  }

  void attach(Improvement improvement) {
    this.improvement = improvement;
  }

  // ---------------------------------------------------------------- the review of the first P1

  @Override
  public void onEvent(ReviewEvent event, PostIncidentReview review) {
    if (reviewId != null || !(event instanceof ReviewOpened o) || o.requiredBy().isEmpty()) {
      return;
    }
    Incident inc = improvement.desk().get(LifecycleDemo.AUDITOR, o.scope().subjectId());
    if (inc.priority().orElse(null) != Priority.P1) {
      return;
    }
    reviewId = review.id();
    String team = inc.team().orElseThrow();
    String agent = LifecycleDemo.agentName(team);
    Instant opened = now.get();
    at.accept(opened.plus(Duration.ofHours(20)), () -> {
      improvement.reviews().recordFindings(LEAD, reviewId,
          "A configuration change went out without a rollback plan",
          List.of("No monitoring alert for the failing component",
              "The on-call agent had no runbook"),
          List.of("Every change gets a rollback plan", "Alert on the component, not the symptom"));
      improvement.reviews().planAction(LEAD, reviewId, PlannedAction.of(
          "Add a rollback plan to the change template", agent, team,
          now.get().plus(Duration.ofDays(4))).withImplementedBy(RecordRef.change("CHG-000101")));
      improvement.reviews().planAction(LEAD, reviewId, PlannedAction.of(
          "Write the runbook for this service", "paula.performance", "performance-eng",
          now.get().plus(Duration.ofDays(2))));
      improvement.reviews().submit(LEAD, reviewId);
    });
    at.accept(opened.plus(Duration.ofHours(26)), () -> {
      improvement.reviews().decide(SENIOR, reviewId, Verdict.APPROVE,
          "Approved: both actions this month");
      List<String> actions = improvement.reviews().get(LifecycleDemo.AUDITOR, reviewId)
          .actionIds();
      String onTime = actions.get(0);
      String late = actions.get(1);
      Actor owner = Actor.of(agent, Role.AGENT, team);
      at.accept(now.get().plus(Duration.ofHours(3)),
          () -> improvement.reviews().startAction(owner, onTime));
      at.accept(now.get().plus(Duration.ofDays(3)), () -> improvement.reviews().completeAction(
          owner, onTime, "CHG-000101 added the rollback section; template v7 in use"));
      // the runbook's owner lets it slip: the ladder tells the team lead, then the manager
      at.accept(now.get().plus(Duration.ofDays(10)), () -> improvement.reviews().completeAction(
          Actor.of("paula.performance", Role.SPECIALIST, "performance-eng"), late,
          "Runbook RB-42 published and walked through with the on-call agents"));
    });
  }

  // ---------------------------------------------------------------- surveys

  @Override
  public void onEvent(SurveyEvent event, Survey survey) {
    if (!(event instanceof SurveySent sent)) {
      return;
    }
    LifecycleDemo.Story story = stories.get(sent.incidentId());
    if (story == LifecycleDemo.Story.NO_ANSWER) {
      return; // this caller answers nothing
    }
    boolean unhappy = story == LifecycleDemo.Story.REOPENED;
    at.accept(sent.at().plus(Duration.ofHours(2)), () -> {
      Actor caller = Actor.endUser(sent.callerId());
      if (unhappy) {
        improvement.surveys().answer(caller, sent.surveyId(),
            Map.of("overall", 2, "responseTime", 2, "skill", 3, "communication", 2),
            "It broke again right after lunch and I had to call twice");
        at.accept(now.get().plus(Duration.ofDays(1)), () -> improvement.surveys().closeFollowUp(
            LEAD, sent.surveyId(), "Called back; the fix holds, apologised for the second call"));
      } else {
        improvement.surveys().answer(caller, sent.surveyId(), Map.of("overall", 4), "");
      }
    });
  }

  // ---------------------------------------------------------------- report

  void printReview(PrintWriter out) {
    if (reviewId == null) {
      return;
    }
    PostIncidentReview r = improvement.reviews().get(LifecycleDemo.AUDITOR, reviewId);
    Provenance rule = r.requiredBy().orElseThrow();
    out.println("== " + r.id() + ": " + r.title() + " — post-incident review, " + r.status());
    out.println("  required by rule: " + rule.name() + " (due " + TIME.format(r.dueAt()
        .orElseThrow()) + ")");
    out.printf(Locale.ROOT, "  impact: %d incident, %d user(s), %s to restore, %s of business"
        + " time, %d SLA miss(es); timeline of %d entries from the incident's events%n",
        r.impact().incidents(), r.impact().usersAffected(), hours(r.impact().duration()),
        hours(r.impact().businessTimeLost()), r.impact().slaMisses().size(), r.timeline().size());
    for (io.itsm.core.review.TimelineEntry t : r.timeline()) {
      out.println(String.format(Locale.ROOT, "    %s  %-12s %s", TIME.format(t.at()), t.kind(),
          t.text()).stripTrailing());
    }
    for (ReviewEvent e : improvement.reviews().history(LifecycleDemo.AUDITOR, r.id())) {
      line(out, e.at(), e.type(), e.actor(), describe(e));
    }
    for (String id : r.actionIds()) {
      for (PreventiveActionEvent e : improvement.reviews().actionHistory(LifecycleDemo.AUDITOR,
          id)) {
        line(out, e.at(), e.type(), e.actor(), id + " " + describe(e));
        if (e instanceof PreventiveActionEscalated x) {
          out.println("  " + " ".repeat(63) + "rule: " + x.decidedBy().name());
        }
      }
    }
  }

  void printSummary(PrintWriter out) {
    List<Survey> surveys = improvement.surveys().find(LifecycleDemo.AUDITOR, SurveyQuery.all());
    long sent = surveys.stream().filter(s -> s.status() != SurveyStatus.SKIPPED).count();
    List<Survey> answered = surveys.stream().filter(s -> s.status() == SurveyStatus.ANSWERED)
        .toList();
    double csat = answered.stream().mapToInt(s -> s.score().orElseThrow()).average().orElse(0);
    List<PostIncidentReview> reviews = improvement.reviews().find(LifecycleDemo.AUDITOR,
        ReviewQuery.all());
    List<PreventiveAction> actions = improvement.reviews().findActions(LifecycleDemo.AUDITOR,
        ActionQuery.all());
    long escalations = actions.stream().mapToLong(a -> improvement.reviews()
        .actionHistory(LifecycleDemo.AUDITOR, a.id()).stream()
        .filter(e -> e instanceof PreventiveActionEscalated).count()).sum();
    out.printf(Locale.ROOT, "%-34s %5d%n", "surveys sent", sent);
    out.printf(Locale.ROOT, "%-34s %5d%n", "surveys skipped", surveys.size() - sent);
    out.printf(Locale.ROOT, "%-34s %5d%n", "surveys answered", answered.size());
    out.printf(Locale.ROOT, "%-34s %5.2f%n", "satisfaction (overall, 1-5)", csat);
    out.printf(Locale.ROOT, "%-34s %5d%n", "survey follow-ups", surveys.stream()
        .filter(s -> s.followUp().isPresent()).count());
    out.printf(Locale.ROOT, "%-34s %5d%n", "post-incident reviews required", reviews.size());
    out.printf(Locale.ROOT, "%-34s %5d%n", "post-incident reviews closed", reviews.stream()
        .filter(x -> x.status() == ReviewStatus.CLOSED).count());
    out.printf(Locale.ROOT, "%-34s %5d%n", "preventive actions done", actions.stream()
        .filter(a -> a.status() == ActionStatus.DONE).count());
    out.printf(Locale.ROOT, "%-34s %5d%n", "preventive action escalations", escalations);
  }

  private static void line(PrintWriter out, Instant at, String type, String actor, String text) {
    String l = String.format(Locale.ROOT, "  %s  %-26s %-18s %s", TIME.format(at), type, actor,
        text);
    out.println(l.stripTrailing());
  }

  private static String hours(Duration d) {
    return d.toHours() + " h " + d.toMinutesPart() + " min";
  }

  private static String describe(ReviewEvent e) {
    if (e instanceof ReviewOpened o) {
      return o.scope().kind() + " " + o.scope().incidentIds();
    } else if (e instanceof ReviewFindingsRecorded f) {
      return "root cause: " + f.rootCause();
    } else if (e instanceof ReviewActionPlanned p) {
      return p.action().title() + " (" + p.action().owner() + ", due "
          + TIME.format(p.action().dueAt()) + ")";
    } else if (e instanceof ReviewSubmitted s) {
      return s.approval().id() + " from any SENIOR_MANAGER";
    } else if (e instanceof ReviewApprovalDecided d) {
      return d.verdict() + (d.comment().isEmpty() ? "" : ": " + d.comment());
    } else if (e instanceof ReviewApproved a) {
      return "actions started: " + String.join(", ", a.actionIds());
    } else if (e instanceof ReviewClosed c) {
      return c.note();
    }
    return "";
  }

  private static String describe(PreventiveActionEvent e) {
    if (e instanceof PreventiveActionOpened o) {
      return o.title() + " (" + o.owner() + ", due " + TIME.format(o.dueAt()) + ")"
          + o.implementedBy().map(x -> ", by " + x).orElse("");
    } else if (e instanceof PreventiveActionLinked l) {
      return "by " + l.implementedBy();
    } else if (e instanceof PreventiveActionCompleted c) {
      return c.evidence();
    } else if (e instanceof PreventiveActionCancelled c) {
      return c.reason();
    } else if (e instanceof PreventiveActionEscalated x) {
      return "notify " + x.notified() + ": " + x.reason();
    }
    return "";
  }
}
