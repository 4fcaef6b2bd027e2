package io.itsm.core.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.ValidationException;
import io.itsm.core.event.Assigned;
import io.itsm.core.event.Cancelled;
import io.itsm.core.event.CloseReason;
import io.itsm.core.event.Closed;
import io.itsm.core.event.CommentAdded;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.event.IncidentLogged;
import io.itsm.core.event.Prioritized;
import io.itsm.core.event.Provenance;
import io.itsm.core.event.PutOnHold;
import io.itsm.core.event.Reopened;
import io.itsm.core.event.Resolved;
import io.itsm.core.event.Resumed;
import io.itsm.core.event.SlaKind;
import io.itsm.core.event.StatusChanged;
import io.itsm.core.event.Visibility;
import io.itsm.core.incident.Assignment;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Impact;
import io.itsm.core.incident.OnHoldReason;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.Resolution;
import io.itsm.core.incident.Status;
import io.itsm.core.incident.SupportLevel;
import io.itsm.core.incident.Ticket;
import io.itsm.core.incident.Urgency;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SLA clock on hand-written histories; 2026-11-23 is a Monday. Times are UTC. */
class SlaClockTest {

  private static final String CALLER = "u-anna";
  private static final String AGENT = "a-nils";

  static Instant t(String utc) {
    return Instant.parse(utc + ":00Z");
  }

  /** Builds a history event by event. */
  static final class H {
    final String id = "INC-000001";
    final List<IncidentEvent> events = new ArrayList<>();
    Status status = Status.NEW;

    H(String loggedAt) {
      Ticket ticket = Ticket.builder().title("printer jam").caller(Caller.of(CALLER)).openedAt(t(loggedAt)).build();
      events.add(new IncidentLogged(id, 1, t(loggedAt), CALLER, ticket, t(loggedAt)));
    }

    long seq() {
      return events.size() + 1;
    }

    H priority(String at, Priority p) {
      events.add(new Prioritized(id, seq(), t(at), CALLER, Impact.MEDIUM, Urgency.MEDIUM, p,
          Provenance.rule("Priority rule", "test")));
      return this;
    }

    /** Assignment by triage rules at logging: the logging actor (the caller) is the event's actor. */
    H autoAssign(String at) {
      events.add(new Assigned(id, seq(), t(at), CALLER, Assignment.toTeam("desk", SupportLevel.L1),
          Status.ASSIGNED, Provenance.rule("Route to desk", "test")));
      status = Status.ASSIGNED;
      return this;
    }

    H startWork(String at) {
      events.add(new StatusChanged(id, seq(), t(at), AGENT, status, Status.IN_PROGRESS, "work started"));
      status = Status.IN_PROGRESS;
      return this;
    }

    H comment(String at, String actor, Visibility v) {
      events.add(new CommentAdded(id, seq(), t(at), actor, "hello", v));
      return this;
    }

    H hold(String at, OnHoldReason reason) {
      events.add(new PutOnHold(id, seq(), t(at), AGENT, reason, ""));
      status = Status.ON_HOLD;
      return this;
    }

    H resume(String at) {
      events.add(new Resumed(id, seq(), t(at), AGENT, ""));
      status = Status.IN_PROGRESS;
      return this;
    }

    H resolve(String at) {
      events.add(new Resolved(id, seq(), t(at), AGENT, new Resolution("SOLVED_FIXED", "fixed", AGENT, t(at))));
      status = Status.RESOLVED;
      return this;
    }

    H reopen(String at, int count) {
      events.add(new Reopened(id, seq(), t(at), CALLER, "still broken", count, false));
      status = Status.IN_PROGRESS;
      return this;
    }

    H close(String at) {
      events.add(new Closed(id, seq(), t(at), CALLER, CloseReason.CONFIRMED_BY_CALLER, ""));
      return this;
    }

    H cancel(String at) {
      events.add(new Cancelled(id, seq(), t(at), CALLER, "duplicate"));
      return this;
    }

    SlaReport at(String now) {
      return SlaClock.evaluate(events, SlaPolicy.defaults(), t(now));
    }
  }

