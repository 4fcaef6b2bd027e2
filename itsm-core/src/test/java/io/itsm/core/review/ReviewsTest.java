package io.itsm.core.review;

import static io.itsm.core.improvement.Desks.ANNA;
import static io.itsm.core.improvement.Desks.BERT;
import static io.itsm.core.improvement.Desks.LENA;
import static io.itsm.core.improvement.Desks.MARIA;
import static io.itsm.core.improvement.Desks.NINA;
import static io.itsm.core.improvement.Desks.PAUL;
import static io.itsm.core.improvement.Desks.ROOT;
import static io.itsm.core.improvement.Desks.SOFIA;
import static io.itsm.core.improvement.Desks.SVEN;
import static io.itsm.core.improvement.Desks.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.MutableClock;
import io.itsm.core.RecordStateException;
import io.itsm.core.ServiceDesk;
import io.itsm.core.ValidationException;
import io.itsm.core.access.AccessDeniedException;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.approval.AlreadyDecidedException;
import io.itsm.core.approval.ApprovalPolicy;
import io.itsm.core.approval.ApprovalStage;
import io.itsm.core.approval.ApprovalStatus;
import io.itsm.core.approval.ApprovalSubject;
import io.itsm.core.approval.ApprovalTerms;
import io.itsm.core.approval.Approver;
import io.itsm.core.approval.NotAnApproverException;
import io.itsm.core.approval.Verdict;
import io.itsm.core.escalation.EscalationAction;
import io.itsm.core.event.Provenance;
import io.itsm.core.event.SlaKind;
import io.itsm.core.improvement.Desks;
import io.itsm.core.improvement.RecordRef;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Link;
import io.itsm.core.incident.LinkType;
import io.itsm.core.incident.Priority;
import io.itsm.core.sla.SlaPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Post-incident reviews: required by the policy when an incident is resolved, timeline and impact
 * from the events, findings and planned actions, approval by senior management, preventive actions
 * to done, the overdue ladder, and the errors of bad input.
 */
class ReviewsTest {

  private final MutableClock clock = Desks.clock();
  private final AtomicReference<Reviews> ref = new AtomicReference<>();
  private final ServiceDesk desk = Desks.desk(clock).slaPolicy(SlaPolicy.defaults())
      .listener((e, inc) -> {
        if (ref.get() != null) {
          ref.get().incidentListener().onEvent(e, inc);
        }
      }).build();

  /** A P1 needs a review within 5 days. */
  private static final ReviewPolicy P1_IN_5_DAYS = c -> c.priority().orElse(null) == Priority.P1
      ? ReviewRequirement.required(c.at().plus(Duration.ofDays(5)),
          Provenance.rule("Every P1 is reviewed within 5 days", "a P1 was resolved"))
      : ReviewRequirement.notRequired();

  /** Overdue: the team lead at once, the manager after 7 days. */
  private static final ActionEscalationPolicy LADDER = (a, now) -> {
    List<EscalationAction> out = new ArrayList<>();
    out.add(EscalationAction.notifyRole(Role.TEAM_LEAD, "Overdue actions go to the team lead",
        a.id() + " was due " + a.dueAt()));
    if (a.overdueBy(now).compareTo(Duration.ofDays(7)) >= 0) {
      out.add(EscalationAction.notifyRole(Role.MANAGER, "A week overdue goes to the manager",
          a.id() + " is " + a.overdueBy(now).toDays() + " days overdue"));
      out.add(EscalationAction.handOver(io.itsm.core.incident.SupportLevel.L3, "x",
          "Hand-overs do not apply", "ignored"));
    }
    return out;
  };

  private Reviews reviews = build(Reviews.builder());

  private Reviews build(Reviews.Builder b) {
    Reviews r = b.desk(desk).policy(P1_IN_5_DAYS).actionEscalation(LADDER).build();
    ref.set(r);
    return r;
  }

  private String outage() {
    String id = desk.log(ANNA, ticket("Network outage in building B", ANNA)).id();
    clock.advance(Duration.ofMinutes(5));
    desk.startWork(NINA, id);
    return id;
  }

  private PostIncidentReview resolvedP1() {
    String id = outage();
    clock.advance(Duration.ofHours(4).plusMinutes(30));
    desk.tick();
    desk.proposeResolution(NINA, id, "SOLVED_FIXED", "Replaced the core switch");
    return reviews.find(ROOT, ReviewQuery.all().withIncident(id)).get(0);
  }

