package io.itsm.rules;

import static io.itsm.rules.Tickets.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Impact;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.SupportLevel;
import io.itsm.core.incident.Urgency;
import io.itsm.core.triage.TriageAttribute;
import io.itsm.core.triage.TriageDecision;
import io.itsm.core.triage.TriageResult;
import org.junit.jupiter.api.Test;

/** Team rules override the defaults at every stage; losers are kept in overruled(). */
class PrecedenceTest {

  static final String TEAM_RULES =
      """
      package team;
      import io.itsm.rules.facts.*;
      import io.itsm.core.incident.*;
      global io.itsm.rules.facts.RuleDecisions decide;

      rule "Team: VPN tickets of the lab are hardware"
        ruleflow-group "categorize"
      when
        TicketFact(department == "lab")
      then
        decide.category("hardware", "lab kit");
      end

      rule "Team: lab hardware is lab equipment"
        ruleflow-group "subcategorize"
      when
        TicketFact(department == "lab")
        DecidedSoFar(category == "hardware")
      then
        decide.subcategory("lab-equipment", "lab kit");
      end

      rule "Team: the test floor is low impact whatever the head count"
        ruleflow-group "assess"
      when
        TicketFact(department == "test-floor")
      then
        decide.impact(Impact.LOW, "test systems");
      end

      rule "Team: a default-strength guess made early loses to later defaults"
        @precedence(0)
        ruleflow-group "assess"
        salience 100
      when
        TicketFact(department == "early")
      then
        decide.impact(Impact.LOW, "early guess");
      end

      rule "Team: audits are P4"
        ruleflow-group "prioritize"
      when
        TicketFact(department == "audit")
      then
        decide.priority(Priority.P4, "audit queue");
      end

      rule "Team: a late default-strength modifier refines the VIP raise"
        @precedence(0)
        ruleflow-group "adjust"
        salience -100
      when
        TicketFact(department == "board")
        DecidedSoFar($p : priority != null)
      then
        decide.priority(Priority.P1, "board member");
      end

      rule "Team: finance tickets go to the finance desk"
        ruleflow-group "route"
      when
        TicketFact(department == "finance")
      then
        decide.team("finance-desk", "finance");
      end

      rule "Team: P1 on the night shift pages L3"
        ruleflow-group "dispatch"
      when
        TicketFact(department == "night")
        DecidedSoFar(priority == Priority.P1)
      then
        decide.supportLevel(SupportLevel.L3, "night shift");
      end

      rule "Team: sandbox resolutions need no approval"
        ruleflow-group "approve"
      when
        TicketFact(department == "sandbox")
      then
        decide.approvalRequired(false, "sandbox");
      end

      rule "Team: tag everything from the lab"
        ruleflow-group "approve"
      when
        TicketFact(department == "lab")
      then
        decide.tag("lab", "lab ticket");
      end
      """;

  static final TriageEngine ENGINE =
      TriageEngine.builder().addRules("team.drl", TEAM_RULES).build();

  private static TriageResult triage(String title, String department) {
    return ENGINE.triage(ticket(title, Caller.of("u").withDepartment(department)).build());
  }

  private static TriageDecision winner(TriageResult r, TriageAttribute a) {
    return r.decision(a).orElseThrow();
  }

  @Test
  void categorize_teamRuleOverridesKeywords_andSubcategoryFollowsTheWinner() {
    TriageResult r = triage("vpn down", "lab");
    assertThat(r.category()).contains("hardware");
    assertThat(winner(r, TriageAttribute.CATEGORY).precedence())
        .isEqualTo(TriageEngine.TEAM_RULE_PRECEDENCE);
    assertThat(r.overruled())
        .anySatisfy(
            d -> {
              assertThat(d.attribute()).isEqualTo(TriageAttribute.CATEGORY);
              assertThat(d.value()).isEqualTo("network");
              assertThat(d.precedence()).isEqualTo(TriageEngine.DEFAULT_RULE_PRECEDENCE);
            });
    assertThat(r.subcategory()).contains("lab-equipment");
    assertThat(r.team()).contains("desktop-support"); // routing reads the winning category
    assertThat(r.tags()).containsExactly("lab");
  }

  @Test
  void assess_teamRuleOverridesInference() {
    TriageResult r =
        ENGINE.triage(
            ticket("vpn down", Caller.of("u").withDepartment("test-floor"))
                .affectedUsers(500).build());
    assertThat(r.impact()).contains(Impact.LOW);
    assertThat(Tickets.overruledRules(r)).contains("Many affected users mean high impact");
    assertThat(r.priority()).contains(Priority.P4); // the matrix reads the winning impact
  }

  @Test
  void equalPrecedence_theLaterDecisionWins() {
    TriageResult r =
        ENGINE.triage(
            ticket("vpn down", Caller.of("u").withDepartment("early")).affectedUsers(500).build());
    assertThat(r.impact()).contains(Impact.HIGH);
    assertThat(Tickets.overruledRules(r))
        .contains("Team: a default-strength guess made early loses to later defaults");

    TriageResult board =
        ENGINE.triage(
            ticket("vpn down", Caller.of("u").withDepartment("board").withVip(true)).build());
    assertThat(board.priority()).contains(Priority.P1);
    assertThat(winner(board, TriageAttribute.PRIORITY).rule())
        .isEqualTo("Team: a late default-strength modifier refines the VIP raise");
    assertThat(Tickets.overruledRules(board)).contains("VIP callers raise the priority one level");
  }

  @Test
  void prioritize_teamRuleOverridesTheMatrix_andDefaultModifiersDoNotBeatIt() {
    TriageResult r =
        ENGINE.triage(
            ticket("vpn down", Caller.of("u").withDepartment("audit").withVip(true))
                .impact(Impact.HIGH).urgency(Urgency.HIGH).build());
    assertThat(r.priority()).contains(Priority.P4);
    assertThat(Tickets.overruledRules(r))
        .contains("High impact and high urgency make P1", "VIP callers raise the priority one level");
  }

  @Test
  void route_teamRuleOverridesTheTeamMap() {
    TriageResult r =
        ENGINE.triage(
            ticket("Something", Caller.of("u").withDepartment("finance").withLanguage("de"))
                .build());
    assertThat(r.team()).contains("finance-desk");
    // the language desk only re-routes service-desk tickets, and the winner is finance-desk
    assertThat(r.firedRules()).doesNotContain("Service desk tickets go to the caller's language desk");
    assertThat(Tickets.overruledRules(r)).contains("Each category goes to its team");
  }

  @Test
  void dispatch_teamRuleOverridesP1PagesL2() {
    TriageResult r =
        ENGINE.triage(
            ticket("Something", Caller.of("u").withDepartment("night"))
                .impact(Impact.HIGH).urgency(Urgency.HIGH).build());
    assertThat(r.supportLevel()).contains(SupportLevel.L3);
    assertThat(Tickets.overruledRules(r)).contains("P1 pages L2");
  }

  @Test
  void approve_teamRuleOverridesTheApprovalNeed() {
    TriageResult r =
        ENGINE.triage(
            ticket("phishing", Caller.of("u").withDepartment("sandbox")).build());
    assertThat(r.approvalRequired()).isFalse();
    assertThat(Tickets.overruledRules(r))
        .contains("Resolving a security incident needs a manager's approval");
  }

  @Test
  void rulePrecedences_reflectOriginAndAnnotation() {
    assertThat(ENGINE.rulePrecedences())
        .containsEntry("Team: audits are P4", 100)
        .containsEntry("Team: a late default-strength modifier refines the VIP raise", 0)
        .containsEntry("P1 pages L2", 0);
  }
}