  // ---------------------------------------------------------------- 24x7

  @Test
  void p2_noResponse_isOverdueAfter30Minutes_andResolutionRunsOn24x7() {
    SlaReport r = new H("2026-11-23T09:00").priority("2026-11-23T09:00", Priority.P2).autoAssign("2026-11-23T09:00")
        .at("2026-11-23T10:00");

    assertThat(r.priority()).isEqualTo(Priority.P2);
    assertThat(r.priorityAssumed()).isFalse();
    assertThat(r.response().state()).isEqualTo(SlaState.RUNNING);
    assertThat(r.response().breachedAt()).contains(t("2026-11-23T09:30"));
    assertThat(r.response().elapsed()).isEqualTo(Duration.ofHours(1));
    assertThat(r.response().percentUsed()).isEqualTo(200.0);
    assertThat(r.response().explain()).isEqualTo("response overdue since Mon 23 Nov 09:30 UTC; 200 % used");
    assertThat(r.resolution().dueAt()).isEqualTo(t("2026-11-23T17:00"));
    assertThat(r.resolution().breached()).isFalse();
    assertThat(r.resolution().explain()).isEqualTo("resolution due Mon 23 Nov 17:00 UTC; 12 % used");
    assertThat(r.explain()).isEqualTo("INC-000001 P2 (targets 'standard')\n"
        + "response overdue since Mon 23 Nov 09:30 UTC; 200 % used\n"
        + "resolution due Mon 23 Nov 17:00 UTC; 12 % used");
  }

  @Test
  void response_isAPublicCommentByTheDesk() {
    SlaReport r = new H("2026-11-23T09:00").priority("2026-11-23T09:00", Priority.P2).autoAssign("2026-11-23T09:00")
        .comment("2026-11-23T09:10", AGENT, Visibility.PUBLIC).at("2026-11-23T12:00");

    assertThat(r.response().state()).isEqualTo(SlaState.MET);
    assertThat(r.response().stoppedAt()).contains(t("2026-11-23T09:10"));
    assertThat(r.response().elapsed()).isEqualTo(Duration.ofMinutes(10));
    assertThat(r.response().explain())
        .isEqualTo("response met Mon 23 Nov 09:10 UTC, due Mon 23 Nov 09:30 UTC; 33 % used");
  }

  @Test
  void response_notByAutoAssignment_northeCallersComment_norAWorkNote_butByStartingWork() {
    H h = new H("2026-11-23T09:00").priority("2026-11-23T09:00", Priority.P2).autoAssign("2026-11-23T09:00")
        .comment("2026-11-23T09:05", CALLER, Visibility.PUBLIC)
        .comment("2026-11-23T09:06", AGENT, Visibility.INTERNAL);
    assertThat(h.at("2026-11-23T09:07").response().state()).isEqualTo(SlaState.RUNNING);

    SlaReport r = h.startWork("2026-11-23T09:20").at("2026-11-23T09:40");
    assertThat(r.response().state()).isEqualTo(SlaState.MET);
    assertThat(r.response().stoppedAt()).contains(t("2026-11-23T09:20"));
  }

  @Test
  void response_atExactlyTheDueInstant_isMet() {
    SlaReport r = new H("2026-11-23T09:00").priority("2026-11-23T09:00", Priority.P2).autoAssign("2026-11-23T09:00")
        .startWork("2026-11-23T09:30").at("2026-11-23T10:00");
    assertThat(r.response().state()).isEqualTo(SlaState.MET);
    assertThat(r.response().breached()).isFalse();
    assertThat(r.response().percentUsed()).isEqualTo(100.0);
  }

