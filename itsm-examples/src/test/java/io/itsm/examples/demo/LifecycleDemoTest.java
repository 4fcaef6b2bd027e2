package io.itsm.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LifecycleDemoTest {

  private static String run() {
    StringWriter out = new StringWriter();
    new LifecycleDemo(SampleTickets.load()).run(new PrintWriter(out));
    return out.toString();
  }

  @Test
  void sampleTickets_areFifty_inFiveLanguages() {
    var tickets = SampleTickets.load();

    assertThat(tickets).hasSize(50);
    assertThat(tickets.stream().flatMap(t -> t.caller().flatMap(c -> c.language()).stream()).distinct())
        .containsExactlyInAnyOrder("en", "de", "sv", "es", "fr");
  }

  @Test
  void demo_endsWithTheMetricsTable_computedFromTheEvents() {
    String out = run();
    int table = out.indexOf("metrics by priority, from the events alone");
    assertThat(table).isPositive();
    String metrics = out.substring(table);
    assertThat(metrics).containsPattern("(?m)^priority +opened +resolved +closed +backlog +FCR")
        // the summary above counts 50 tickets, all closed at the end, one reopened
        .containsPattern("(?m)^total +50 +50 +50 +0 ");
    assertThat(out.strip()).endsWith("columns defined in docs/metrics.md");
  }

  @Test
  void demo_tellsEveryStory_andSummarizes_deterministically() {
    String first = run();
    String second = run();

    assertThat(second).isEqualTo(first);
    assertThat(first)
        .startsWith("itsm demo: 50 tickets through the incident lifecycle")
        .contains("resolution approval rejected once, then approved")
        .contains("the caller rejects the resolution once: reopened")
        .contains("on hold awaiting the user, then resumed")
        .contains("AUTO_CLOSED: no answer from the caller within 7 days")
        .contains("rule: The category with the most keyword hits wins")
        .contains("== Summary")
        .contains("50 tickets: 43 incidents, 7 service requests");
    assertThat(first).containsPattern("approvals rejected +1\n");
    assertThat(first).containsPattern("reopens +1\n");
    assertThat(first).containsPattern("closed AUTO_CLOSED +1\n");
  }

  @Test
  void demo_showsAnSlaBreach_andTheEscalationLadder_withRuleNames() {
    String demo = run();
    String story = demo.substring(demo.indexOf("the agent sits on it"), demo.indexOf("== Summary"));

    assertThat(story)
        .containsPattern("SlaThresholdReached +system +resolution 75 % used")
        .containsPattern("SlaBreached +system +response target breached")
        .containsPattern("SlaBreached +system +resolution target breached")
        .contains("rule: At three quarters of the resolution time the team lead is told")
        .contains("rule: A breached resolution target is reported to the manager")
        .contains("rule: Half again past the resolution target, senior management is told and third line takes over")
        .containsPattern("Escalated +system +notify SENIOR_MANAGER: a P2 at 150 % of its resolution time")
        .containsPattern("Escalated +system +to security-ops L3: ");
    // the escalations come in ladder order, each once
    assertThat(story.indexOf("notify TEAM_LEAD")).isLessThan(story.indexOf("notify MANAGER"));
    assertThat(story.indexOf("notify MANAGER")).isLessThan(story.indexOf("notify SENIOR_MANAGER"));
    assertThat(story.split("notify MANAGER", -1)).hasSize(2);
    assertThat(demo).containsPattern("SLA breaches response +1\n")
        .containsPattern("SLA breaches resolution +1\n")
        .containsPattern("escalations functional +1\n")
        .containsPattern("escalations hierarchical +4\n")
        .containsPattern("SLA warnings \\(50/75/90 %\\) +[1-9][0-9]*\n");
  }

  @Test
  void docsCli_showsTheDemosActualSummary() throws java.io.IOException {
    String demo = run();
    String summary = demo.substring(demo.indexOf("== Summary")).strip();
    String doc = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "cli.md"));
    assertThat(doc).as("docs/cli.md must show the demo's summary as it is").contains(summary);
  }

  @Test
  void demoClock_movesOnlyForward() {
    DemoClock clock = new DemoClock(LifecycleDemo.START);

    clock.advance(Duration.ofHours(2));

    assertThat(clock.instant()).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
    assertThatThrownBy(() -> clock.moveTo(LifecycleDemo.START))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only moves forward");
  }
}
