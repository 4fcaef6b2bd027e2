package io.itsm.rules;

import static io.itsm.rules.EscalationRulesTest.MANAGER;
import static io.itsm.rules.EscalationRulesTest.P1_RESPONSE;
import static io.itsm.rules.EscalationRulesTest.SECOND_LINE;
import static io.itsm.rules.EscalationRulesTest.TEAM_LEAD;
import static io.itsm.rules.EscalationRulesTest.THIRD_LINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.itsm.core.ValidationException;
import io.itsm.core.event.Escalated;
import io.itsm.core.event.Provenance;
import io.itsm.core.incident.Assignment;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.SupportLevel;
import io.itsm.rules.testkit.RuleCoverage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link EscalationEngine} on a real desk ticking every 15 minutes, and its configuration: rules
 * switched off, team rules added, compile errors, reloads.
 */
class EscalationEngineTest {

  static final String HEADER =
      "package team;\n" // 1
          + "import io.itsm.rules.escalation.*;\n" // 2
          + "import io.itsm.core.access.Role;\n" // 3
          + "import io.itsm.core.event.SlaKind;\n" // 4
          + "global io.itsm.rules.escalation.Escalations escalations;\n"; // 5

  /** Pages the manager as soon as a quarter of a network incident's resolution time is used. */
  static final String EARLY_MANAGER = HEADER
      + "rule \"Network incidents page the manager at a quarter of their resolution time\"\n"
      + "when\n"
      + "  IncidentFact(category == \"network\")\n"
      + "  $c : SlaClockFact(kind == SlaKind.RESOLUTION, percentUsed >= 25)\n"
      + "then\n"
      + "  escalations.notifyRole(SlaKind.RESOLUTION, Role.MANAGER, \"network first; \" + $c.explanation());\n"
      + "end\n";

  private static Instant at(String hhmm) {
    return Instant.parse("2026-11-23T" + hhmm + ":00Z");
  }

  /** "HH:mm rule: KIND LEVEL team | ROLE" of every Escalated event, in history order. */
  private static List<String> escalations(SlaDesk d, String id) {
    return d.escalations(id).stream().map(EscalationEngineTest::show).toList();
  }

  private static String show(Escalated e) {
    String time = e.at().toString().substring(11, 16);
    String what = e.assignment().map(a -> a.level() + " " + a.team()).orElse("")
        + e.notified().map(Enum::name).orElse("");
    return time + " " + e.decidedBy().name() + ": " + e.kind() + " " + what;
  }

  /**
   * A P2 network incident logged Monday 09:00 at the service desk (L1); nobody works on it until
   * network-ops starts at 18:00; resolved at 22:00; the caller confirms.
   */
  private static SlaDesk p2Life(EscalationEngine engine, String[] idOut) {
    SlaDesk d = new SlaDesk(engine);
    String id = d.open(Priority.P2, "network", "service-desk", SupportLevel.L1);
    idOut[0] = id;
    d.tickEvery15MinutesUntil(at("18:00"));
    d.startWork(id);
    d.tickEvery15MinutesUntil(at("22:00"));
    String team = d.get(id).team().orElseThrow();
    d.desk.proposeResolution(io.itsm.core.access.Actor.of("agent", io.itsm.core.access.Role.AGENT, team), id,
        "SOLVED_FIXED", "Replaced the router");
    d.desk.confirmResolution(SlaDesk.CALLER, id);
    d.tickEvery15MinutesUntil(at("22:00").plus(Duration.ofDays(1)));
    return d;
  }

  @Test
  void defaults_p2Life_tickingEvery15Minutes_escalatesEachStepOnce_inOrder_withTheRulesNames() {
    String[] id = new String[1];
    SlaDesk d = p2Life(EscalationEngine.withDefaults(), id);

    assertThat(escalations(d, id[0])).containsExactly(
        "13:00 " + SECOND_LINE + ": FUNCTIONAL L2 network-ops",
        "15:00 " + TEAM_LEAD + ": HIERARCHICAL TEAM_LEAD",
        "17:15 " + MANAGER + ": HIERARCHICAL MANAGER",
        "21:00 " + THIRD_LINE + ": HIERARCHICAL SENIOR_MANAGER",
        "21:00 " + THIRD_LINE + ": FUNCTIONAL L3 network-ops");
    List<Escalated> events = d.escalations(id[0]);
    assertThat(events).allSatisfy(e -> {
      assertThat(e.actor()).isEqualTo("system");
      assertThat(e.decidedBy().kind()).isEqualTo(Provenance.Kind.RULE);
      assertThat(e.decidedBy().reason()).isEqualTo(e.reason()).contains("resolution ").contains(" % used");
    });
    assertThat(events.get(2).reason()).contains("resolution overdue since Mon 23 Nov 17:00 UTC");
    assertThat(d.get(id[0]).assignment()).contains(Assignment.toTeam("network-ops", SupportLevel.L3));
  }