  @Test
  void resolve_stopsTheClock_andReopenResumesWithElapsedKept() {
    H h = new H("2026-11-23T09:00").priority("2026-11-23T09:00", Priority.P2).autoAssign("2026-11-23T09:00")
        .startWork("2026-11-23T09:05").resolve("2026-11-23T11:00");
    SlaReport resolved = h.at("2026-11-24T09:00");
    assertThat(resolved.resolution().state()).isEqualTo(SlaState.MET);
    assertThat(resolved.resolution().elapsed()).isEqualTo(Duration.ofHours(2));
    assertThat(resolved.resolution().dueAt()).as("projected from the stop").isEqualTo(t("2026-11-23T17:00"));

    h = new H("2026-11-23T09:00").priority("2026-11-23T09:00", Priority.P2).autoAssign("2026-11-23T09:00")
        .startWork("2026-11-23T09:05").resolve("2026-11-23T11:00").reopen("2026-11-23T13:00", 1);
    SlaReport reopened = h.at("2026-11-23T14:00");
    assertThat(reopened.resolution().state()).isEqualTo(SlaState.RUNNING);
    assertThat(reopened.resolution().elapsed()).isEqualTo(Duration.ofHours(3));
    assertThat(reopened.resolution().dueAt()).isEqualTo(t("2026-11-23T19:00"));
    assertThat(reopened.response().state()).as("a reopen does not restart the response").isEqualTo(SlaState.MET);

    SlaReport missed = h.resolve("2026-11-23T20:00").close("2026-11-23T20:30").at("2026-11-25T00:00");
    assertThat(missed.resolution().state()).isEqualTo(SlaState.MISSED);
    assertThat(missed.resolution().breachedAt()).contains(t("2026-11-23T19:00"));
    assertThat(missed.resolution().explain())
        .isEqualTo("resolution missed Mon 23 Nov 20:00 UTC, due Mon 23 Nov 19:00 UTC; 112 % used");
  }

  @Test
  void cancelled_stopsRunningClocksWithoutOutcome() {
    SlaReport r = new H("2026-11-23T09:00").priority("2026-11-23T09:00", Priority.P2)
        .cancel("2026-11-23T09:06").at("2026-11-23T12:00");
    assertThat(r.response().state()).isEqualTo(SlaState.CANCELLED);
    assertThat(r.resolution().state()).isEqualTo(SlaState.CANCELLED);
    assertThat(r.response().explain()).isEqualTo("response stopped Mon 23 Nov 09:06 UTC: incident cancelled; 20 % used");
  }

  // ---------------------------------------------------------------- business calendar

  @Test
  void p3_countsOnlyOfficeHours_overTheWeekend() {
    SlaReport r = new H("2026-11-27T16:00").priority("2026-11-27T16:00", Priority.P3).at("2026-11-28T12:00");
    assertThat(r.response().elapsed()).isEqualTo(Duration.ofHours(1));
    assertThat(r.response().dueAt()).isEqualTo(t("2026-11-30T09:00"));
    assertThat(r.response().explain()).isEqualTo("response due Mon 30 Nov 09:00 UTC; 50 % used");
    assertThat(r.response().reachedAt(50)).contains(t("2026-11-27T17:00"));
    assertThat(r.response().reachedAt(75)).isEmpty();
  }

  @Test
  void holdAwaitingUser_pausesAcrossNights_andThePausedBusinessTimeIsReported() {
    H h = new H("2026-11-23T09:00").priority("2026-11-23T09:00", Priority.P3).autoAssign("2026-11-23T09:00")
        .comment("2026-11-23T10:00", AGENT, Visibility.PUBLIC)
        .hold("2026-11-23T15:00", OnHoldReason.AWAITING_USER);

    SlaReport paused = h.at("2026-11-24T12:00");
    assertThat(paused.resolution().state()).isEqualTo(SlaState.PAUSED);
    assertThat(paused.resolution().pausedSince()).contains(t("2026-11-23T15:00"));
    assertThat(paused.resolution().elapsed()).isEqualTo(Duration.ofHours(6));
    assertThat(paused.resolution().paused()).isEqualTo(Duration.ofHours(6));
    assertThat(paused.resolution().dueAt()).as("projected as if resumed now").isEqualTo(t("2026-11-26T12:00"));
    assertThat(paused.resolution().explain()).isEqualTo(
        "resolution paused since Mon 23 Nov 15:00 UTC, 18 h left; paused 6 h awaiting user; 25 % used");
    assertThat(paused.response().state()).as("responded before the hold").isEqualTo(SlaState.MET);

    SlaReport resumed = h.resume("2026-11-25T11:00").at("2026-11-25T13:00");
    assertThat(resumed.resolution().state()).isEqualTo(SlaState.RUNNING);
    assertThat(resumed.resolution().elapsed()).isEqualTo(Duration.ofHours(8));
    assertThat(resumed.resolution().paused()).isEqualTo(Duration.ofHours(14));
    assertThat(resumed.resolution().explain())
        .isEqualTo("resolution due Fri 27 Nov 11:00 UTC; paused 14 h awaiting user; 33 % used");
  }

