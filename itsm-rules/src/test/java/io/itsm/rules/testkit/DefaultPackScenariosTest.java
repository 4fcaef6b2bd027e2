package io.itsm.rules.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.rules.TriageEngine;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The bundled scenarios of the default packs, in several languages, as dynamic tests; together
 * they fire every default rule.
 */
class DefaultPackScenariosTest {

  static final Path DEFAULT_PACKS = Path.of("src/test/resources/scenarios/default-packs.json");
  static final Path UNCATEGORIZED = Path.of("src/test/resources/scenarios/uncategorized.json");

  /** "Uncategorized tickets go to the service desk" needs the categorize pack switched off. */
  static final TriageEngine WITHOUT_CATEGORIZE =
      KitEngines.defaultsBuilder().withoutPack(TriageEngine.PACK_CATEGORIZE).build();

  @TestFactory
  Stream<DynamicTest> defaultPacks() {
    return ScenarioTests.from(KitEngines.defaults(), DEFAULT_PACKS);
  }

  @TestFactory
  Stream<DynamicTest> withoutCategorizePack() {
    return ScenarioTests.from(WITHOUT_CATEGORIZE, UNCATEGORIZED);
  }

  @Test
  void bundledScenarios_fireEveryDefaultRule() {
    ScenarioReport main = new ScenarioRunner(KitEngines.defaults()).run(DEFAULT_PACKS);
    ScenarioReport uncategorized = new ScenarioRunner(WITHOUT_CATEGORIZE).run(UNCATEGORIZED);
    main.assertAllPassed();
    uncategorized.assertAllPassed();

    RuleCoverage coverage = main.coverage().merge(uncategorized.coverage());

    assertThat(coverage.fireCounts()).hasSize(25);
    coverage.assertAllRulesFired();
    assertThat(coverage.ratio()).isEqualTo(1.0);
    assertThat(coverage.report()).startsWith("Rule coverage: 25 of 25 rules fired (100.0 %)");
    assertThat(main.coverage().unfired())
        .containsExactly("Uncategorized tickets go to the service desk");
  }
}