  @Test
  void ruleFireCounts_countEachRulesFirings_giveTheCoverage_andStartAgainOnReload() {
    EscalationEngine engine = EscalationEngine.withDefaults();
    assertThat(engine.ruleFireCounts()).containsOnlyKeys(engine.ruleNames())
        .allSatisfy((rule, n) -> assertThat(n).isZero());

    p2Life(engine, new String[1]);

    Map<String, Long> counts = engine.ruleFireCounts();
    assertThat(counts).containsOnlyKeys(engine.ruleNames());
    assertThat(counts.get(SECOND_LINE)).isPositive();
    assertThat(counts.get(TEAM_LEAD)).isPositive();
    assertThat(counts.get(MANAGER)).isPositive();
    assertThat(counts.get(THIRD_LINE)).isPositive();
    assertThat(counts.get(P1_RESPONSE)).as("a P2 never meets the P1 response rule").isZero();
    RuleCoverage coverage = RuleCoverage.ofCounts(engine.ruleNames(), counts);
    assertThat(coverage.unfired()).containsExactly(P1_RESPONSE);
    assertThat(coverage.fired()).containsExactlyInAnyOrder(SECOND_LINE, TEAM_LEAD, MANAGER, THIRD_LINE);

    engine.reload();
    assertThat(engine.ruleFireCounts()).allSatisfy((rule, n) -> assertThat(n).isZero());
  }

  @Test
  void withoutRule_leavesThatStepOut() {
    String[] id = new String[1];
    SlaDesk d = p2Life(EscalationEngine.builder().withoutRule(TEAM_LEAD).build(), id);

    assertThat(escalations(d, id[0])).extracting(s -> s.substring(6, s.indexOf(':', 6)))
        .containsExactly(SECOND_LINE, MANAGER, THIRD_LINE, THIRD_LINE);
  }

  @Test
  void withoutRule_unknownName_isRejected() {
    assertThatThrownBy(() -> EscalationEngine.builder().withoutRule("No such rule").build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("No such rule");
  }

  @Test
  void teamRule_addsItsOwnStep_nextToTheDefaults() {
    String[] id = new String[1];
    SlaDesk d = p2Life(EscalationEngine.builder().addRules("team.drl", EARLY_MANAGER).build(), id);

    assertThat(escalations(d, id[0])).containsExactly(
        "11:00 Network incidents page the manager at a quarter of their resolution time: HIERARCHICAL MANAGER",
        "13:00 " + SECOND_LINE + ": FUNCTIONAL L2 network-ops",
        "15:00 " + TEAM_LEAD + ": HIERARCHICAL TEAM_LEAD",
        "17:15 " + MANAGER + ": HIERARCHICAL MANAGER",
        "21:00 " + THIRD_LINE + ": HIERARCHICAL SENIOR_MANAGER",
        "21:00 " + THIRD_LINE + ": FUNCTIONAL L3 network-ops");
  }

  @Test
  void overridingADefault_isWithoutRulePlusYourOwn(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("vendor.drl"), HEADER
        + "import io.itsm.core.incident.SupportLevel;\n"
        + "rule \"Network incidents without progress at half their resolution time go to the vendor\"\n"
        + "when\n"
        + "  IncidentFact(category == \"network\", !workStarted)\n"
        + "  $c : SlaClockFact(kind == SlaKind.RESOLUTION, percentUsed >= 50)\n"
        + "then\n"
        + "  escalations.handOver(SlaKind.RESOLUTION, SupportLevel.VENDOR, \"acme-networks\", $c.explanation());\n"
        + "end\n");
    Files.writeString(dir.resolve("notes.txt"), "not a rule file");
    EscalationEngine engine = EscalationEngine.builder()
        .withoutRule(SECOND_LINE)
        .addRulesDirectory(dir)
        .build();
    assertThat(engine.ruleNames()).doesNotContain(SECOND_LINE)
        .contains("Network incidents without progress at half their resolution time go to the vendor");

    String[] id = new String[1];
    SlaDesk d = p2Life(engine, id);

    assertThat(escalations(d, id[0])).first()
        .isEqualTo("13:00 Network incidents without progress at half their resolution time go to the vendor:"
            + " FUNCTIONAL VENDOR acme-networks");
  }

