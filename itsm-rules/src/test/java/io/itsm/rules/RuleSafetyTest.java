package io.itsm.rules;

import static io.itsm.rules.Tickets.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.itsm.core.ValidationException;
import io.itsm.core.incident.Priority;
import io.itsm.core.triage.TriageAttribute;
import io.itsm.core.triage.TriageResult;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Loops, throwing rules and bad values fail cleanly; huge texts work. */
class RuleSafetyTest {

  static final String BAD_RULES =
      """
      package team;
      import io.itsm.rules.facts.*;
      import io.itsm.core.triage.TriageAttribute;
      global io.itsm.rules.facts.RuleDecisions decide;

      rule "Start counting"
        ruleflow-group "categorize"
      when
        TicketFact(title == "loop")
      then
        insert(Integer.valueOf(0));
      end

      rule "Count forever"
        ruleflow-group "categorize"
      when
        $n : Integer()
      then
        delete($n);
        insert(Integer.valueOf($n + 1));
      end

      rule "Throw on boom"
        ruleflow-group "route"
      when
        TicketFact(title == "boom")
      then
        throw new IllegalStateException("boom");
      end

      rule "Decide a priority that does not exist"
        ruleflow-group "adjust"
      when
        TicketFact(title == "p9")
      then
        decide.set(TriageAttribute.PRIORITY, "P9", "no such priority");
      end

      rule "Decide a priority as text"
        ruleflow-group "adjust"
      when
        TicketFact(title == "p2 as text")
      then
        decide.set(TriageAttribute.PRIORITY, "P2", "written as text by the author");
      end

      rule "Decide an impact with a priority"
        ruleflow-group "assess"
      when
        TicketFact(title == "wrong type")
      then
        decide.set(TriageAttribute.IMPACT, io.itsm.core.incident.Priority.P1, "a mix-up");
      end
      """;

  static final TriageEngine ENGINE =
      TriageEngine.builder().addRules("bad.drl", BAD_RULES).maxRuleFirings(500).build();

  @Test
  void aLoop_hitsTheLimit_andNamesTheLoopingRule() {
    RuleExecutionException e =
        catchThrowableOfType(
            RuleExecutionException.class,
            () -> ENGINE.triage(ticket("loop").id("INC-7").build()));
    assertThat(e.getRules()).containsExactly("Count forever");
    assertThat(e.getMessage()).contains("500", "'Count forever'", "categorize", "INC-7");
    assertThat(e.getIncidentId()).contains("INC-7");
  }

  @Test
  void aThrowingRule_failsTheTriage_namingTheRule() {
    RuleExecutionException e =
        catchThrowableOfType(RuleExecutionException.class, () -> ENGINE.triage(ticket("boom").build()));
    assertThat(e.getRules()).containsExactly("Throw on boom");
    assertThat(e.getMessage()).contains("'Throw on boom'", "boom");
    assertThat(e.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("boom");
  }

  @Test
  void anInvalidValue_failsInTheDecidingRule_namingFileAndAllowedValues() {
    RuleExecutionException e =
        catchThrowableOfType(RuleExecutionException.class,
            () -> ENGINE.triage(ticket("p9").id("INC-9").build()));
    assertThat(e.getRules()).containsExactly("Decide a priority that does not exist");
    assertThat(e.getMessage()).isEqualTo("rule 'Decide a priority that does not exist' (bad.drl)"
        + " decided an invalid PRIORITY: PRIORITY must be one of P1, P2, P3, P4, P5, but was 'P9'"
        + " on INC-9");
    assertThat(e.getCause()).isInstanceOf(ValidationException.class).hasMessageContaining("P9");
  }

  @Test
  void aValueOfTheWrongType_failsInTheDecidingRule() {
    RuleExecutionException e =
        catchThrowableOfType(RuleExecutionException.class, () -> ENGINE.triage(ticket("wrong type").build()));
    assertThat(e.getRules()).containsExactly("Decide an impact with a priority");
    assertThat(e.getMessage()).isEqualTo("rule 'Decide an impact with a priority' (bad.drl) decided"
        + " an invalid IMPACT: IMPACT takes an Impact (one of HIGH, MEDIUM, LOW), but was Priority 'P1'");
  }

  @Test
  void theTextOfAnEnumValue_isConvertedOnce_atTheRule() {
    TriageResult r = ENGINE.triage(ticket("p2 as text").build());
    assertThat(r.decision(TriageAttribute.PRIORITY).orElseThrow().value()).isSameAs(Priority.P2);
    assertThat(r.decision(TriageAttribute.PRIORITY).orElseThrow().rule())
        .isEqualTo("Decide a priority as text");
  }

  @Test
  void theEngineKeepsWorking_afterFailures() {
    for (int i = 0; i < 3; i++) {
      catchThrowableOfType(RuleExecutionException.class, () -> ENGINE.triage(ticket("boom").build()));
      catchThrowableOfType(RuleExecutionException.class, () -> ENGINE.triage(ticket("loop").build()));
    }
    assertThat(ENGINE.triage(ticket("vpn down").build()).team()).contains("network-ops");
  }

  @Test
  void a64KiBDescription_triages() {
    String[] words = {"the", "vpn", "is", "down", "and", "printer", "lorem", "ipsum", "slow", "ok"};
    StringBuilder sb = new StringBuilder(65_536);
    SplittableRandom random = new SplittableRandom(1);
    while (sb.length() < 65_536 - 10) {
      sb.append(words[random.nextInt(words.length)]).append(' ');
    }
    TriageResult r = ENGINE.triage(ticket("long report").description(sb.toString()).build());
    assertThat(r.category()).isPresent();
    assertThat(r.team()).isPresent();
  }
}