  private PostIncidentReview approved(PostIncidentReview r) {
    reviews.recordFindings(LENA, r.id(), "The core switch's power supply failed",
        List.of("No redundant supply"), List.of("Buy redundant supplies"));
    reviews.planAction(LENA, r.id(), PlannedAction.of("Redundant power supplies", "paul",
        "network-ops", clock.instant().plus(Duration.ofDays(14))));
    reviews.planAction(LENA, r.id(), PlannedAction.of("Alert on supply failure", "nina",
        "network-ops", clock.instant().plus(Duration.ofDays(3))));
    reviews.submit(LENA, r.id());
    return reviews.decide(SOFIA, r.id(), Verdict.APPROVE, "Go ahead");
  }

  @Test
  void aResolvedP1_opensARequiredReview_withTheTimelineAndImpactFromItsEvents() {
    PostIncidentReview r = resolvedP1();
    String inc = r.scope().subjectId();

    assertThat(r.status()).isEqualTo(ReviewStatus.DRAFT);
    assertThat(r.scope()).isEqualTo(new ReviewScope(ReviewScope.Kind.INCIDENT, inc, List.of(inc)));
    assertThat(r.requiredBy()).contains(Provenance.rule("Every P1 is reviewed within 5 days",
        "a P1 was resolved"));
    Instant resolvedAt = Desks.START.plus(Duration.ofMinutes(5)).plus(Duration.ofHours(4))
        .plus(Duration.ofMinutes(30));
    assertThat(r.dueAt()).contains(resolvedAt.plus(Duration.ofDays(5)));
    assertThat(r.title()).isEqualTo("Review of " + inc + ": Network outage in building B");
    assertThat(reviews.history(ROOT, r.id()).get(0).actor()).isEqualTo(Actor.SYSTEM_ID);
    assertThat(r.timeline()).extracting(TimelineEntry::kind).containsExactly(
        TimelineEntry.Kind.LOGGED, TimelineEntry.Kind.PRIORITIZED, TimelineEntry.Kind.ASSIGNED,
        TimelineEntry.Kind.SLA_BREACHED, TimelineEntry.Kind.RESOLVED);
    assertThat(r.timeline().get(1).text()).isEqualTo("P1 (impact HIGH, urgency MEDIUM) [rule:"
        + " Outages are P1]");
    assertThat(r.timeline().get(4).text()).isEqualTo("SOLVED_FIXED: Replaced the core switch");

    ReviewImpact impact = r.impact();
    assertThat(impact.incidents()).isEqualTo(1);
    assertThat(impact.usersAffected()).isEqualTo(1);
    assertThat(impact.startedAt()).isEqualTo(Desks.START);
    assertThat(impact.restoredAt()).contains(resolvedAt);
    assertThat(impact.duration()).isEqualTo(Duration.ofMinutes(275));
    assertThat(impact.businessTimeLost()).as("a P1's SLA runs 24x7").isEqualTo(impact.duration());
    assertThat(impact.slaMisses()).singleElement().satisfies(m -> {
      assertThat(m.kind()).isEqualTo(SlaKind.RESOLUTION);
      assertThat(m.dueAt()).isEqualTo(Desks.START.plus(Duration.ofHours(4)));
    });
  }

  @Test
  void businessTimeLost_countsOnlyWorkingHours_ofTheConfiguredCalendar() {
    reviews = build(Reviews.builder().calendar(SlaPolicy.DEFAULT_BUSINESS_CALENDAR));
    clock.set(Instant.parse("2026-03-06T15:00:00Z")); // a Friday
    String id = outage();
    clock.set(Instant.parse("2026-03-09T10:00:00Z")); // Monday
    desk.proposeResolution(NINA, id, "SOLVED_FIXED", "Rebooted");

    ReviewImpact impact = reviews.find(ROOT, ReviewQuery.all()).get(0).impact();
    assertThat(impact.duration()).isEqualTo(Duration.ofHours(67));
    assertThat(impact.businessTimeLost()).isEqualTo(Duration.ofHours(4));
  }

