package io.itsm.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.itsm.core.event.IncidentEvent;
import io.itsm.core.event.Prioritized;
import io.itsm.core.event.Provenance;
import io.itsm.core.incident.Impact;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.Urgency;
import io.itsm.core.triage.TriageAttribute;
import io.itsm.core.triage.TriageDecision;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** decidedBy: structured provenance in new optional properties; today's documents still read. */
class ProvenanceJsonTest {

  private final ItsmJson json = ItsmJson.defaults();
  private static final Instant AT = Instant.parse("2026-11-23T08:17:00Z");

  @Test
  void triageProvenance_roundTrips_withTypedValues() {
    TriageDecision vip = new TriageDecision(TriageAttribute.PRIORITY, Priority.P2,
        "VIP callers raise the priority one level", "VIP caller u1: raised from P3", 0);
    TriageDecision impact = new TriageDecision(TriageAttribute.IMPACT, Impact.MEDIUM,
        "Unknown impact is medium", "not reported: assumed medium", 0);
    TriageDecision matrix = new TriageDecision(TriageAttribute.PRIORITY, Priority.P3,
        "Medium impact and urgency, or high against low, make P3", "impact MEDIUM x urgency MEDIUM", 0);
    Prioritized event = new Prioritized("INC-1", 3, AT, "system", Impact.MEDIUM, Urgency.MEDIUM,
        Priority.P2, new Provenance(Provenance.Kind.RULE, vip.rule(), vip.reason(),
            List.of(vip, impact), List.of(matrix)));

    String text = json.writeEvent(event);

    assertThat(text).contains("\"decidedBy\":{\"kind\":\"RULE\",\"name\":\"VIP callers raise the priority"
        + " one level\",\"reason\":\"VIP caller u1: raised from P3\",\"decisions\":[{\"attribute\":"
        + "\"PRIORITY\",\"value\":\"P2\",\"rule\":\"VIP callers raise the priority one level\","
        + "\"reason\":\"VIP caller u1: raised from P3\",\"precedence\":0},");
    IncidentEvent read = json.readEvent(text);
    assertThat(read).isEqualTo(event);
    assertThat(((Prioritized) read).decidedBy().decisions().get(0).value()).isSameAs(Priority.P2);
    assertThat(((Prioritized) read).decidedBy().overruled().get(0).value()).isSameAs(Priority.P3);
  }

  @Test
  void aBound_roundTrips_withItsEffect() {
    TriageDecision matrix = new TriageDecision(TriageAttribute.PRIORITY, Priority.P4,
        "Low against medium or low make P4", "impact LOW x urgency MEDIUM", 0);
    TriageDecision bound = new TriageDecision(TriageAttribute.PRIORITY, Priority.P2,
        "Finance at month-end is at least P2", "finance closes the books", 100,
        TriageDecision.Effect.AT_LEAST);
    Prioritized event = new Prioritized("INC-1", 3, AT, "system", Impact.LOW, Urgency.MEDIUM,
        Priority.P2, new Provenance(Provenance.Kind.RULE, bound.rule(), bound.reason(),
            List.of(matrix, bound), List.of()));

    String text = json.writeEvent(event);

    assertThat(text).contains("\"precedence\":0},{\"attribute\":\"PRIORITY\",\"value\":\"P2\","
        + "\"rule\":\"Finance at month-end is at least P2\",\"reason\":\"finance closes the books\","
        + "\"precedence\":100,\"effect\":\"AT_LEAST\"}]");
    assertThat(json.readEvent(text)).isEqualTo(event);
  }

  @Test
  void provenanceWithoutDecisions_isWrittenAsBefore() {
    Prioritized event = new Prioritized("INC-1", 3, AT, "anna", Impact.LOW, Urgency.LOW, Priority.P4,
        Provenance.manual("anna"));
    assertThat(json.writeEvent(event))
        .endsWith("\"decidedBy\":{\"kind\":\"MANUAL\",\"name\":\"anna\"}}");
  }

  @Test
  void todaysDocument_withKindNameReason_stillReads() {
    String doc = """
        {"type": "Prioritized", "incidentId": "INC-000123", "sequence": 3,
         "at": "2026-11-23T08:17:00Z", "actor": "system",
         "impact": "MEDIUM", "urgency": "HIGH", "priority": "P2",
         "decidedBy": {"kind": "POLICY", "name": "impact-urgency-matrix", "reason": "MEDIUM x HIGH"}}
        """;
    Prioritized read = (Prioritized) json.readEvent(doc);
    assertThat(read.decidedBy()).isEqualTo(Provenance.policy("impact-urgency-matrix", "MEDIUM x HIGH"));
    assertThat(read.decidedBy().decisions()).isEmpty();
  }

  @Test
  void aDecisionValueThatDoesNotFitItsAttribute_namesThePathAndTheAllowedValues() {
    String doc = """
        {"type": "Prioritized", "incidentId": "INC-1", "sequence": 3,
         "at": "2026-11-23T08:17:00Z", "actor": "system",
         "impact": "MEDIUM", "urgency": "HIGH", "priority": "P2",
         "decidedBy": {"kind": "RULE", "name": "r", "reason": "",
           "decisions": [{"attribute": "PRIORITY", "value": "P9", "rule": "r", "precedence": 0}]}}
        """;
    JsonFormatException e = catchThrowableOfType(JsonFormatException.class, () -> json.readEvent(doc));
    assertThat(e.getPath()).isEqualTo("$.decidedBy.decisions[0].value");
    assertThat(e.getMessage()).contains("PRIORITY must be one of P1, P2, P3, P4, P5, but was 'P9'");
  }
}
