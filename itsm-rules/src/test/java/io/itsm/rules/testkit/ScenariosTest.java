package io.itsm.rules.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.incident.IncidentType;
import io.itsm.core.incident.Priority;
import io.itsm.core.json.JsonFormatException;
import io.itsm.core.triage.TriageAttribute;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenariosTest {

  static final String ONE =
      """
      {"scenarios": [
        {"name": "vpn", "description": "why",
         "ticket": {"title": "VPN down", "type": "SERVICE_REQUEST"},
         "expect": {"category": "network", "subcategory": null, "impact": "HIGH", "urgency": "LOW",
                    "priority": "P2", "team": "network-ops", "supportLevel": "L2",
                    "approvalRequired": true, "tags": ["b", "a"],
                    "decidedBy": {"priority": "rule p", "team": "rule t"}}},
        {"name": "bare", "ticket": {"title": "Printer jams"}}
      ]}
      """;

  @TempDir Path dir;

  @Test
  void parse_readsEveryExpectation() {
    List<Scenario> scenarios = Scenarios.parse(ONE, "one.json");

    assertThat(scenarios).extracting(Scenario::name).containsExactly("vpn", "bare");
    Scenario vpn = scenarios.get(0);
    assertThat(vpn.description()).isEqualTo("why");
    assertThat(vpn.ticket().type()).isEqualTo(IncidentType.SERVICE_REQUEST);
    assertThat(vpn.location()).isEqualTo("one.json $.scenarios[0]");
    assertThat(vpn.file()).isEmpty();
    assertThat(vpn.expect().values())
        .containsEntry(TriageAttribute.CATEGORY, Optional.of("network"))
        .containsEntry(TriageAttribute.SUBCATEGORY, Optional.empty())
        .containsEntry(TriageAttribute.PRIORITY, Optional.of(Priority.P2)) // typed when read
        .containsEntry(TriageAttribute.APPROVAL_REQUIRED, Optional.of(true))
        .hasSize(8);
    assertThat(vpn.expect().tags()).contains(Set.of("a", "b"));
    assertThat(vpn.expect().decidedBy())
        .isEqualTo(Map.of(TriageAttribute.PRIORITY, "rule p", TriageAttribute.TEAM, "rule t"));
    assertThat(scenarios.get(1).expect().isEmpty()).isTrue();
  }

  @Test
  void load_acceptsBareArray_andDirectoriesInNameOrder() throws IOException {
    Files.writeString(dir.resolve("b.json"), "[{\"name\": \"b1\", \"ticket\": {\"title\": \"x\"}}]");
    Files.writeString(dir.resolve("a.json"), ONE);
    Files.writeString(dir.resolve("notes.txt"), "not a scenario file");

    List<Scenario> all = Scenarios.load(dir);

    assertThat(all).extracting(Scenario::name).containsExactly("vpn", "bare", "b1");
    assertThat(all.get(2).location()).isEqualTo("b.json $[0]");
    assertThat(all.get(2).file()).contains(dir.resolve("b.json"));
    assertThat(Scenarios.load(dir.resolve("b.json"))).hasSize(1);
  }

  @Test
  void load_emptyDirectory_isRejected() {
    assertThatThrownBy(() -> Scenarios.load(dir))
        .isInstanceOf(ScenarioFormatException.class)
        .hasMessageEndingWith(": $: the directory holds no *.json scenario file");
  }

  @Test
  void load_badFile_namesFileScenarioAndPath() throws IOException {
    Path f = dir.resolve("bad.json");
    Files.writeString(
        f, "[{\"name\": \"ok\", \"ticket\": {\"title\": \"x\"}},"
            + " {\"name\": \"VIP\", \"ticket\": {\"title\": \"x\"}, \"expect\": {\"priority\": \"P9\"}}]");

    assertThatThrownBy(() -> Scenarios.load(f))
        .isInstanceOfSatisfying(ScenarioFormatException.class, e -> {
          assertThat(e.getFile()).contains(f);
          assertThat(e.getSource()).isEqualTo("bad.json");
          assertThat(e.getScenarioIndex()).hasValue(1);
          assertThat(e.getScenarioName()).contains("VIP");
          assertThat(e.getPath()).isEqualTo("$[1].expect.priority");
        })
        .hasMessage("bad.json: $[1].expect.priority (scenario 'VIP'): priority must be one of"
            + " P1, P2, P3, P4, P5, but was 'P9'");
  }

  @Test
  void invalidTicket_namesTheTicketPath_andKeepsTheJsonError() {
    String json = "[{\"name\": \"fax\", \"ticket\": {\"title\": \"x\", \"channel\": \"FAX\"}}]";

    assertThatThrownBy(() -> Scenarios.parse(json, "t.json"))
        .isInstanceOfSatisfying(ScenarioFormatException.class, e -> {
          assertThat(e.getPath()).isEqualTo("$[0].ticket.channel");
          assertThat(e.getCause()).isInstanceOf(JsonFormatException.class);
        })
        .hasMessageStartingWith("t.json: $[0].ticket.channel (scenario 'fax'): ")
        .hasMessageContaining("FAX");
  }

  @Test
  void unknownExpectKey_listsTheKnownOnes() {
    String json = "[{\"name\": \"s\", \"ticket\": {\"title\": \"x\"}, \"expect\": {\"prio\": \"P1\"}}]";

    assertThatThrownBy(() -> Scenarios.parse(json, "s.json"))
        .hasMessage("s.json: $[0].expect.prio (scenario 's'): unknown property 'prio'; known"
            + " properties: category, subcategory, impact, urgency, priority, team, supportLevel,"
            + " approvalRequired, tags, decidedBy");
  }

  @Test
  void everyOtherError_hasAClearMessage() {
    assertProblem("{\"scenarios\": [", "s.json: $: not valid JSON: ");
    assertProblem("", "s.json: $: the file is empty");
    assertProblem("42", "s.json: $: a scenario file must be an object {\"scenarios\": [...]} or an"
        + " array of scenarios, but was number 42");
    assertProblem("{\"tests\": []}", "s.json: $.tests: unknown property 'tests'; known properties:"
        + " scenarios");
    assertProblem("{}", "s.json: $.scenarios: scenarios is required: an array of scenario objects");
    assertProblem("[\"x\"]", "s.json: $[0] (scenario 0): a scenario must be an object, but was"
        + " the string 'x'");
    assertProblem("[{\"ticket\": {\"title\": \"x\"}}]", "s.json: $[0].name (scenario 0): name is"
        + " required: a non-blank string, but was missing");
    assertProblem("[{\"name\": \"s\", \"ticket\": {\"title\": \"x\"}, \"given\": 1}]",
        "s.json: $[0].given (scenario 's'): unknown property 'given'; known properties: name,"
            + " description, ticket, expect");
    assertProblem("[{\"name\": \"s\"}]",
        "s.json: $[0].ticket (scenario 's'): ticket is required: a ticket object (docs/json.md)");
    assertProblem("[{\"name\": \"s\", \"ticket\": {\"title\": \"x\"}},"
            + " {\"name\": \"s\", \"ticket\": {\"title\": \"y\"}}]",
        "s.json: $[1].name (scenario 's'): the name 's' is used by an earlier scenario; names must"
            + " be unique in a file");
    assertProblem(expect("\"approvalRequired\": \"yes\""), "s.json: $[0].expect.approvalRequired"
        + " (scenario 's'): approvalRequired must be true or false, but was the string 'yes'");
    assertProblem(expect("\"team\": 7"), "s.json: $[0].expect.team (scenario 's'): team must be a"
        + " string (or null for undecided), but was number 7");
    assertProblem(expect("\"team\": \" \""), "s.json: $[0].expect.team (scenario 's'): team must"
        + " not be blank");
    assertProblem(expect("\"impact\": \"high\""), "s.json: $[0].expect.impact (scenario 's'):"
        + " impact must be one of HIGH, MEDIUM, LOW, but was 'high'");
    assertProblem(expect("\"tags\": \"a\""), "s.json: $[0].expect.tags (scenario 's'): tags must"
        + " be an array of strings, but was the string 'a'");
    assertProblem(expect("\"tags\": [\"a\", 1]"), "s.json: $[0].expect.tags[1] (scenario 's'): a"
        + " tag must be a non-blank string, but was number 1");
    assertProblem(expect("\"decidedBy\": []"), "s.json: $[0].expect.decidedBy (scenario 's'):"
        + " decidedBy must be an object of attribute → rule name, but was an array");
    assertProblem(expect("\"decidedBy\": {\"tags\": \"r\"}"), "s.json: $[0].expect.decidedBy.tags"
        + " (scenario 's'): unknown property 'tags'; known properties: category, subcategory,"
        + " impact, urgency, priority, team, supportLevel, approvalRequired");
    assertProblem(expect("\"decidedBy\": {\"team\": null}"), "s.json: $[0].expect.decidedBy.team"
        + " (scenario 's'): decidedBy.team must be a rule name (a non-blank string), but was null");
    assertProblem("[{\"name\": \"s\", \"ticket\": {\"title\": \"x\"}, \"expect\": []}]",
        "s.json: $[0].expect (scenario 's'): expect must be an object, but was an array");
    assertProblem("[{\"name\": \"s\", \"name\": \"t\"}]", "s.json: $: not valid JSON: Duplicate"
        + " field 'name'");
  }

  private static String expect(String body) {
    return "[{\"name\": \"s\", \"ticket\": {\"title\": \"x\"}, \"expect\": {" + body + "}}]";
  }

  private static void assertProblem(String json, String messageStart) {
    assertThatThrownBy(() -> Scenarios.parse(json, "s.json"))
        .isInstanceOf(ScenarioFormatException.class)
        .hasMessageStartingWith(messageStart);
  }
}