  @Test
  void aMajorIncident_isReviewedWithItsChildren_andAChildIsNotReviewedAlone() {
    String parent = outage();
    clock.advance(Duration.ofMinutes(3));
    String child = desk.log(BERT, ticket("Network outage here too", BERT)).id();
    desk.link(NINA, parent, new Link(LinkType.CHILD, child));
    desk.link(NINA, child, new Link(LinkType.PARENT, parent));
    clock.advance(Duration.ofMinutes(30));
    desk.proposeResolution(NINA, child, "SOLVED_FIXED", "Same as the parent");
    assertThat(reviews.find(ROOT, ReviewQuery.all())).isEmpty();

    desk.proposeResolution(NINA, parent, "SOLVED_FIXED", "Replaced the switch");
    PostIncidentReview r = reviews.find(ROOT, ReviewQuery.all()).get(0);
    assertThat(r.scope().kind()).isEqualTo(ReviewScope.Kind.MAJOR_INCIDENT);
    assertThat(r.scope().incidentIds()).containsExactly(parent, child);
    assertThat(r.title()).startsWith("Review of major incident " + parent);
    assertThat(r.impact().incidents()).isEqualTo(2);
    assertThat(r.impact().usersAffected()).isEqualTo(2);
    assertThat(r.timeline()).extracting(TimelineEntry::incidentId).contains(parent, child);
    assertThat(reviews.considerResolved(desk.get(ROOT, child))).isEmpty();
  }

  @Test
  void anApprovedReview_startsItsActions_whichTheirOwnersDo_andTheReviewClosesByItself() {
    PostIncidentReview r = approved(resolvedP1());

    assertThat(r.status()).isEqualTo(ReviewStatus.APPROVED);
    assertThat(r.approval().orElseThrow().status()).isEqualTo(ApprovalStatus.APPROVED);
    assertThat(r.approval().orElseThrow().subject())
        .isEqualTo(new ApprovalSubject(ApprovalSubject.Kind.INCIDENT_REPORT, r.id()));
    assertThat(r.actionIds()).containsExactly("PA-000001", "PA-000002");
    List<PreventiveAction> started = reviews.findActions(ROOT, ActionQuery.open());
    assertThat(started).extracting(PreventiveAction::owner).containsExactly("paul", "nina");
    assertThat(started).allSatisfy(a -> {
      assertThat(a.status()).isEqualTo(ActionStatus.OPEN);
      assertThat(a.reviewId()).isEqualTo(r.id());
    });
    assertThat(reviews.history(ROOT, r.id())).extracting(ReviewEvent::type).containsExactly(
        "ReviewOpened", "ReviewFindingsRecorded", "ReviewActionPlanned", "ReviewActionPlanned",
        "ReviewSubmitted", "ReviewApprovalDecided", "ReviewApproved");

    reviews.startAction(PAUL, "PA-000001");
    reviews.linkAction(PAUL, "PA-000001", RecordRef.change("CHG-000007"));
    clock.advance(Duration.ofDays(2));
    PreventiveAction done = reviews.completeAction(PAUL, "PA-000001",
        "CHG-000007 installed the second supply");
    assertThat(done.status()).isEqualTo(ActionStatus.DONE);
    assertThat(done.implementedBy()).contains(RecordRef.change("CHG-000007"));
    assertThat(done.evidence()).contains("CHG-000007 installed the second supply");
    assertThat(reviews.get(ROOT, r.id()).status()).isEqualTo(ReviewStatus.APPROVED);

    PreventiveAction cancelled = reviews.cancelAction(LENA, "PA-000002",
        "The new supplies alert by themselves");
    assertThat(cancelled.cancelReason()).contains("The new supplies alert by themselves");
    PostIncidentReview closed = reviews.get(ROOT, r.id());
    assertThat(closed.status()).isEqualTo(ReviewStatus.CLOSED);
    var last = reviews.history(ROOT, r.id()).get(reviews.history(ROOT, r.id()).size() - 1);
    assertThat(last).isInstanceOfSatisfying(ReviewClosed.class, c -> {
      assertThat(c.actor()).isEqualTo(Actor.SYSTEM_ID);
      assertThat(c.note()).isEqualTo("all 2 preventive actions are done or cancelled");
    });
    assertThat(ReviewHistory.replay(reviews.history(ROOT, r.id()))).isEqualTo(closed);
    assertThat(PreventiveActionHistory.replay(reviews.actionHistory(PAUL, "PA-000001")))
        .isEqualTo(done);
  }

