package io.itsm.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.core.approval.Approval;
import io.itsm.core.approval.ApprovalStatus;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.event.IncidentHistory;
import io.itsm.core.event.IncidentLogged;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Ticket;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ItsmJsonRoundTripTest {

  private final ItsmJson json = ItsmJson.defaults();

  @Test
  void fullTicket_roundTrips() {
    Ticket ticket = Fixtures.fullTicket();

    String text = json.writeTicket(ticket);

    assertThat(json.readTicket(text)).isEqualTo(ticket);
    assertThat(text).doesNotContain("null").doesNotContain("\n");
  }

  @Test
  void fullTicket_isWrittenInTheDocumentedShape() {
    String text = json.writeTicket(Fixtures.fullTicket());

    assertThat(text)
        .startsWith(
            "{\"id\":\"EXT-77\",\"type\":\"SERVICE_REQUEST\",\"title\":\"VPN drops every few minutes\"")
        .contains(
            "\"caller\":{\"id\":\"u1042\",\"name\":\"Ada Lovelace\",\"email\":\"ada@example.com\","
                + "\"department\":\"Finance\",\"location\":\"Berlin HQ\",\"language\":\"de\",\"vip\":true}")
        .contains("\"openedAt\":\"2026-11-23T08:15:00Z\"")
        .contains("\"tags\":[\"network\",\"remote\",\"vpn\"]")
        .endsWith(
            "\"attributes\":{\"asset\":\"LT-4711\",\"cost center\":\"4200\",\"region\":\"EMEA\"}}");
  }

  @Test
  void minimalTicket_roundTripsAndOmitsAbsentValues() {
    Ticket ticket = Fixtures.minimalTicket();

    String text = json.writeTicket(ticket);

    assertThat(text).isEqualTo("{\"type\":\"INCIDENT\",\"title\":\"Printer jams\",\"affectedUsers\":1}");
    assertThat(json.readTicket(text)).isEqualTo(ticket);
    assertThat(json.readTicket("{\"title\":\"Printer jams\"}")).isEqualTo(ticket);
  }

  @Test
  void ticket_nullCountsAsAbsent() {
    Ticket ticket = json.readTicket("{\"title\":\"Printer jams\",\"channel\":null,\"tags\":null}");

    assertThat(ticket).isEqualTo(Fixtures.minimalTicket());
  }

  @Test
  void ticket_isReadFromStreamsAndReaders() {
    String text = json.writeTicket(Fixtures.fullTicket());

    assertThat(json.readTicket(new StringReader(text))).isEqualTo(Fixtures.fullTicket());
    assertThat(json.readTicket(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))))
        .isEqualTo(Fixtures.fullTicket());
  }

  @Test
  void instantWithOffset_isReadAsUtc() {
    Ticket ticket =
        json.readTicket("{\"title\":\"x\",\"openedAt\":\"2026-11-23T09:15:00+01:00\"}");

    assertThat(ticket.openedAt()).contains(Fixtures.T0);
  }

  @Test
  void incidentWithEveryOptionalField_roundTrips() {
    Incident incident = Fixtures.fullIncident();

    String text = json.writeIncident(incident);

    assertThat(text).startsWith("{\"formatVersion\":1,\"id\":\"INC-000123\"");
    assertThat(json.readIncident(text)).isEqualTo(incident);
  }

  @Test
  void everyEventType_roundTrips() {
    List<IncidentEvent> events = Fixtures.oneOfEach();
    List<String> types = events.stream().map(IncidentEvent::type).collect(Collectors.toList());
    assertThat(types).doesNotHaveDuplicates().hasSize(IncidentEvent.class.getPermittedSubclasses().length);

    for (IncidentEvent event : events) {
      String text = json.writeEvent(event);

      assertThat(text).startsWith("{\"type\":\"" + event.type() + "\",\"incidentId\":\"INC-000123\"");
      assertThat(json.readEvent(text)).as(event.type()).isEqualTo(event);
    }
  }

  @Test
  void historyDocument_roundTripsAndReplays() {
    List<IncidentEvent> events = Fixtures.oneOfEach().subList(0, 10);

    String text = json.writeHistory(events);
    List<IncidentEvent> read = json.readHistory(text);

    assertThat(text).startsWith("{\"formatVersion\":1,\"events\":[{\"type\":\"IncidentLogged\"");
    assertThat(read).isEqualTo(events);
    assertThat(IncidentHistory.replay(read)).isEqualTo(IncidentHistory.replay(events));
  }

  @Test
  void historyWithoutFormatVersion_isReadAsVersionOne() {
    IncidentEvent logged = Fixtures.oneOfEach().get(0);
    String text = "{\"events\":[" + json.writeEvent(logged) + "]}";

    assertThat(json.readHistory(text)).containsExactly(logged);
  }

  @Test
  void approvalWithSeveralStagesAndDecisions_roundTrips() {
    Approval approval = Fixtures.twoStageApproval();
    assertThat(approval.decisions()).hasSize(3);
    assertThat(approval.currentStage()).isEqualTo(2);

    String text = json.writeApproval(approval);

    assertThat(json.readApproval(text)).isEqualTo(approval);
    assertThat(text)
        .contains("{\"approvers\":[{\"user\":\"bob\"},{\"user\":\"carol\"}],\"policy\":\"ALL\"}")
        .contains(
            "{\"approvers\":[{\"role\":\"MANAGER\"},{\"user\":\"dave\"}],\"policy\":\"QUORUM\",\"quorum\":2}")
        .contains("\"dueAt\":\"2026-11-25T08:15:00Z\"");
  }

  @Test
  void expiredApproval_roundTrips() {
    Approval expired = Fixtures.twoStageApproval().expireIfDue(Fixtures.at(60 * 48));
    assertThat(expired.status()).isEqualTo(ApprovalStatus.EXPIRED);

    assertThat(json.readApproval(json.writeApproval(expired))).isEqualTo(expired);
  }

  @Test
  void writingTwice_givesIdenticalText() {
    ItsmJson other = ItsmJson.defaults().withPrettyPrinting(true).withPrettyPrinting(false);

    assertThat(json.writeTicket(Fixtures.fullTicket())).isEqualTo(other.writeTicket(Fixtures.fullTicket()));
    assertThat(json.writeIncident(Fixtures.fullIncident()))
        .isEqualTo(json.writeIncident(Fixtures.fullIncident()));
    assertThat(json.writeHistory(Fixtures.oneOfEach()))
        .isEqualTo(json.writeHistory(Fixtures.oneOfEach()));
    // equal values built in a different order give the same text
    Ticket reordered =
        Fixtures.fullTicket().toBuilder()
            .tags(new java.util.LinkedHashSet<>(List.of("network", "vpn", "remote")))
            .attributes(new java.util.TreeMap<>(Fixtures.fullTicket().attributes()).descendingMap())
            .build();
    assertThat(json.writeTicket(reordered)).isEqualTo(json.writeTicket(Fixtures.fullTicket()));
  }

  @Test
  void prettyPrinting_indentsWithNewlinesAndReadsBack() {
    ItsmJson pretty = json.withPrettyPrinting(true);

    String text = pretty.writeTicket(Fixtures.minimalTicket());

    assertThat(pretty.isPrettyPrinting()).isTrue();
    assertThat(text)
        .isEqualTo(
            "{\n  \"type\": \"INCIDENT\",\n  \"title\": \"Printer jams\",\n  \"affectedUsers\": 1\n}");
    assertThat(pretty.readTicket(text)).isEqualTo(Fixtures.minimalTicket());
  }

  @Test
  void loggedEvent_carriesTheTicketFormat() {
    IncidentLogged logged = (IncidentLogged) Fixtures.oneOfEach().get(0);

    String text = json.writeEvent(logged);

    assertThat(text).contains("\"ticket\":" + json.writeTicket(logged.ticket()));
  }
}
