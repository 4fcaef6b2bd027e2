package io.itsm.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.rules.TriageEngine;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Which time budget a rule set runs with, for every engine built on a {@link PackSpec}. */
class PackSpecTest {

  @Test
  void budgetFor_theOwnPacksAlone_isNone_unlessChosen() {
    PackSpec spec = PackSpec.withDefaultBudget(100);
    assertThat(spec.budgetFor(false)).isNull();
    assertThat(spec.budgetFor(true)).isEqualTo(TriageEngine.defaultTimeBudget());
    spec.timeBudget = Duration.ofMillis(30);
    spec.budgetChosen = true;
    assertThat(spec.budgetFor(false)).isEqualTo(Duration.ofMillis(30));
    assertThat(spec.copy().budgetFor(false)).as("a reload's copy keeps the choice")
        .isEqualTo(Duration.ofMillis(30));
  }

  @Test
  void runner_isKept_whenTheBudgetStaysTheSame_andNewWhenTeamRulesBringOne() {
    PackSpec spec = PackSpec.withDefaultBudget(100);
    RuleRunner own = spec.runner(null, false);
    assertThat(own.budget()).isNull();
    assertThat(spec.runner(own, false)).isSameAs(own);
    RuleRunner team = spec.runner(own, true);
    assertThat(team).isNotSameAs(own);
    assertThat(team.budget()).isEqualTo(TriageEngine.defaultTimeBudget());
    assertThat(spec.runner(team, true)).isSameAs(team);
  }
}