  @Test
  void holdAwaitingVendor_doesNotPauseByDefault_butDoesWhenConfigured() {
    H h = new H("2026-11-23T09:00").priority("2026-11-23T09:00", Priority.P2).startWork("2026-11-23T09:01")
        .hold("2026-11-23T10:00", OnHoldReason.AWAITING_VENDOR);
    assertThat(h.at("2026-11-23T12:00").resolution().state()).isEqualTo(SlaState.RUNNING);
    assertThat(h.at("2026-11-23T12:00").resolution().elapsed()).isEqualTo(Duration.ofHours(3));

    SlaPolicy vendorPauses = SlaPolicy.builder().pauseOn(OnHoldReason.AWAITING_USER, OnHoldReason.AWAITING_VENDOR).build();
    SlaReport r = SlaClock.evaluate(h.events, vendorPauses, t("2026-11-23T12:00"));
    assertThat(r.resolution().state()).isEqualTo(SlaState.PAUSED);
    assertThat(r.resolution().elapsed()).isEqualTo(Duration.ofHours(1));
    assertThat(r.resolution().explain()).contains("paused 2 h awaiting vendor");
  }

  @Test
  void pauseBeforeAnyResponse_pausesTheResponseClockToo_andResumingIsTheResponse() {
    SlaReport r = new H("2026-11-23T09:00").priority("2026-11-23T09:00", Priority.P2)
        .hold("2026-11-23T09:10", OnHoldReason.AWAITING_USER).resume("2026-11-23T10:10").at("2026-11-23T11:00");
    assertThat(r.response().state()).isEqualTo(SlaState.MET);
    assertThat(r.response().elapsed()).isEqualTo(Duration.ofMinutes(10));
    assertThat(r.response().paused()).isEqualTo(Duration.ofHours(1));
    assertThat(r.resolution().elapsed()).isEqualTo(Duration.ofMinutes(60));
  }

  // ---------------------------------------------------------------- priority

  @Test
  void priorityRaised_recomputesTargetsFromTheStart_keepingElapsedTime() {
    H h = new H("2026-11-23T09:00").priority("2026-11-23T09:00", Priority.P3);
    assertThat(h.at("2026-11-23T12:00").resolution().percentUsed()).isEqualTo(12.5);

    SlaReport r = h.priority("2026-11-23T12:00", Priority.P1).at("2026-11-23T12:00");
    assertThat(r.resolution().target().duration()).isEqualTo(Duration.ofHours(4));
    assertThat(r.resolution().percentUsed()).isEqualTo(75.0);
    assertThat(r.resolution().dueAt()).isEqualTo(t("2026-11-23T13:00"));
    assertThat(r.response().breachedAt()).as("the P1 response target was gone long ago").contains(t("2026-11-23T09:15"));
  }

  @Test
  void priorityLowered_toABusinessCalendar_recountsElapsedTimeOnIt() {
    SlaReport r = new H("2026-11-28T10:00").priority("2026-11-28T10:00", Priority.P2)
        .priority("2026-11-30T08:00", Priority.P4).at("2026-11-30T10:00");
    assertThat(r.resolution().target().calendar()).isEqualTo(SlaPolicy.DEFAULT_BUSINESS_CALENDAR);
    assertThat(r.resolution().elapsed()).isEqualTo(Duration.ofHours(2));
    assertThat(r.response().elapsed()).isEqualTo(Duration.ofHours(2));
    assertThat(r.response().percentUsed()).isEqualTo(50.0);
  }

