package io.itsm.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.core.ServiceDesk;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.event.Prioritized;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.CallerDirectory;
import io.itsm.core.incident.Impact;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.Ticket;
import io.itsm.core.incident.Urgency;
import io.itsm.core.triage.ReportedValues;
import io.itsm.core.triage.TriageAttribute;
import io.itsm.core.triage.TriageResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An end user cannot raise their own priority through the default packs: {@code "vip": true} and
 * impact/urgency HIGH in a self-reported ticket are claims; a caller directory vouches for VIPs.
 */
class CallerTrustTest {

  private static final TriageEngine ENGINE = TriageEngine.withDefaults();
  private static final Actor DANA = Actor.endUser("dana");
  private static final Actor AGENT = Actor.of("a-sara", Role.AGENT, "service-desk");
  private static final String VIP = "VIP callers raise the priority one level";

  private static Ticket claimingP1(String callerId) {
    return Ticket.builder().title("Outlook crashes when I open the calendar")
        .caller(Caller.of(callerId).withVip(true)).impact(Impact.HIGH).urgency(Urgency.HIGH).build();
  }

  private static Prioritized prioritized(ServiceDesk desk, String id) {
    List<IncidentEvent> h = desk.history(Actor.system(), id);
    return h.stream().filter(Prioritized.class::isInstance).map(Prioritized.class::cast).findFirst().orElseThrow();
  }

  @Test
  void endUser_withVipAndHighHigh_withoutDirectory_isNotP1() {
    ServiceDesk desk = ServiceDesk.builder().triagePolicy(ENGINE).build();

    Incident inc = desk.log(DANA, claimingP1("dana"));

    assertThat(inc.priority()).contains(Priority.P3);
    assertThat(inc.impact()).contains(Impact.MEDIUM);
    assertThat(inc.urgency()).contains(Urgency.MEDIUM);
    assertThat(inc.caller().orElseThrow().vip()).isFalse();
    Prioritized p = prioritized(desk, inc.id());
    assertThat(p.decidedBy().name()).isNotEqualTo(VIP);
    assertThat(p.decidedBy().contributing(TriageAttribute.IMPACT))
        .extracting(d -> d.rule() + ": " + d.reason())
        .containsExactly("Unknown impact is medium: reported HIGH by the caller themselves, not trusted:"
            + " assumed medium");
    assertThat(p.decidedBy().contributing(TriageAttribute.URGENCY))
        .extracting(d -> d.rule() + ": " + d.reason())
        .containsExactly("Unknown urgency is medium: reported HIGH by the caller themselves, not trusted:"
            + " assumed medium");
  }

  @Test
  void theSameTicket_loggedByAnAgent_isTrustedAsGiven() {
    ServiceDesk desk = ServiceDesk.builder().triagePolicy(ENGINE).build();
    Incident inc = desk.log(AGENT, claimingP1("dana"));
    assertThat(inc.priority()).contains(Priority.P1);
  }

  @Test
  void agentLoggingForADirectoryVip_getsTheVipRaise_evenWithoutTheFlagOnTheTicket() {
    CallerDirectory directory = CallerDirectory.of(List.of(Caller.of("ceo").withVip(true).withDepartment("Board")));
    ServiceDesk desk = ServiceDesk.builder().triagePolicy(ENGINE).callerDirectory(directory).build();
    Ticket phoned = Ticket.builder().title("Outlook crashes when I open the calendar")
        .caller(Caller.of("ceo").withName("C. Eo")).impact(Impact.MEDIUM).urgency(Urgency.HIGH).build();

    Incident inc = desk.log(AGENT, phoned);

    assertThat(inc.priority()).contains(Priority.P1); // P2 by the matrix, raised one level
    assertThat(prioritized(desk, inc.id()).decidedBy().name()).isEqualTo(VIP);
    assertThat(inc.caller().orElseThrow().vip()).isTrue();
    assertThat(inc.caller().orElseThrow().name()).contains("C. Eo");
  }

  @Test
  void aDirectoryVip_loggingThemselves_getsTheRaise_butNotTheirOwnImpact() {
    CallerDirectory directory = CallerDirectory.of(List.of(Caller.of("dana").withVip(true)));
    ServiceDesk desk = ServiceDesk.builder().triagePolicy(ENGINE).callerDirectory(directory).build();

    Incident inc = desk.log(DANA, claimingP1("dana"));

    assertThat(inc.priority()).as("P3 by the trusted matrix, raised one level").contains(Priority.P2);
    assertThat(prioritized(desk, inc.id()).decidedBy().name()).isEqualTo(VIP);
  }

  @Test
  void rulesSeeBothTheReportedAndTheTrustedValues() {
    Ticket trusted = Ticket.builder().title("Outlook crashes").caller(Caller.of("dana")).build();
    TriageResult r = ENGINE.triage(trusted, new ReportedValues(java.util.Optional.of(Impact.HIGH),
        java.util.Optional.of(Urgency.LOW), java.util.Optional.of(Caller.of("dana").withVip(true)), true));
    assertThat(r.decision(TriageAttribute.IMPACT).orElseThrow().reason())
        .isEqualTo("reported HIGH by the caller themselves, not trusted: assumed medium");
    assertThat(r.decision(TriageAttribute.URGENCY).orElseThrow().reason())
        .isEqualTo("reported LOW by the caller themselves, not trusted: assumed medium");

    TriageEngine hint = TriageEngine.builder().addRules("caller-hint.drl", """
        package team;
        import io.itsm.core.incident.Urgency;
        import io.itsm.rules.facts.TicketFact;
        global io.itsm.rules.facts.RuleDecisions decide;
        rule "A caller's own low urgency stands"
          ruleflow-group "assess"
        when
          TicketFact(urgency == null, reportedUrgency == Urgency.LOW, selfReported)
        then
          decide.urgency(Urgency.LOW, "the caller says it can wait");
        end
        """).build();
    TriageResult withHint = hint.triage(trusted, new ReportedValues(java.util.Optional.empty(),
        java.util.Optional.of(Urgency.LOW), java.util.Optional.empty(), true));
    assertThat(withHint.urgency()).contains(Urgency.LOW);
    assertThat(hint.triage(trusted).urgency()).as("no hint without a report").contains(Urgency.MEDIUM);
  }
}
