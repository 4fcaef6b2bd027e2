package io.itsm.core;

import static io.itsm.core.Fixtures.ADMIN;
import static io.itsm.core.Fixtures.CALLER;
import static io.itsm.core.Fixtures.DESK_AGENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.event.IncidentHistory;
import io.itsm.core.event.IncidentLogged;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.CallerDirectory;
import io.itsm.core.incident.Impact;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Ticket;
import io.itsm.core.incident.Urgency;
import io.itsm.core.json.ItsmJson;
import io.itsm.core.triage.ReportedValues;
import io.itsm.core.triage.TriagePolicy;
import io.itsm.core.triage.TriageResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the desk trusts of a ticket: a caller's own claims are not, a caller directory is. */
class CallerTrustTest {

  private static final Caller CLAIMING_VIP = Caller.of(CALLER.id()).withName("Anna").withVip(true)
      .withDepartment("Board").withLocation("HQ").withLanguage("sv");

  /** A real policy that remembers what it was given and decides nothing. */
  private static final class Recording implements TriagePolicy {
    final List<Ticket> trusted = new ArrayList<>();
    final List<ReportedValues> reported = new ArrayList<>();

    @Override
    public TriageResult triage(Ticket ticket) {
      throw new AssertionError("the desk calls triage(ticket, reported)");
    }

    @Override
    public TriageResult triage(Ticket ticket, ReportedValues reported) {
      this.trusted.add(ticket);
      this.reported.add(reported);
      return TriageResult.empty();
    }
  }

  private static Ticket claims() {
    return Ticket.builder().title("Laptop is slow").caller(CLAIMING_VIP)
        .impact(Impact.HIGH).urgency(Urgency.HIGH).build();
  }

  @Test
  void endUser_ownClaims_areRecordedAsReported_butNotTrusted() {
    Recording policy = new Recording();
    ServiceDesk desk = ServiceDesk.builder().triagePolicy(policy).build();

    Incident inc = desk.log(CALLER, claims());

    Ticket seen = policy.trusted.get(0);
    assertThat(seen.caller().orElseThrow().vip()).isFalse();
    assertThat(seen.caller().orElseThrow().department()).isEmpty();
    assertThat(seen.caller().orElseThrow().location()).isEmpty();
    assertThat(seen.caller().orElseThrow().name()).contains("Anna");
    assertThat(seen.caller().orElseThrow().language()).contains("sv");
    assertThat(seen.impact()).isEmpty();
    assertThat(seen.urgency()).isEmpty();
    assertThat(policy.reported.get(0))
        .isEqualTo(new ReportedValues(Optional.of(Impact.HIGH), Optional.of(Urgency.HIGH),
            Optional.of(CLAIMING_VIP), true));

    assertThat(inc.caller().orElseThrow().vip()).isFalse();
    assertThat(inc.impact()).isEmpty();
    assertThat(inc.urgency()).isEmpty();
    IncidentLogged logged = (IncidentLogged) desk.history(ADMIN, inc.id()).get(0);
    assertThat(logged.ticket()).as("recorded as reported").isEqualTo(claims().toBuilder()
        .openedAt(inc.openedAt()).build());
    assertThat(logged.selfReported()).isTrue();
    assertThat(logged.verifiedCaller()).isEmpty();
    assertThat(IncidentHistory.replay(desk.history(ADMIN, inc.id()))).isEqualTo(inc);
    String json = ItsmJson.defaults().writeEvent(logged);
    assertThat(json).contains("\"selfReported\":true").doesNotContain("verifiedCaller");
    assertThat(ItsmJson.defaults().readEvent(json)).isEqualTo(logged);
  }

  @Test
  void staff_loggingForACaller_isTrustedAsGiven() {
    Recording policy = new Recording();
    ServiceDesk desk = ServiceDesk.builder().triagePolicy(policy).build();

    Incident inc = desk.log(DESK_AGENT, claims());

    assertThat(policy.trusted.get(0)).isEqualTo(claims().toBuilder().openedAt(inc.openedAt()).build());
    assertThat(policy.reported.get(0).selfReported()).isFalse();
    assertThat(inc.caller()).contains(CLAIMING_VIP);
    assertThat(inc.impact()).contains(Impact.HIGH);
    IncidentLogged logged = (IncidentLogged) desk.history(ADMIN, inc.id()).get(0);
    assertThat(logged.selfReported()).isFalse();
    assertThat(ItsmJson.defaults().writeEvent(logged)).doesNotContain("selfReported");
  }

