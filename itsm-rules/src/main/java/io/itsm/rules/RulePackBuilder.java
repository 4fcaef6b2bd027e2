package io.itsm.rules;

import io.itsm.rules.internal.PackSpec;

/**
 * What the builders of the engines with one default rule file have in common — {@link
 * EscalationEngine}, {@link NotifyEngine}, {@link AnnouncementEngine}, {@link CaptureEngine},
 * {@link SurveyEngine}, {@link ReviewEngine}, {@link RecurrenceEngine}, {@link
 * ActionEscalationEngine}: the default file on or off, plus everything of {@link
 * RuleEngineBuilder} (your own rule files, rules left out by name, containment, time budget,
 * firing limit).
 *
 * <p>Your rules and the defaults: your files' rules have precedence {@value
 * TriageEngine#TEAM_RULE_PRECEDENCE}, the default file's {@value
 * TriageEngine#DEFAULT_RULE_PRECEDENCE} (a rule's {@code @precedence(n)} says otherwise); how
 * precedence decides is the pack's (see each engine). To change a default rule, switch it off by
 * name ({@link #withoutRule}) and add your own; {@link #withoutDefaults()} leaves only your files.
 *
 * <p>Not thread-safe.
 *
 * @param <B> the concrete builder
 */
public abstract sealed class RulePackBuilder<B extends RulePackBuilder<B>>
    extends RuleEngineBuilder<B>
    permits SurveyEngine.Builder, ReviewEngine.Builder, RecurrenceEngine.Builder,
        ActionEscalationEngine.Builder, EscalationEngine.Builder, NotifyEngine.Builder,
        AnnouncementEngine.Builder, CaptureEngine.Builder {

  /** The default firing limit per decision. */
  public static final int DEFAULT_MAX_RULE_FIRINGS = 1_000;

  /** Wraps a spec (a reload's copy), or a fresh default one when {@code spec} is null. */
  RulePackBuilder(PackSpec spec) {
    super(spec, DEFAULT_MAX_RULE_FIRINGS);
  }

  /**
   * Leaves out the default file: only your rules decide.
   *
   * @return this builder
   */
  public B withoutDefaults() {
    spec.defaults = false;
    return self();
  }

  /**
   * Turns the default file back on (for a reload).
   *
   * @return this builder
   */
  public B withDefaults() {
    spec.defaults = true;
    return self();
  }
}
