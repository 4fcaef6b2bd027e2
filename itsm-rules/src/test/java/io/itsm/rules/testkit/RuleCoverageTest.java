package io.itsm.rules.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.ValidationException;
import io.itsm.core.triage.TriageResult;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleCoverageTest {

  static final List<String> RULES = List.of("a", "b", "c");

  static TriageResult fired(String... rules) {
    return TriageResult.of(List.of(), List.of(), List.of(rules));
  }

  @Test
  void of_countsFiredRulesPerResult_andIgnoresUnknownRules() {
    RuleCoverage c = RuleCoverage.of(RULES, List.of(fired("a", "x"), fired("a", "b")));

    assertThat(c.fireCounts()).containsExactly(Map.entry("a", 2L), Map.entry("b", 1L),
        Map.entry("c", 0L));
    assertThat(c.fired()).containsExactly("a", "b");
    assertThat(c.unfired()).containsExactly("c");
    assertThat(c.ratio()).isEqualTo(2.0 / 3);
    assertThat(c.report()).isEqualTo(
        """
        Rule coverage: 2 of 3 rules fired (66.7 %), 0 excluded
        Never fired:
          - c
        Fired:
               2  a
               1  b""");
  }

  @Test
  void assertAllRulesFired_listsTheUnfiredRules() {
    RuleCoverage c = RuleCoverage.of(RULES, List.of(fired("a")));

    assertThatThrownBy(c::assertAllRulesFired)
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("2 rule(s) never fired: 'b', 'c'\n\nRule coverage: 1 of 3");
    c.excluding(Set.of("b", "c")).assertAllRulesFired();
  }

  @Test
  void excluding_countsOnlyRequiredRules_andRejectsUnknownNames() {
    RuleCoverage c = RuleCoverage.of(RULES, List.of(fired("a"))).excluding(Set.of("c"));

    assertThat(c.unfired()).containsExactly("b");
    assertThat(c.ratio()).isEqualTo(0.5);
    assertThat(c.report()).startsWith(
        "Rule coverage: 1 of 2 rules fired (50.0 %), 1 excluded\nNever fired:\n  - b\nExcluded:\n  - c\n");
    assertThatThrownBy(() -> c.excluding(Set.of("z")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("rules excluded must be rules of the rule set, but these are not: 'z' (known:"
            + " [a, b, c])");
  }

  @Test
  void assertFired_checksOnlyTheGivenRules() {
    RuleCoverage c = RuleCoverage.of(RULES, List.of(fired("a")));

    c.assertFired(Set.of("a"));
    assertThatThrownBy(() -> c.assertFired(Set.of("a", "b")))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("1 of 2 rule(s) never fired: 'b'");
    assertThatThrownBy(() -> c.assertFired(Set.of("nope")))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void merge_andOfCounts_combineRuns() {
    RuleCoverage one = RuleCoverage.of(RULES, List.of(fired("a")));
    RuleCoverage two = RuleCoverage.ofCounts(List.of("c", "d"), Map.of("c", 3L, "x", 9L));

    RuleCoverage both = one.merge(two);

    assertThat(both.fireCounts()).containsExactly(Map.entry("a", 1L), Map.entry("b", 0L),
        Map.entry("c", 3L), Map.entry("d", 0L));
    assertThat(both.unfired()).containsExactly("b", "d");
    assertThat(RuleCoverage.of(List.of(), List.of()).ratio()).isEqualTo(1.0);
  }
}