  @Test
  void withoutDefaults_onlyYourRules() {
    EscalationEngine engine = EscalationEngine.builder().withoutDefaults().addRules("team.drl", EARLY_MANAGER).build();
    assertThat(engine.ruleNames())
        .containsExactly("Network incidents page the manager at a quarter of their resolution time");
  }

  @Test
  void classpathRules_areLoaded() {
    EscalationEngine engine = EscalationEngine.builder().withoutDefaults()
        .addClasspathRules(EscalationEngine.DEFAULT_RESOURCE).build();
    assertThat(engine.ruleNames()).containsExactlyInAnyOrder(SECOND_LINE, TEAM_LEAD, MANAGER, THIRD_LINE, P1_RESPONSE);
  }

  @Test
  void teams_decideWhereSecondLineIs() {
    TeamMap teams = TeamMap.of("service-desk", java.util.Map.of("network", "net-l2"), java.util.Map.of(),
        java.util.Map.of());
    SlaDesk d = new SlaDesk();
    String id = d.open(Priority.P2, "network", "service-desk", SupportLevel.L1);
    d.advance(Duration.ofHours(4));

    var actions = EscalationEngine.builder().teams(teams).build().decide(d.get(id), d.sla(id));

    assertThat(actions).singleElement().satisfies(a -> assertThat(a.team()).contains("net-l2"));
  }

  @Test
  void compileError_namesFileAndLine() {
    String drl = HEADER
        + "rule \"Broken\"\n" // 6
        + "when\n" // 7
        + "  IncidentFact(noSuchField == 1)\n" // 8
        + "then\n"
        + "end\n";
    RuleCompilationException e = catchThrowableOfType(
        () -> EscalationEngine.builder().addRules("broken.drl", drl).build(), RuleCompilationException.class);
    assertThat(e).isNotNull();
    RuleProblem p = e.getProblems().get(0);
    assertThat(p.file()).isEqualTo("broken.drl");
    assertThat(p.line()).isBetween(6, 8);
    assertThat(e.getMessage()).contains("broken.drl:" + p.line());
  }

  @Test
  void ruleCodeThatLeavesTheRule_isRefusedAtCompileTime_unlessTrusted() {
    int headerLines = (int) HEADER.chars().filter(c -> c == '\n').count();
    String drl = HEADER
        + "rule \"Reads the environment\"\n"
        + "when\n"
        + "  IncidentFact()\n"
        + "then\n"
        + "  String home = System.getenv(\"HOME\");\n"
        + "end\n";
    RuleCompilationException e = catchThrowableOfType(RuleCompilationException.class,
        () -> EscalationEngine.builder().addRules("env.drl", drl).build());
    assertThat(e.getProblems().get(0).line()).isEqualTo(headerLines + 5);
    assertThat(e.getProblems().get(0).message())
        .contains("calls java.lang.System.getenv(java.lang.String), which rule code may not use");
    assertThat(EscalationEngine.builder().addRules("env.drl", drl).trustRules().build()
        .ruleNames()).contains("Reads the environment");
  }

  @Test
  void unknownRuleflowGroup_isACompileError() {
    String drl = HEADER + "rule \"Grouped\"\n  ruleflow-group \"route\"\nwhen\n  IncidentFact()\nthen\nend\n";
    assertThatThrownBy(() -> EscalationEngine.builder().addRules("grouped.drl", drl).build())
        .isInstanceOf(RuleCompilationException.class)
        .hasMessageContaining("ruleflow-group must be one of [escalate], but was 'route'");
  }

