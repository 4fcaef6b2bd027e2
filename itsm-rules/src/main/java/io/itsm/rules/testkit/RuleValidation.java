package io.itsm.rules.testkit;

import io.itsm.core.incident.Ticket;
import io.itsm.rules.RuleExecutionException;
import io.itsm.rules.TriageEngine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Validation that means something: compiling is not enough (a constraint such as {@code
 * affectedUsers == "many"} compiles, then fails on every ticket), so this runs the rules over
 * {@link SampleTickets} and the team's scenarios and reports every rule that fails at run time,
 * with its file and line, once per rule and place.
 *
 * <pre>{@code
 * RuleValidation v = RuleValidation.run(engine, Scenarios.load(Path.of("scenarios")));
 * v.failures().forEach(f -> System.err.println(f));   // team.drl:9: rule 'x' fails on ...
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class RuleValidation {

  /**
   * One rule failing at run time.
   *
   * @param rule the rule, or empty when Drools did not say
   * @param file the rule file, or empty
   * @param line the line, or -1
   * @param ticket what it failed on: {@code sample SAMPLE-7} or {@code scenario 'name'}
   * @param count on how many of the tickets tried it failed
   * @param message the exception's message
   */
  public record Failure(
      Optional<String> rule, Optional<String> file, int line, String ticket, int count,
      String message) {

    /**
     * Validates the components.
     *
     * @throws NullPointerException if a component is null
     */
    public Failure {
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(ticket, "ticket");
      Objects.requireNonNull(message, "message");
    }

    /**
     * Returns {@code file:line: rule 'x' fails on <ticket> (and N more): message}.
     *
     * @return the text
     */
    @Override
    public String toString() {
      String where = file.map(f -> f + (line > 0 ? ":" + line : "") + ": ").orElse("");
      return where + rule.map(r -> "rule '" + r + "' fails").orElse("the rules fail") + " on "
          + ticket + (count > 1 ? " (and " + (count - 1) + " more)" : "") + ": " + message;
    }
  }

  private final int tried;
  private final List<Failure> failures;

  private RuleValidation(int tried, List<Failure> failures) {
    this.tried = tried;
    this.failures = List.copyOf(failures);
  }

  /**
   * Runs the engine over the built-in sample and the given scenarios' tickets.
   *
   * @param engine the engine
   * @param scenarios the team's scenarios, maybe empty
   * @return the validation
   */
  public static RuleValidation run(TriageEngine engine, List<Scenario> scenarios) {
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(scenarios, "scenarios");
    Map<String, Failure> byPlace = new LinkedHashMap<>();
    int tried = 0;
    for (Ticket t : SampleTickets.all()) {
      tried++;
      tryOne(engine, t, "sample " + t.id().orElse("?") + " '" + abbreviate(t.title()) + "'",
          byPlace);
    }
    for (Scenario s : scenarios) {
      tried++;
      tryOne(engine, s.ticket(), "scenario '" + s.name() + "'", byPlace);
    }
    return new RuleValidation(tried, new ArrayList<>(byPlace.values()));
  }

  private static void tryOne(TriageEngine engine, Ticket t, String what,
      Map<String, Failure> byPlace) {
    try {
      engine.triage(t);
    } catch (RuleExecutionException e) {
      String rule = e.getRules().isEmpty() ? null : e.getRules().get(0);
      String key = rule + "@" + e.getFile().orElse("") + ":" + e.getLine().orElse(-1);
      Failure old = byPlace.get(key);
      if (old == null) {
        String m = e.getMessage();
        byPlace.put(key, new Failure(Optional.ofNullable(rule), e.getFile(), e.getLine().orElse(-1),
            what, 1, m));
      } else {
        byPlace.put(key, new Failure(old.rule(), old.file(), old.line(), old.ticket(),
            old.count() + 1, old.message()));
      }
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }

  /**
   * Returns how many tickets were triaged.
   *
   * @return the count
   */
  public int ticketsTried() {
    return tried;
  }

  /**
   * Returns the rules that failed, once per rule and place, in the order first seen.
   *
   * @return an immutable list, empty when every ticket triaged
   */
  public List<Failure> failures() {
    return failures;
  }

  /**
   * Tells whether every ticket triaged.
   *
   * @return whether there was no failure
   */
  public boolean passed() {
    return failures.isEmpty();
  }
}
