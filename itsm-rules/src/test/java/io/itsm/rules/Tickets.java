package io.itsm.rules;

import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Ticket;
import io.itsm.core.triage.TriageDecision;
import io.itsm.core.triage.TriageResult;
import java.time.Instant;
import java.util.List;

/** Test helpers: a ticket builder with a fixed opening time, and result inspection. */
final class Tickets {
  static final Instant MONDAY_NOON = Instant.parse("2024-06-03T12:00:00Z");

  private Tickets() {}

  static Ticket.Builder ticket(String title) {
    return Ticket.builder().title(title).openedAt(MONDAY_NOON).caller(Caller.of("u1"));
  }

  static Ticket.Builder ticket(String title, Caller caller) {
    return ticket(title).caller(caller);
  }

  static List<String> overruledRules(TriageResult r) {
    return r.overruled().stream().map(TriageDecision::rule).toList();
  }
}