  @Test
  void theDirectory_vouchesForCallers_whoeverLogs_andFillsContactDetailsFromTheTicket() {
    Recording policy = new Recording();
    Caller known = Caller.of(CALLER.id()).withVip(false).withDepartment("Finance").withEmail("anna@corp");
    ServiceDesk desk = ServiceDesk.builder().triagePolicy(policy)
        .callerDirectory(CallerDirectory.of(List.of(known))).build();

    Incident bySelf = desk.log(CALLER, claims());
    Incident byAgent = desk.log(DESK_AGENT, claims());

    Caller expected = known.withName("Anna").withLanguage("sv");
    assertThat(bySelf.caller()).contains(expected);
    assertThat(byAgent.caller()).as("an agent's copy of the claims loses to the directory").contains(expected);
    assertThat(policy.trusted).extracting(t -> t.caller().orElseThrow()).containsExactly(expected, expected);
    assertThat(byAgent.impact()).as("staff's impact stands").contains(Impact.HIGH);
    assertThat(bySelf.impact()).isEmpty();
    IncidentLogged logged = (IncidentLogged) desk.history(ADMIN, bySelf.id()).get(0);
    assertThat(logged.verifiedCaller()).contains(expected);
    assertThat(ItsmJson.defaults().readEvent(ItsmJson.defaults().writeEvent(logged))).isEqualTo(logged);
    assertThat(IncidentHistory.replay(desk.history(ADMIN, bySelf.id()))).isEqualTo(bySelf);
  }

  @Test
  void aDirectoryThatFails_orAnswersForSomeoneElse_logsNothing() {
    ServiceDesk failing = ServiceDesk.builder().callerDirectory(id -> {
      throw new IllegalStateException("LDAP down");
    }).build();
    assertThatThrownBy(() -> failing.log(CALLER, claims()))
        .isInstanceOf(ItsmException.class)
        .hasMessageContaining("failed for caller u-anna of ticket 'Laptop is slow'")
        .hasMessageContaining("LDAP down");
    assertThat(failing.find(ADMIN, io.itsm.core.repository.IncidentQuery.all())).isEmpty();

    ServiceDesk confused = ServiceDesk.builder().callerDirectory(id -> Optional.of(Caller.of("u-bert"))).build();
    assertThatThrownBy(() -> confused.log(CALLER, claims()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("caller directory answered caller u-bert when asked for u-anna");

    assertThatThrownBy(() -> CallerDirectory.of(List.of(Caller.of("a"), Caller.of("a"))))
        .hasMessageContaining("caller id a appears twice");
  }

  @Test
  void historiesWrittenBeforeTrust_replayAsBefore() {
    // an IncidentLogged without the new properties: trusted as given, as every old history was
    String old = "{\"type\":\"IncidentLogged\",\"incidentId\":\"INC-000001\",\"sequence\":1,"
        + "\"at\":\"2026-11-23T09:00:00Z\",\"actor\":\"u-anna\",\"ticket\":{\"type\":\"INCIDENT\","
        + "\"title\":\"Laptop is slow\",\"caller\":{\"id\":\"u-anna\",\"vip\":true},\"affectedUsers\":1,"
        + "\"impact\":\"HIGH\"},\"openedAt\":\"2026-11-23T09:00:00Z\"}";
    IncidentLogged e = (IncidentLogged) ItsmJson.defaults().readEvent(old);
    assertThat(e.selfReported()).isFalse();
    Incident inc = IncidentHistory.replay(List.of(e));
    assertThat(inc.caller().orElseThrow().vip()).isTrue();
    assertThat(inc.impact()).contains(Impact.HIGH);
    assertThat(ItsmJson.defaults().writeEvent(e)).isEqualTo(old);
  }
}