  @Test
  void onlySeniorManagers_approve_andApprovingTwiceIsRejected() {
    PostIncidentReview r = resolvedP1();
    reviews.recordFindings(LENA, r.id(), "Power supply", List.of(), List.of());
    reviews.submit(LENA, r.id());
    PostIncidentReview pending = reviews.get(ROOT, r.id());

    assertThatThrownBy(() -> reviews.decide(MARIA, r.id(), Verdict.APPROVE, ""))
        .isInstanceOf(NotAnApproverException.class).hasMessageContaining("role:SENIOR_MANAGER");
    assertThatThrownBy(() -> reviews.decide(NINA, r.id(), Verdict.APPROVE, ""))
        .isInstanceOf(AccessDeniedException.class).hasMessageContaining("DECIDE_APPROVAL");
    assertThat(reviews.get(ROOT, r.id())).isEqualTo(pending);

    PostIncidentReview ok = reviews.decide(SOFIA, r.id(), Verdict.APPROVE, "");
    assertThat(ok.status()).as("approved without actions: closed at once")
        .isEqualTo(ReviewStatus.CLOSED);
    assertThatThrownBy(() -> reviews.decide(SOFIA, r.id(), Verdict.APPROVE, ""))
        .isInstanceOf(RecordStateException.class)
        .hasMessageContaining("is CLOSED: decide is allowed only when PENDING_APPROVAL");
  }

  @Test
  void aQuorumOfTwoLevels_needsEachLevel_andTheSameApproverCannotCountTwice() {
    reviews = build(Reviews.builder().approvalTerms(new ApprovalTerms(List.of(
        new ApprovalStage(List.of(Approver.role(Role.MANAGER)), ApprovalPolicy.any()),
        new ApprovalStage(List.of(Approver.role(Role.SENIOR_MANAGER)), ApprovalPolicy.quorum(2))),
        java.util.Optional.empty())));
    PostIncidentReview r = resolvedP1();
    reviews.recordFindings(LENA, r.id(), "Power supply", List.of(), List.of());
    reviews.submit(LENA, r.id());

    assertThatThrownBy(() -> reviews.decide(SOFIA, r.id(), Verdict.APPROVE, ""))
        .isInstanceOf(NotAnApproverException.class).hasMessageContaining("stage 1 of 2");
    reviews.decide(MARIA, r.id(), Verdict.APPROVE, "fine by me");
    assertThat(reviews.decide(SOFIA, r.id(), Verdict.APPROVE, "").status())
        .isEqualTo(ReviewStatus.PENDING_APPROVAL);
    assertThatThrownBy(() -> reviews.decide(SOFIA, r.id(), Verdict.APPROVE, ""))
        .isInstanceOf(AlreadyDecidedException.class);
    assertThat(reviews.decide(SVEN, r.id(), Verdict.APPROVE, "").status())
        .isEqualTo(ReviewStatus.CLOSED);
  }

  @Test
  void aRejection_sendsTheReviewBackToDraft_withTheComment_andItIsSubmittedAgain() {
    PostIncidentReview r = resolvedP1();
    reviews.recordFindings(LENA, r.id(), "Power supply", List.of(), List.of());
    reviews.submit(LENA, r.id());

    assertThatThrownBy(() -> reviews.decide(SOFIA, r.id(), Verdict.REJECT, " "))
        .isInstanceOf(ValidationException.class).hasMessageContaining("comment must not be blank");
    PostIncidentReview rejected = reviews.decide(SOFIA, r.id(), Verdict.REJECT,
        "Where are the preventive actions?");
    assertThat(rejected.status()).isEqualTo(ReviewStatus.DRAFT);
    assertThat(rejected.approval().orElseThrow().rejection().orElseThrow().comment())
        .isEqualTo("Where are the preventive actions?");

    reviews.planAction(LENA, r.id(), PlannedAction.of("Redundant supplies", "paul",
        "network-ops", clock.instant().plus(Duration.ofDays(10))));
    PostIncidentReview again = reviews.submit(LENA, r.id());
    assertThat(again.approval().orElseThrow().id()).isEqualTo(r.id() + "-APR-2");
    assertThat(reviews.decide(SOFIA, r.id(), Verdict.APPROVE, "").actionIds()).hasSize(1);
  }

  @Test
  void anUndecidedApproval_expiresAtTick_andTheReviewGoesBackToDraft() {
    reviews = build(Reviews.builder().approvalTerms(desk.config().kernel()
        .approvalTerms(ApprovalSubject.Kind.INCIDENT_REPORT).withDueAfter(Duration.ofDays(3))));
    PostIncidentReview r = resolvedP1();
    reviews.recordFindings(LENA, r.id(), "Power supply", List.of(), List.of());
    Instant submitted = reviews.submit(LENA, r.id()).updatedAt();

    clock.advance(Duration.ofDays(3));
    assertThatThrownBy(() -> reviews.decide(SOFIA, r.id(), Verdict.APPROVE, ""))
        .isInstanceOf(io.itsm.core.approval.ApprovalExpiredException.class);
    Reviews.TickResult t = reviews.tick();
    assertThat(t.reviews()).singleElement().satisfies(x -> {
      assertThat(x.status()).isEqualTo(ReviewStatus.DRAFT);
      assertThat(x.approval().orElseThrow().status()).isEqualTo(ApprovalStatus.EXPIRED);
      assertThat(x.updatedAt()).isEqualTo(submitted.plus(Duration.ofDays(3)));
    });
    assertThat(reviews.tick().reviews()).isEmpty();
  }

