package io.itsm.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.incident.Priority;
import io.itsm.core.triage.TriageAttribute;
import io.itsm.core.triage.TriageDecision;
import io.itsm.core.triage.TriageResult;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionWriterTest {

  static final TriageResult RESULT = TriageResult.of(List.of(
          new TriageDecision(TriageAttribute.CATEGORY, "network", "VPN means network", "vpn", 0),
          new TriageDecision(TriageAttribute.PRIORITY, Priority.P2, "Matrix", "high x medium", 0)),
      List.of(), List.of("VPN means network", "Matrix"));

  @Test
  void toJson_isTheLineWriteWrites_withoutTheLineEnd() throws Exception {
    StringWriter out = new StringWriter();
    try (DecisionWriter w = new DecisionWriter(out)) {
      w.write("T-1", RESULT);
    }

    assertThat(out.toString()).isEqualTo(DecisionWriter.toJson("T-1", RESULT) + "\n");
    assertThat(DecisionWriter.toJson("T-1", RESULT)).isEqualTo("{\"id\":\"T-1\","
        + "\"category\":\"network\",\"subcategory\":null,\"impact\":null,\"urgency\":null,"
        + "\"priority\":\"P2\",\"team\":null,\"supportLevel\":null,\"approvalRequired\":false,"
        + "\"explanations\":[{\"attribute\":\"category\",\"value\":\"network\","
        + "\"rule\":\"VPN means network\",\"reason\":\"vpn\"},{\"attribute\":\"priority\","
        + "\"value\":\"P2\",\"rule\":\"Matrix\",\"reason\":\"high x medium\"}]}");
  }

  @Test
  void toJson_withoutId_isRejected() {
    assertThatThrownBy(() -> DecisionWriter.toJson(null, RESULT))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("id");
  }
}
