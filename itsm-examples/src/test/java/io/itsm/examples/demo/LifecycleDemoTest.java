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
    String story = demo.substring(demo.indexOf("the agent sits on it"), demo.indexOf("== PIR"));

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
  void demo_runsAP1ThroughReviewApproval_andTwoPreventiveActions_oneOverdueAndEscalated() {
    String demo = run();
    String review = demo.substring(demo.indexOf("== PIR-000001"), demo.indexOf("== Summary"));

    assertThat(review)
        .contains("post-incident review, CLOSED")
        .contains("required by rule: Every P1 is reviewed within 5 days")
        .containsPattern("RESOLVED +SOLVED_")
        .containsPattern("ReviewSubmitted +lena.lead +PIR-000001-APR-1 from any SENIOR_MANAGER")
        .containsPattern("ReviewApprovalDecided +sofia.senior +APPROVE")
        .containsPattern("ReviewApproved +sofia.senior +actions started: PA-000001, PA-000002")
        .containsPattern("PreventiveActionCompleted +nina.network +PA-000001")
        .containsPattern("PreventiveActionEscalated +system +PA-000002 notify TEAM_LEAD")
        .containsPattern("PreventiveActionEscalated +system +PA-000002 notify MANAGER: PA-000002"
            + " 'Write the runbook for this service' is 7 days overdue")
        .contains("rule: A preventive action a week overdue is reported to the manager")
        .containsPattern("ReviewClosed +system +all 2 preventive actions are done or cancelled");
    assertThat(review.indexOf("notify TEAM_LEAD")).isLessThan(review.indexOf("notify MANAGER"));
    assertThat(review.indexOf("notify MANAGER"))
        .isLessThan(review.indexOf("PreventiveActionCompleted  paula.performance"));
    assertThat(demo).containsPattern("surveys answered +[1-9][0-9]*\n")
        .containsPattern("survey follow-ups +1\n")
        .containsPattern("post-incident reviews closed +1\n")
        .containsPattern("preventive actions done +2\n")
        .containsPattern("preventive action escalations +2\n");
  }

  @Test
  void demo_showsASuggestionUsed_andArticlesWrittenFromResolutions() {
    String demo = run();
    String knowledge = demo.substring(demo.indexOf("== Knowledge"), demo.indexOf("== Summary"));

    assertThat(knowledge)
        .containsPattern("INC-000001 used #1 KB-000001 \\(known error, [0-9.]+\\): matched 'vpn' in"
            + " title, symptoms, steps; 'tunnel' in title")
        .containsPattern("KB-0000\\d\\d drafted from the resolution of INC-0000\\d\\d \\('.+'\\), now"
            + " PUBLISHED")
        .contains("rule: A category resolved the same way N times without an article asks for one")
        .contains("version 2 proposed from the resolution of")
        .contains("rule: A resolution that adds to the article used asks for its next version");
    // the incident side of the suggestion used: a link to the article in the timeline
    assertThat(demo).containsPattern("Linked +nina.network +RELATED KB-000001");
    assertThat(demo).containsPattern("knowledge suggestions shown +[1-9][0-9]*\n")
        .containsPattern("knowledge articles used to resolve +[1-9][0-9]*\n")
        .containsPattern("articles written from resolutions +[1-9][0-9]*\n")
        .containsPattern("  of them published +1\n");
  }

  @Test
  void sampleArticles_arePublished_inTheFiveLanguages() {
    io.itsm.core.knowledge.KnowledgeBase kb = io.itsm.core.knowledge.KnowledgeBase.builder().build();
    var published = SampleArticles.publishInto(kb);
    assertThat(published).hasSize(5).allSatisfy(a ->
        assertThat(a.state()).isEqualTo(io.itsm.core.knowledge.ArticleState.PUBLISHED));
    assertThat(published.stream().flatMap(a -> a.current().content().languages().stream())
        .distinct()).containsExactlyInAnyOrder("en", "de", "sv", "es", "fr");
  }

  @Test
  void docsCli_showsTheDemosActualSummary() throws java.io.IOException {
    String demo = run();
    String summary = demo.substring(demo.indexOf("== Knowledge")).strip();
    String doc = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "cli.md"));
    assertThat(doc).as("docs/cli.md must show the demo's knowledge and summary as they are")
        .contains(summary);
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