  @Test
  void noPriority_isMeasuredAsP3_andSaysSo() {
    SlaReport r = new H("2026-11-23T09:00").at("2026-11-23T10:00");
    assertThat(r.priority()).isEqualTo(Priority.P3);
    assertThat(r.priorityAssumed()).isTrue();
    assertThat(r.resolution().target().duration()).isEqualTo(Duration.ofHours(24));
    assertThat(r.explain()).startsWith("INC-000001 P3 assumed, no priority yet (targets 'standard')\n");
  }

  // ---------------------------------------------------------------- errors and purity

  @Test
  void eventsOutOfOrder_orNowBeforeTheLastEvent_areRejected() {
    H h = new H("2026-11-23T09:00").priority("2026-11-23T10:00", Priority.P2);
    h.events.add(new CommentAdded(h.id, 3, t("2026-11-23T09:30"), AGENT, "late", Visibility.PUBLIC));
    assertThatThrownBy(() -> h.at("2026-11-23T11:00")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("out of order");

    H ok = new H("2026-11-23T09:00").priority("2026-11-23T10:00", Priority.P2);
    assertThatThrownBy(() -> ok.at("2026-11-23T09:30")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("now must not be before the last event");
    assertThatThrownBy(() -> SlaClock.evaluate(List.of(), SlaPolicy.defaults(), t("2026-11-23T09:30")))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void sameHistory_sameReport() {
    H h = new H("2026-11-23T09:00").priority("2026-11-23T09:00", Priority.P3).autoAssign("2026-11-23T09:00")
        .hold("2026-11-23T11:00", OnHoldReason.AWAITING_USER).resume("2026-11-24T09:00");
    assertThat(SlaClock.evaluate(List.copyOf(h.events), SlaPolicy.defaults(), t("2026-11-24T10:00")))
        .isEqualTo(h.at("2026-11-24T10:00"));
  }

  @Test
  void reachedAt_findsEachThresholdAcrossPauses() {
    SlaStatus res = new H("2026-11-23T09:00").priority("2026-11-23T09:00", Priority.P2).startWork("2026-11-23T09:00")
        .hold("2026-11-23T10:00", OnHoldReason.AWAITING_USER).resume("2026-11-23T12:00")
        .at("2026-11-23T20:00").resolution();
    assertThat(res.reachedAt(50)).contains(t("2026-11-23T15:00"));
    assertThat(res.reachedAt(100)).contains(t("2026-11-23T19:00"));
    assertThat(res.breachedAt()).contains(t("2026-11-23T19:00"));
    assertThat(res.reachedAt(10)).contains(Instant.parse("2026-11-23T09:48:00Z"));
    assertThatThrownBy(() -> res.reachedAt(0)).isInstanceOf(ValidationException.class);
  }

  @Test
  void durations_areFormattedInHoursAndMinutes() {
    assertThat(SlaStatus.duration(Duration.ofMinutes(192))).isEqualTo("3 h 12 min");
    assertThat(SlaStatus.duration(Duration.ofHours(2))).isEqualTo("2 h");
    assertThat(SlaStatus.duration(Duration.ofSeconds(59))).isEqualTo("0 min");
    assertThat(SlaStatus.duration(Duration.ofMinutes(45))).isEqualTo("45 min");
  }

  @Test
  void explanation_usesTheCalendarsZone() {
    SlaPolicy stockholm = SlaPolicy.builder()
        .targets(SlaTargets.defaults().toBuilder("sthlm")
            .response(Priority.P3, Duration.ofHours(2), Calendars.office()).build())
        .build();
    H h = new H("2026-11-23T09:00").priority("2026-11-23T09:00", Priority.P3);
    SlaReport r = SlaClock.evaluate(h.events, stockholm, t("2026-11-23T09:30"));
    // 10:00 Stockholm; 08-12 and 13-17 local: 2 h from 10:00 is 12:00 local
    assertThat(r.response().explain()).isEqualTo("response due Mon 23 Nov 12:00 CET; 25 % used");
    assertThat(r.status(SlaKind.RESPONSE)).isSameAs(r.response());
  }
}
