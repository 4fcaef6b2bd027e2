package io.itsm.rules.testkit;

/**
 * Which rules rule coverage counts.
 *
 * <p>A team testing its own two rules should not fail on the default packs' rules it never
 * wrote: by default coverage counts the rules of the team's files. With no file of its own (a test
 * of the default packs), the default packs' rules are the rules under test, and all count.
 */
public enum CoverageScope {
  /** The rules of the engine's own rule files; all rules when it has none. The default. */
  TEAM_RULES,
  /** Every loaded rule, the default packs' included. */
  ALL_RULES;

  /**
   * Returns the rules of an engine this scope counts.
   *
   * @param engine the engine
   * @return the rule names
   */
  java.util.List<String> rulesOf(io.itsm.rules.TriageEngine engine) {
    if (this == ALL_RULES || engine.teamRuleNames().isEmpty()) {
      return engine.ruleNames();
    }
    return engine.teamRuleNames();
  }
}
