package io.itsm.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Impact;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.SupportLevel;
import io.itsm.core.incident.Ticket;
import io.itsm.core.incident.Urgency;
import io.itsm.core.triage.TriageAttribute;
import io.itsm.core.triage.TriageDecision;
import io.itsm.core.triage.TriageResult;
import io.itsm.rules.testkit.ScenarioReport;
import io.itsm.rules.testkit.ScenarioRunner;
import io.itsm.rules.testkit.TriageAssertions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Intent-revealing decisions: "at least" and "at most" bounds beside set values, with the exact
 * example of docs/rules.md — "Finance at month-end" must not lower a P1 VIP outage.
 */
class BoundsTest {

  static final Instant MONTH_END = Instant.parse("2026-11-29T10:00:00Z"); // 2 days before Dec
  static final Instant MID_MONTH = Instant.parse("2026-11-16T10:00:00Z");

  static final String RIGHT = resource("finance-month-end.drl");
  static final String WRONG = resource("finance-month-end-wrong.drl");
  static final TriageEngine RIGHT_ENGINE =
      TriageEngine.builder().addRules("finance-month-end.drl", RIGHT).build();
  static final TriageEngine WRONG_ENGINE =
      TriageEngine.builder().addRules("finance-month-end-wrong.drl", WRONG).build();

  static final String BOUND = "Finance at month-end is at least P2";

