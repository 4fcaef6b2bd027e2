package io.itsm.rules.testkit;

import io.itsm.core.ItsmException;
import io.itsm.core.triage.TriageResult;
import io.itsm.rules.TriageEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs scenarios against a {@link TriageEngine} and reports which passed and which rules they
 * fired.
 *
 * <pre>{@code
 * ScenarioReport report = new ScenarioRunner(engine).run(Path.of("src/test/scenarios"));
 * System.out.println(report.toText());
 * report.assertAllPassed();
 * }</pre>
 *
 * <p>Coverage is computed from each scenario's own {@link TriageResult#firedRules()}, not from the
 * engine's global counters, so runs in parallel tests do not interfere.
 *
 * <p>Thread-safe (the engine is).
 */
public final class ScenarioRunner {

  private final TriageEngine engine;
  private final CoverageScope scope;

  /**
   * Creates a runner whose coverage counts the rules of the engine's own files ({@link
   * CoverageScope#TEAM_RULES}).
   *
   * @param engine the engine under test
   */
  public ScenarioRunner(TriageEngine engine) {
    this(engine, CoverageScope.TEAM_RULES);
  }

  /**
   * Creates a runner.
   *
   * @param engine the engine under test
   * @param scope which rules the coverage counts
   */
  public ScenarioRunner(TriageEngine engine, CoverageScope scope) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.scope = Objects.requireNonNull(scope, "scope");
  }

  /**
   * Loads and runs the scenarios of a file or directory (see {@link Scenarios#load(Path)}).
   *
   * @param fileOrDirectory a scenario file or a directory of them
   * @return the report
   * @throws ScenarioFormatException if a file is not valid
   * @throws java.io.UncheckedIOException if a file cannot be read
   */
  public ScenarioReport run(Path fileOrDirectory) {
    return run(Scenarios.load(fileOrDirectory));
  }

  /**
   * Runs scenarios in order.
   *
   * @param scenarios the scenarios
   * @return the report
   */
  public ScenarioReport run(List<Scenario> scenarios) {
    Objects.requireNonNull(scenarios, "scenarios");
    List<ScenarioOutcome> outcomes = new ArrayList<>(scenarios.size());
    for (Scenario s : scenarios) {
      outcomes.add(run(s));
    }
    List<TriageResult> results = new ArrayList<>();
    outcomes.forEach(o -> o.result().ifPresent(results::add));
    return new ScenarioReport(outcomes, RuleCoverage.of(scope.rulesOf(engine), results));
  }

  /**
   * Runs one scenario. An {@link ItsmException} from triage (a rule throwing, the firing limit)
   * becomes a failed outcome rather than propagating.
   *
   * @param scenario the scenario
   * @return the outcome
   */
  public ScenarioOutcome run(Scenario scenario) {
    Objects.requireNonNull(scenario, "scenario");
    TriageResult result;
    try {
      result = engine.triage(scenario.ticket());
    } catch (ItsmException e) {
      return new ScenarioOutcome(scenario, Optional.empty(), List.of(), Optional.of(e));
    }
    return new ScenarioOutcome(
        scenario, Optional.of(result), scenario.expect().check(result), Optional.empty());
  }

  /**
   * Returns the engine under test.
   *
   * @return the engine
   */
  public TriageEngine engine() {
    return engine;
  }
}
