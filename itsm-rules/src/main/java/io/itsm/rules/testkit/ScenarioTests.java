package io.itsm.rules.testkit;

import io.itsm.core.triage.TriageResult;
import io.itsm.rules.TriageEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;

/**
 * Scenario files as JUnit 5 dynamic tests: one test per scenario, named after it.
 *
 * <pre>{@code
 * class TriagePolicyTest {
 *   static final TriageEngine ENGINE = TriageEngine.builder().addRulesDirectory(Path.of("rules")).build();
 *
 *   @TestFactory
 *   Stream<DynamicTest> scenarios() {
 *     return ScenarioTests.withCoverage(ENGINE, Path.of("src/test/scenarios"), Set.of());
 *   }
 * }
 * }</pre>
 *
 * <p>A failing scenario throws an {@link AssertionFailedError} whose expected and actual values
 * list the mismatched attributes (IDEs show them side by side) and whose message explains every
 * decision (see {@link ScenarioOutcome#explain()}). Requires {@code junit-jupiter-api} on the test
 * class path (an optional dependency of {@code itsm-rules}).
 *
 * <p>Stateless and thread-safe.
 */
public final class ScenarioTests {

  /** The display name of the coverage test that {@link #withCoverage} appends: {@value}. */
  public static final String COVERAGE_TEST_NAME = "rule coverage";

  private ScenarioTests() {}

  /**
   * Loads scenarios (see {@link Scenarios#load(Path)}) and returns one dynamic test per scenario.
   *
   * @param engine the engine under test
   * @param fileOrDirectory a scenario file or a directory of them
   * @return the tests, in scenario order
   * @throws ScenarioFormatException if a file is not valid (the test factory fails)
   * @throws java.io.UncheckedIOException if a file cannot be read
   */
  public static Stream<DynamicTest> from(TriageEngine engine, Path fileOrDirectory) {
    return from(engine, Scenarios.load(fileOrDirectory));
  }

  /**
   * Returns one dynamic test per scenario.
   *
   * @param engine the engine under test
   * @param scenarios the scenarios
   * @return the tests, in scenario order
   */
  public static Stream<DynamicTest> from(TriageEngine engine, List<Scenario> scenarios) {
    Objects.requireNonNull(engine, "engine");
    List<Scenario> list = List.copyOf(scenarios);
    ScenarioRunner runner = new ScenarioRunner(engine);
    return list.stream().map(s -> test(runner, s, null));
  }

  /**
   * Loads scenarios and returns one dynamic test per scenario, followed by a test named {@value
   * #COVERAGE_TEST_NAME} that fails unless every rule of the engine's own files ({@link
   * CoverageScope#TEAM_RULES}) that is not excluded fired in some scenario.
   *
   * @param engine the engine under test
   * @param fileOrDirectory a scenario file or a directory of them
   * @param excludedRules rules that need not fire
   * @return the tests
   * @throws ScenarioFormatException if a file is not valid
   * @throws io.itsm.core.ValidationException if an excluded rule is not a rule of the engine
   * @throws java.io.UncheckedIOException if a file cannot be read
   */
  public static Stream<DynamicTest> withCoverage(
      TriageEngine engine, Path fileOrDirectory, Collection<String> excludedRules) {
    return withCoverage(engine, fileOrDirectory, excludedRules, CoverageScope.TEAM_RULES);
  }

  /**
   * Loads scenarios and returns one dynamic test per scenario, followed by a test named {@value
   * #COVERAGE_TEST_NAME} that fails unless every rule in {@code scope} that is not excluded fired
   * in some scenario. The coverage test uses the results of the scenario tests that ran, and
   * triages the scenarios that did not (for example when filtered out).
   *
   * @param engine the engine under test
   * @param fileOrDirectory a scenario file or a directory of them
   * @param excludedRules rules that need not fire
   * @param scope which rules must fire
   * @return the tests
   * @throws ScenarioFormatException if a file is not valid
   * @throws io.itsm.core.ValidationException if an excluded rule is not a rule of the engine
   * @throws java.io.UncheckedIOException if a file cannot be read
   */
  public static Stream<DynamicTest> withCoverage(
      TriageEngine engine, Path fileOrDirectory, Collection<String> excludedRules,
      CoverageScope scope) {
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(scope, "scope");
    List<String> covered = scope.rulesOf(engine);
    List<Scenario> list = Scenarios.load(fileOrDirectory);
    RuleCoverage.of(covered, List.of()).excluding(excludedRules); // check names early
    ScenarioRunner runner = new ScenarioRunner(engine);
    Map<Integer, TriageResult> results = new ConcurrentHashMap<>();
    List<DynamicTest> tests = new ArrayList<>(list.size() + 1);
    for (int i = 0; i < list.size(); i++) {
      int index = i;
      tests.add(test(runner, list.get(i), r -> results.put(index, r)));
    }
    Set<String> excluded = Set.copyOf(excludedRules);
    tests.add(
        DynamicTest.dynamicTest(
            COVERAGE_TEST_NAME,
            () -> {
              List<TriageResult> all = new ArrayList<>();
              for (int i = 0; i < list.size(); i++) {
                TriageResult r = results.get(i);
                if (r == null) {
                  r = runner.run(list.get(i)).result().orElse(null);
                }
                if (r != null) {
                  all.add(r);
                }
              }
              RuleCoverage.of(covered, all).excluding(excluded).assertAllRulesFired();
            }));
    return tests.stream();
  }

  private static DynamicTest test(
      ScenarioRunner runner, Scenario s, java.util.function.Consumer<TriageResult> sink) {
    // no test source URI: Maven Surefire 3.5 silently skips dynamic tests whose source is a file
    return DynamicTest.dynamicTest(s.name(), () -> {
      ScenarioOutcome o = runner.run(s);
      if (sink != null) {
        o.result().ifPresent(sink);
      }
      check(o);
    });
  }

  /**
   * Throws unless the outcome passed.
   *
   * @param outcome the outcome
   * @throws AssertionFailedError with expected and actual values of the mismatched attributes
   *     ({@code "priority: P1"} lines) and the explanation as message; when triage threw, with
   *     that exception as cause
   */
  public static void check(ScenarioOutcome outcome) {
    Objects.requireNonNull(outcome, "outcome");
    if (outcome.passed()) {
      return;
    }
    if (outcome.error().isPresent()) {
      throw new AssertionFailedError(outcome.explain(), outcome.error().get());
    }
    String expected =
        outcome.mismatches().stream()
            .map(m -> m.attribute() + ": " + m.expected())
            .collect(Collectors.joining("\n"));
    String actual =
        outcome.mismatches().stream()
            .map(m -> m.attribute() + ": " + m.actual())
            .collect(Collectors.joining("\n"));
    throw new AssertionFailedError(outcome.explain(), expected, actual);
  }
}