  static String resource(String name) {
    try (InputStream in = BoundsTest.class.getResourceAsStream("/docs/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A P1 VIP outage: the whole finance floor, a VIP caller, impact and urgency HIGH. */
  static Ticket vipOutage(Instant at) {
    return Ticket.builder().title("VPN down for the whole finance floor").openedAt(at)
        .caller(Caller.of("cfo").withVip(true).withDepartment("finance"))
        .impact(Impact.HIGH).urgency(Urgency.HIGH).build();
  }

  /** A P4 finance ticket: one user, low impact, medium urgency. */
  static Ticket p4Finance(Instant at) {
    return Ticket.builder().title("Printer jams in accounting").openedAt(at)
        .caller(Caller.of("clerk").withDepartment("finance"))
        .impact(Impact.LOW).urgency(Urgency.MEDIUM).build();
  }

  @Test
  void atLeastP2_leavesAP1VipOutageAtP1() {
    TriageResult r = RIGHT_ENGINE.triage(vipOutage(MONTH_END));

    assertThat(r.priority()).contains(Priority.P1);
    assertThat(r.decision(TriageAttribute.PRIORITY).orElseThrow().rule())
        .isEqualTo("High impact and high urgency make P1");
    assertThat(r.firedRules()).contains(BOUND);
    assertThat(Tickets.overruledRules(r)).contains(BOUND); // met already: nothing to raise
  }

  @Test
  void atLeastP2_raisesAP4FinanceTicketAtMonthEndToP2() {
    TriageResult r = RIGHT_ENGINE.triage(p4Finance(MONTH_END));

    assertThat(r.priority()).contains(Priority.P2);
    TriageDecision winner = r.decision(TriageAttribute.PRIORITY).orElseThrow();
    assertThat(winner.rule()).isEqualTo(BOUND);
    assertThat(winner.effect()).isEqualTo(TriageDecision.Effect.AT_LEAST);
    assertThat(r.contributing(TriageAttribute.PRIORITY)).extracting(TriageDecision::rule)
        .containsExactly("Low against medium or low make P4", BOUND);
    // a raised P2 needs approval: the approve stage reads the bounded priority
    assertThat(r.approvalRequired()).isTrue();

    assertThat(RIGHT_ENGINE.triage(p4Finance(MID_MONTH)).priority()).contains(Priority.P4);
  }

  @Test
  void theTestKit_showsWhichRuleRaisedTheValue_andFromWhat() {
    TriageResult r = RIGHT_ENGINE.triage(p4Finance(MONTH_END));
    TriageAssertions.assertThat(r).hasPriority(Priority.P2)
        .wasDecidedBy(TriageAttribute.PRIORITY, BOUND)
        .wasRaisedBy(TriageAttribute.PRIORITY, BOUND);

    AssertionError e = catchThrowableOfType(AssertionError.class,
        () -> TriageAssertions.assertThat(r).hasPriority(Priority.P1));
    assertThat(e.getMessage()).startsWith("Expected priority P1 but was P2 (by '" + BOUND
        + "': finance closes the books at month-end)\ndecided:\n")
        .contains("""
              PRIORITY=P4 by 'Low against medium or low make P4': impact LOW x urgency MEDIUM
                raised to P2 by 'Finance at month-end is at least P2' (at least P2): finance closes the books at month-end
            """);
    AssertionError notMoved = catchThrowableOfType(AssertionError.class,
        () -> TriageAssertions.assertThat(RIGHT_ENGINE.triage(vipOutage(MONTH_END)))
            .wasRaisedBy(TriageAttribute.PRIORITY, BOUND));
    assertThat(notMoved.getMessage()).startsWith("Expected PRIORITY to be raised by '" + BOUND
        + "' but its bound did not move the value (already met, or below the set value's precedence)");
  }

  @Test
  void scenarioFile_ofTheExample_passesWithTheRightRule_andFailsWithTheWrongOne() throws Exception {
    Path scenarios = Path.of(BoundsTest.class.getResource("/docs/finance-month-end.json").toURI());
    ScenarioReport right = new ScenarioRunner(RIGHT_ENGINE).run(scenarios);
    right.assertAllPassed();
    assertThat(right.passed()).isEqualTo(3);

    ScenarioReport wrong = new ScenarioRunner(WRONG_ENGINE).run(scenarios);
    // the P1 outage is lowered; the P4 ticket reaches P2, but by the other rule's name
    assertThat(wrong.failures()).extracting(o -> o.scenario().name())
        .containsExactly("A P1 VIP outage at month-end stays P1",
            "A P4 finance ticket at month-end becomes P2");
    assertThat(wrong.toText()).contains("priority: expected P1 but was P2");
  }

  @Test
  void theWrongWay_settingP2_lowersTheP1VipOutage() {
    TriageResult r = WRONG_ENGINE.triage(vipOutage(MONTH_END));

    assertThat(r.priority()).contains(Priority.P2); // the trap this class guards against
    assertThat(Tickets.overruledRules(r)).contains("High impact and high urgency make P1");
    assertThat(WRONG_ENGINE.triage(p4Finance(MONTH_END)).priority()).contains(Priority.P2);
  }

  @Test
  void theWrongWay_atDefaultPrecedence_stillLowers_becauseTheLaterDecisionWins() {
    TriageEngine engine = TriageEngine.builder().addRules("wrong-0.drl",
        WRONG.replace("ruleflow-group \"adjust\"", "@precedence(0)\n  ruleflow-group \"adjust\"")).build();
    assertThat(engine.rulePrecedences()).containsEntry("Finance at month-end is P2", 0);

    assertThat(engine.triage(vipOutage(MONTH_END)).priority()).contains(Priority.P2);
  }

  @Test
  void aBound_neverLowers_atAnyPrecedence() {
    TriageEngine engine = TriageEngine.builder().addRules("right-0.drl",
        RIGHT.replace("ruleflow-group \"adjust\"", "@precedence(0)\n  ruleflow-group \"adjust\"")).build();

    assertThat(engine.triage(vipOutage(MONTH_END)).priority()).contains(Priority.P1);
    assertThat(engine.triage(p4Finance(MONTH_END)).priority()).contains(Priority.P2);
  }

  static final String MORE_BOUNDS =
      """
      package team.bounds;
      import io.itsm.core.incident.*;
      import io.itsm.core.triage.TriageAttribute;
      import io.itsm.rules.facts.*;
      global io.itsm.rules.facts.RuleDecisions decide;

      rule "Kiosks are at most P3"
        ruleflow-group "adjust"
      when
        TicketFact(service == "kiosk")
      then
        decide.atMost(Priority.P3, "kiosks have spares");
      end

      rule "Kiosk printers are at least P4, by a default-strength rule"
        @precedence(0)
        ruleflow-group "adjust"
      when
        TicketFact(service == "kiosk")
      then
        decide.atLeast(Priority.P2, "a modifier of default strength");
      end

      rule "Audits are P4"
        ruleflow-group "prioritize"
      when
        TicketFact(department == "audit")
      then
        decide.priority(Priority.P4, "audit queue");
      end

      rule "Lab incidents are at least medium impact and urgency, at L3"
        ruleflow-group "assess"
      when
        TicketFact(department == "lab")
      then
        decide.atLeast(Impact.MEDIUM, "the lab stops");
        decide.atLeast(TriageAttribute.URGENCY, "MEDIUM", "the lab stops");
      end

      rule "Lab incidents go to third line"
        ruleflow-group "dispatch"
      when
        TicketFact(department == "lab")
      then
        decide.atLeast(SupportLevel.L3, "lab kit is built in-house");
      end

      rule "Bound a category"
        ruleflow-group "categorize"
      when
        TicketFact(title == "bound a category")
      then
        decide.atLeast(TriageAttribute.CATEGORY, "network", "categories have no order");
      end
      """;

  static final TriageEngine MORE = TriageEngine.builder().addRules("bounds.drl", MORE_BOUNDS).build();

  @Test
  void atMost_lowers_andTheBoundOfHighestPrecedenceHasTheLastWord() {
    TriageResult r = MORE.triage(Ticket.builder().title("Kiosk screen dead").service("kiosk")
        .impact(Impact.HIGH).urgency(Urgency.HIGH).openedAt(MID_MONTH).build());

    // P1 from the matrix, at least P2 (precedence 0: no change), at most P3 (100): P3
    assertThat(r.priority()).contains(Priority.P3);
    assertThat(r.contributing(TriageAttribute.PRIORITY)).extracting(TriageDecision::rule)
        .containsExactly("High impact and high urgency make P1", "Kiosks are at most P3");
  }

  @Test
  void defaultModifiers_doNotMoveAValueYourRuleSet() {
    TriageResult r = MORE.triage(Ticket.builder().title("Audit trail export fails")
        .caller(Caller.of("boss").withVip(true).withDepartment("audit")).openedAt(MID_MONTH).build());

    assertThat(r.priority()).contains(Priority.P4);
    assertThat(Tickets.overruledRules(r)).contains("VIP callers raise the priority one level");
  }

  @Test
  void impactUrgencyAndSupportLevel_canBeBoundedToo() {
    TriageResult r = MORE.triage(Ticket.builder().title("Oscilloscope broken")
        .caller(Caller.of("u").withDepartment("lab")).impact(Impact.LOW).urgency(Urgency.LOW)
        .openedAt(MID_MONTH).build());

    assertThat(r.impact()).contains(Impact.MEDIUM);
    assertThat(r.urgency()).contains(Urgency.MEDIUM);
    assertThat(r.priority()).contains(Priority.P3); // the matrix reads the bounded values
    assertThat(r.supportLevel()).contains(SupportLevel.L3);
  }

  @Test
  void boundingAnAttributeWithoutOrder_failsNamingRuleAndFile() {
    RuleExecutionException e = catchThrowableOfType(RuleExecutionException.class,
        () -> MORE.triage(Ticket.builder().title("bound a category").build()));
    assertThat(e.getRules()).containsExactly("Bound a category");
    assertThat(e.getMessage()).startsWith("rule 'Bound a category' (bounds.drl) bounded CATEGORY"
        + " (decide.atLeast), but only IMPACT, URGENCY, PRIORITY and SUPPORT_LEVEL have an order");
  }

  @Test
  void aBoundAlone_setsTheValue() {
    TriageEngine.Builder b = TriageEngine.builder().addRules("finance-month-end.drl", RIGHT);
    TriageEngine.DEFAULT_PACKS.forEach(b::withoutPack); // no matrix: nothing set before the bound
    TriageEngine engine = b.build();
    TriageResult r = engine.triage(p4Finance(MONTH_END));
    assertThat(r.priority()).contains(Priority.P2);
    assertThat(r.contributing(TriageAttribute.PRIORITY)).extracting(TriageDecision::rule)
        .containsExactly(BOUND);
  }

  @Test
  void docsRulesMd_showsExactlyTheseRuleFiles() throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "rules.md"));
    assertThat(doc).contains(RIGHT.strip()).contains(WRONG.strip());
  }
}
