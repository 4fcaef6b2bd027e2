package io.itsm.rules.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.itsm.core.ItsmException;
import io.itsm.core.json.ItsmJson;
import io.itsm.core.json.TicketReader;
import io.itsm.core.incident.Ticket;
import io.itsm.core.triage.TriageOutcome;
import io.itsm.core.triage.TriagePolicy;
import io.itsm.core.triage.TriageResult;
import io.itsm.rules.TriageEngine;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WhatIfTest {

  /** A team rule: VIP callers get at least P2 (a bound of precedence 100: the last word). */
  static final String VIP_RULE =
      """
      package team;
      import io.itsm.core.incident.Priority;
      import io.itsm.rules.facts.DecidedSoFar;
      import io.itsm.rules.facts.TicketFact;
      global io.itsm.rules.facts.RuleDecisions decide;

      rule "VIP callers are at least P2"
        ruleflow-group "adjust"
      when
        TicketFact(vip)
        DecidedSoFar(priority in (Priority.P3, Priority.P4, Priority.P5), $p : priority)
      then
        decide.atLeast(Priority.P2, "VIP caller: raised from " + $p);
      end
      """;

  static final TriageEngine CANDIDATE =
      KitEngines.defaultsBuilder().addRules("vip.drl", VIP_RULE).build();

  /** 6 tickets, 1 blank line, 2 bad lines. */
  static final String TICKETS =
      """
      {"id": "T1", "title": "Printer jams", "caller": {"id": "ceo", "vip": true}}
      {"id": "T2", "title": "Printer jams", "caller": {"id": "ceo", "vip": true}, "impact": "LOW"}
      {"id": "T3", "title": "Printer jams", "caller": {"id": "u3"}, "impact": "LOW"}

      {"id": "T4", "title": "Printer jams", "caller": {"id": "cfo", "vip": true}, "impact": "LOW", "urgency": "LOW"}
      {"id": "T5", "title": "Printer jams", "channel": "FAX"}
      {"id": "T6", "type": "SERVICE_REQUEST", "title": "I would like to know the travel rules", "caller": {"id": "cto", "vip": true}, "urgency": "LOW"}
      {not json
      {"id": "T7", "title": "VPN down", "caller": {"id": "u7"}}
      """;

  @TempDir Path dir;

  @Test
  void compare_countsChangesAndTransitions_andKeepsTheFirstExamples() throws IOException {
    Path file = dir.resolve("tickets.jsonl");
    Files.writeString(file, TICKETS);

    WhatIfReport r = WhatIf.compare(KitEngines.defaults(), CANDIDATE, file, 2);

    assertThat(r.ticketsRead()).isEqualTo(6);
    assertThat(r.ticketsChanged()).isEqualTo(3);
    assertThat(r.badLineCount()).isEqualTo(2);
    assertThat(r.badLines()).extracting(WhatIfReport.Problem::lineNumber).containsExactly(6L, 8L);
    assertThat(r.badLines().get(0).problem()).contains("FAX");
    assertThat(r.failureCount()).isZero();
    assertThat(r.changesPerAttribute()).containsExactly(
        Map.entry("category", 0L), Map.entry("subcategory", 0L), Map.entry("impact", 0L),
        Map.entry("urgency", 0L), Map.entry("priority", 3L), Map.entry("team", 0L),
        Map.entry("supportLevel", 0L), Map.entry("approvalRequired", 3L), Map.entry("tags", 0L));
    assertThat(r.transitions()).extracting(WhatIfReport.Transition::toString).containsExactly(
        "approvalRequired false→true: 3", "priority P3→P2: 2", "priority P4→P2: 1");
    assertThat(r.examples()).extracting(e -> e.ticket().id().orElseThrow())
        .containsExactly("T2", "T4");
    WhatIfReport.Example t2 = r.examples().get(0);
    assertThat(t2.lineNumber()).isEqualTo(2);
    assertThat(t2.changes()).extracting(WhatIfReport.Change::toString)
        .containsExactly("priority P3→P2", "approvalRequired false→true");
    assertThat(t2.candidate().priority().orElseThrow().name()).isEqualTo("P2");

    String text = r.toText();
    assertThat(text).startsWith(
        """
        What-if: 6 tickets read, 3 changed (50.0 %), 2 bad lines, 0 triage failures

        Changes per attribute:
          priority          3
          approvalRequired  3

        Transitions:
          approvalRequired false→true: 3
          priority P3→P2: 2
          priority P4→P2: 1

        Bad lines:
          line 6: """);
    assertThat(text).contains(
        "\n  line 8: ",
        "\n\nExamples (first 2 of 3):\n  line 2 [T2] Printer jams\n    priority P3→P2,"
            + " approvalRequired false→true\n    base:\n      decided:\n",
        "\n        PRIORITY=P4 by 'Low against medium or low make P4': impact LOW x urgency MEDIUM\n"
            + "          raised to P3 by 'VIP callers raise the priority one level' (at least P3):"
            + " VIP caller ceo: raised from P4\n",
        "\n    candidate:\n",
        "\n        PRIORITY=P4 by 'Low against medium or low make P4': impact LOW x urgency MEDIUM\n"
            + "          raised to P3 by 'VIP callers raise the priority one level' (at least P3):"
            + " VIP caller ceo: raised from P4\n"
            + "          raised to P2 by 'VIP callers are at least P2' (at least P2): VIP caller:"
            + " raised from P4\n");
  }

  @Test
  void toJson_holdsTheSameCounts() throws IOException {
    WhatIfReport r = WhatIf.compare(KitEngines.defaults(), CANDIDATE, reader(TICKETS), 1);

    JsonNode json = new ObjectMapper().readTree(r.toJson());

    assertThat(json.get("ticketsRead").asLong()).isEqualTo(6);
    assertThat(json.get("ticketsChanged").asLong()).isEqualTo(3);
    assertThat(json.get("badLineCount").asLong()).isEqualTo(2);
    assertThat(json.get("changesPerAttribute").get("priority").asLong()).isEqualTo(3);
    assertThat(json.get("transitions").get(1).toString())
        .isEqualTo("{\"attribute\":\"priority\",\"from\":\"P3\",\"to\":\"P2\",\"count\":2}");
    assertThat(json.get("badLines").get(1).get("line").asLong()).isEqualTo(8);
    JsonNode example = json.get("examples").get(0);
    assertThat(example.get("line").asLong()).isEqualTo(2);
    assertThat(example.get("ticket").get("id").asText()).isEqualTo("T2");
    assertThat(example.get("candidate").get("decisions").toString())
        .contains("{\"attribute\":\"PRIORITY\",\"value\":\"P2\",\"rule\":\"VIP callers are at least"
            + " P2\",\"reason\":\"VIP caller: raised from P4\",\"precedence\":100,\"effect\":"
            + "\"AT_LEAST\",\"from\":{\"value\":\"P3\",\"rule\":\"VIP callers raise the priority one"
            + " level\",\"reason\":\"VIP caller ceo: raised from P4\"}}");
    assertThat(json.get("examples")).hasSize(1);
  }

  @Test
  void samePolicy_changesNothing_andPolicyFailuresAreReportedPerLine() {
    TriagePolicy failing = ticket -> {
      if (ticket.id().orElse("").equals("T3")) {
        throw new ItsmException("rule 'x' threw");
      }
      return TriageResult.empty();
    };

    WhatIfReport same = WhatIf.compare(TriagePolicy.none(), TriagePolicy.none(), reader(TICKETS), 5);
    WhatIfReport failed = WhatIf.compare(TriagePolicy.none(), failing, reader(TICKETS), 5);

    assertThat(same.ticketsChanged()).isZero();
    assertThat(same.toText()).doesNotContain("Transitions").doesNotContain("Examples");
    assertThat(failed.ticketsRead()).isEqualTo(6);
    assertThat(failed.failureCount()).isEqualTo(1);
    assertThat(failed.failures()).extracting(WhatIfReport.Problem::toString)
        .containsExactly("line 3: candidate policy failed: rule 'x' threw");
    assertThat(failed.toText()).contains("\n\nTriage failures:\n  line 3: candidate policy failed");
    assertThatThrownBy(() -> WhatIf.compare(TriagePolicy.none(), failing, reader(""), -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxExamples must be at least 0, but was -1");
  }

  @Test
  void bothPolicies_triageInBatches_andABatchThatFailsAsAWhole_fallsBackToOneTicketAtATime() {
    List<Integer> batchSizes = new ArrayList<>();
    TriagePolicy batched = new TriagePolicy() {
      @Override
      public TriageResult triage(Ticket ticket) {
        throw new AssertionError("what-if must triage in bulk, but triaged " + ticket + " alone");
      }

      @Override
      public List<TriageOutcome> triageAll(List<Ticket> tickets) {
        batchSizes.add(tickets.size());
        return tickets.stream()
            .<TriageOutcome>map(t -> new TriageOutcome.Triaged(t, TriageResult.empty())).toList();
      }
    };
    TriagePolicy brokenBatches = new TriagePolicy() {
      @Override
      public TriageResult triage(Ticket ticket) {
        if (ticket.id().orElse("").equals("T4")) {
          throw new ItsmException("T4 is refused");
        }
        return TriageResult.empty();
      }

      @Override
      public List<TriageOutcome> triageAll(List<Ticket> tickets) {
        throw new IllegalStateException("the batch service is down");
      }
    };

    WhatIfReport r = WhatIf.compare(batched, brokenBatches, reader(TICKETS), 5);

    assertThat(batchSizes).containsExactly(6);
    assertThat(r.ticketsRead()).isEqualTo(6);
    assertThat(r.ticketsChanged()).isZero();
    assertThat(r.failures()).extracting(WhatIfReport.Problem::toString)
        .containsExactly("line 5: candidate policy failed: T4 is refused");

    StringBuilder many = new StringBuilder();
    for (int i = 0; i < WhatIf.BATCH + 7; i++) {
      many.append("{\"id\": \"M").append(i).append("\", \"title\": \"Printer jams\"}\n");
    }
    batchSizes.clear();
    assertThat(WhatIf.compare(batched, batched, reader(many.toString()), 0).ticketsRead())
        .isEqualTo(WhatIf.BATCH + 7);
    assertThat(batchSizes).containsExactly(WhatIf.BATCH, WhatIf.BATCH, 7, 7);
  }

  private static TicketReader reader(String text) {
    return ItsmJson.defaults().ticketReader(new StringReader(text));
  }
}