  @Test
  void reload_failure_keepsTheOldRules_success_swaps() {
    EscalationEngine engine = EscalationEngine.builder().addRules("team.drl", EARLY_MANAGER).build();
    List<String> before = engine.ruleNames();
    SlaDesk d = new SlaDesk();
    String id = d.open(Priority.P2, "network", "network-ops", SupportLevel.L2);
    d.startWork(id);
    d.advance(Duration.ofHours(3));

    assertThatThrownBy(() -> engine.reload(b -> b.addRules("bad.drl", HEADER + "rule \"Bad\"\nwhen\n  IncidentFact(\nthen\nend\n")))
        .isInstanceOf(RuleCompilationException.class)
        .hasMessageContaining("bad.drl:");

    assertThat(engine.ruleNames()).isEqualTo(before);
    assertThat(engine.decide(d.get(id), d.sla(id))).extracting(a -> a.rule())
        .containsExactly("Network incidents page the manager at a quarter of their resolution time");

    engine.reload(b -> b.withoutRule("Network incidents page the manager at a quarter of their resolution time"));

    assertThat(engine.ruleNames()).hasSize(before.size() - 1);
    assertThat(engine.decide(d.get(id), d.sla(id))).isEmpty();
  }

  @Test
  void reload_rereadsRuleFiles(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("team.drl");
    Files.writeString(file, EARLY_MANAGER);
    EscalationEngine engine = EscalationEngine.builder().withoutDefaults().addRules(file).build();
    Files.writeString(file, EARLY_MANAGER.replace("page the manager", "page the senior manager"));

    engine.reload();

    assertThat(engine.ruleNames())
        .containsExactly("Network incidents page the senior manager at a quarter of their resolution time");
  }

  @Test
  void aRuleThatThrows_orGivesABlankReason_failsTheDecision_namingTheRule() {
    SlaDesk d = new SlaDesk();
    String id = d.open(Priority.P2, "network", "network-ops", SupportLevel.L2);
    EscalationEngine blank = EscalationEngine.builder().withoutDefaults().addRules("blank.drl", HEADER
        + "rule \"Blank reasons are refused\"\nwhen\n  IncidentFact()\nthen\n"
        + "  escalations.notifyRole(null, Role.MANAGER, \" \");\nend\n").build();

    assertThatThrownBy(() -> blank.decide(d.get(id), d.sla(id)))
        .isInstanceOf(RuleExecutionException.class)
        .hasMessageContaining("Blank reasons are refused")
        .satisfies(t -> assertThat(((RuleExecutionException) t).getRules()).containsExactly("Blank reasons are refused"));
  }

  @Test
  void aLoopingRule_hitsTheFiringLimit() {
    SlaDesk d = new SlaDesk();
    String id = d.open(Priority.P2, "network", "network-ops", SupportLevel.L2);
    EscalationEngine looping = EscalationEngine.builder().withoutDefaults().maxRuleFirings(50)
        .addRules("loop.drl", HEADER
            + "rule \"Loops\"\nwhen\n  $i : IncidentFact()\nthen\n  insert(new Object());\n  update($i);\nend\n")
        .build();

    assertThatThrownBy(() -> looping.decide(d.get(id), d.sla(id)))
        .isInstanceOf(RuleExecutionException.class)
        .hasMessageContaining("50 times (the limit)")
        .hasMessageContaining("'Loops'");
  }

  @Test
  void maxRuleFirings_mustBePositive() {
    assertThatThrownBy(() -> EscalationEngine.builder().maxRuleFirings(0))
        .isInstanceOf(ValidationException.class)
        .hasMessage("maxRuleFirings must be at least 1, but was 0");
  }

  @Test
  void decide_isThreadSafe() throws Exception {
    EscalationEngine engine = EscalationEngine.withDefaults();
    SlaDesk d = new SlaDesk();
    String id = d.open(Priority.P2, "network", "network-ops", SupportLevel.L2);
    d.startWork(id);
    d.advance(Duration.ofHours(13));
    var incident = d.get(id);
    var sla = d.sla(id);
    List<String> expected = engine.decide(incident, sla).stream().map(a -> a.rule()).toList();
    assertThat(expected).hasSize(4);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<List<String>>> futures = new java.util.ArrayList<>();
      for (int i = 0; i < 200; i++) {
        futures.add(pool.submit(() -> engine.decide(incident, sla).stream().map(a -> a.rule()).toList()));
      }
      for (var f : futures) {
        assertThat(f.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdown();
    }
    assertThat(engine.toString().toLowerCase(Locale.ROOT)).contains("5 rules");
  }
}