  @Test
  void closingWithOpenActions_isRejected_listingThem_andChangesNothing() {
    reviews = build(Reviews.builder().closeWhenActionsDone(false));
    PostIncidentReview r = approved(resolvedP1());
    reviews.completeAction(PAUL, "PA-000001", "done");

    assertThatThrownBy(() -> reviews.close(LENA, r.id(), "all good"))
        .isInstanceOf(RecordStateException.class)
        .hasMessageContaining("APPROVED with 1 open preventive action: close is allowed only when"
            + " APPROVED with every preventive action DONE or CANCELLED")
        .hasMessageContaining("PA-000002 'Alert on supply failure' (OPEN, owner nina, due");
    assertThat(reviews.get(ROOT, r.id()).status()).isEqualTo(ReviewStatus.APPROVED);

    reviews.completeAction(NINA, "PA-000002", "alert rule ALR-9 live");
    assertThat(reviews.get(ROOT, r.id()).status()).as("not by itself")
        .isEqualTo(ReviewStatus.APPROVED);
    assertThat(reviews.close(LENA, r.id(), "all good").status()).isEqualTo(ReviewStatus.CLOSED);
  }

  @Test
  void aDueDateInThePast_isRejected_whenPlanning_andWhenSubmitting() {
    PostIncidentReview r = resolvedP1();
    reviews.recordFindings(LENA, r.id(), "Power supply", List.of(), List.of());

    assertThatThrownBy(() -> reviews.planAction(LENA, r.id(), PlannedAction.of("Spares", "paul",
        "network-ops", clock.instant().minus(Duration.ofDays(1)))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("the due time of preventive action 'Spares' must be in the future");
    assertThat(reviews.get(ROOT, r.id()).plannedActions()).isEmpty();

    reviews.planAction(LENA, r.id(), PlannedAction.of("Spares", "paul", "network-ops",
        clock.instant().plus(Duration.ofDays(1))));
    clock.advance(Duration.ofDays(2));
    assertThatThrownBy(() -> reviews.submit(LENA, r.id()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("'Spares'");
    assertThat(reviews.get(ROOT, r.id()).status()).isEqualTo(ReviewStatus.DRAFT);
    assertThatThrownBy(() -> reviews.rescheduleAction(PAUL, "PA-000001", clock.instant(), "x"))
        .isInstanceOf(io.itsm.core.RecordNotFoundException.class);
  }

  @Test
  void ownersUpdateTheirActions_othersMayNot_andOnlyManagersReassignOrCancel() {
    approved(resolvedP1());

    assertThatThrownBy(() -> reviews.startAction(NINA, "PA-000001"))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("preventive action PA-000001 is owned by paul; only its owner or a"
            + " holder of PREVENTIVE_ACTION_MANAGE may start it");
    assertThatThrownBy(() -> reviews.cancelAction(PAUL, "PA-000001", "too dear"))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("only a holder of PREVENTIVE_ACTION_MANAGE may cancel");
    assertThatThrownBy(() -> reviews.completeAction(PAUL, "PA-000001", " "))
        .isInstanceOf(ValidationException.class).hasMessageContaining("needs evidence");
    assertThat(reviews.action(PAUL, "PA-000001").version()).isEqualTo(1);

    PreventiveAction moved = reviews.reassignAction(LENA, "PA-000001", "nina", "network-ops",
        "paul is on leave");
    assertThat(moved.owner()).isEqualTo("nina");
    assertThat(reviews.startAction(NINA, "PA-000001").status()).isEqualTo(ActionStatus.IN_PROGRESS);
    assertThat(reviews.findActions(ANNA, ActionQuery.all())).isEmpty();
    assertThat(reviews.findActions(NINA, ActionQuery.open().withOwner("nina"))).hasSize(2);
    reviews.completeAction(NINA, "PA-000001", "supplies installed");
    assertThatThrownBy(() -> reviews.completeAction(NINA, "PA-000001", "again"))
        .isInstanceOf(RecordStateException.class)
        .hasMessageContaining("is DONE: complete is allowed only when OPEN or IN_PROGRESS; it is"
            + " final");
  }

  @Test
  void anOverdueAction_isEscalatedUpTheLadder_oncePerRung_andReschedulingRestartsIt() {
    approved(resolvedP1());
    PreventiveAction alert = reviews.action(ROOT, "PA-000002");

    assertThat(reviews.tick().actions()).isEmpty();
    clock.set(alert.dueAt().plus(Duration.ofHours(1)));
    Reviews.TickResult first = reviews.tick();
    assertThat(first.actions()).singleElement().satisfies(a -> assertThat(a.escalations())
        .extracting(ActionEscalation::notified).containsExactly(Role.TEAM_LEAD));
    assertThat(reviews.tick().actions()).isEmpty();

    clock.set(alert.dueAt().plus(Duration.ofDays(7)));
    PreventiveAction escalated = reviews.tick().actions().get(0);
    assertThat(escalated.escalations()).extracting(ActionEscalation::notified)
        .containsExactly(Role.TEAM_LEAD, Role.MANAGER);
    List<PreventiveActionEvent> h = reviews.actionHistory(ROOT, alert.id());
    assertThat(h.get(h.size() - 1)).isInstanceOfSatisfying(PreventiveActionEscalated.class, e -> {
      assertThat(e.actor()).isEqualTo(Actor.SYSTEM_ID);
      assertThat(e.notified()).isEqualTo(Role.MANAGER);
      assertThat(e.decidedBy()).isEqualTo(Provenance.rule("A week overdue goes to the manager",
          "PA-000002 is 7 days overdue"));
      assertThat(e.dueAt()).isEqualTo(alert.dueAt());
    });
    assertThat(reviews.findActions(ROOT, ActionQuery.open().withOverdueAt(clock.instant())))
        .extracting(PreventiveAction::id).containsExactly("PA-000002");

    reviews.rescheduleAction(NINA, alert.id(), clock.instant().plus(Duration.ofDays(2)),
        "waiting for the monitoring upgrade");
    assertThat(reviews.action(NINA, alert.id()).escalations()).isEmpty();
    clock.advance(Duration.ofDays(3));
    assertThat(reviews.tick().actions().get(0).escalations()).extracting(ActionEscalation::rule)
        .containsExactly("Overdue actions go to the team lead");
  }

  @Test
  void openingByHand_needsReviewManage_andTwiceForOneIncidentIsRejected() {
    String id = outage();
    desk.proposeResolution(NINA, id, "SOLVED_FIXED", "x");
    reviews = build(Reviews.builder().policy(ReviewPolicy.none()));
    String other = desk.log(BERT, ticket("Printer jams", BERT)).id();

    assertThatThrownBy(() -> reviews.openForIncident(NINA, other))
        .isInstanceOf(AccessDeniedException.class).hasMessageContaining("REVIEW_MANAGE");
    PostIncidentReview r = reviews.openForIncident(LENA, other);
    assertThat(r.requiredBy()).isEmpty();
    assertThat(r.impact().restoredAt()).as("still open").isEmpty();
    assertThatThrownBy(() -> reviews.openForIncident(LENA, other))
        .isInstanceOf(RecordStateException.class)
        .hasMessageContaining("incident " + other + " is covered by review " + r.id() + " (DRAFT)")
        .hasMessageContaining("continue review " + r.id() + ", or cancel it first");
    assertThatThrownBy(() -> reviews.submit(LENA, r.id()))
        .isInstanceOf(RecordStateException.class).hasMessageContaining("record the findings first");
    reviews.cancel(LENA, r.id(), "Not needed");
    assertThat(reviews.openForIncident(LENA, other).id()).isNotEqualTo(r.id());
  }

  @Test
  void aDraft_isReassembled_fromTheIncidentsCurrentEvents() {
    String id = outage();
    reviews = build(Reviews.builder().policy(ReviewPolicy.none()));
    PostIncidentReview r = reviews.openForIncident(LENA, id);
    desk.proposeResolution(NINA, id, "SOLVED_FIXED", "x");

    PostIncidentReview again = reviews.reassemble(LENA, r.id());
    assertThat(again.timeline().size()).isEqualTo(r.timeline().size() + 1);
    assertThat(again.impact().restoredAt()).isPresent();
    assertThatThrownBy(() -> reviews.dropAction(LENA, r.id(), "Nope", null))
        .isInstanceOf(ValidationException.class).hasMessageContaining("planned: []");
  }
}
