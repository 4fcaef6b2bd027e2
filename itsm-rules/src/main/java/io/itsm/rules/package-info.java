/**
 * The Drools triage engine: {@link io.itsm.rules.TriageEngine} (the {@code TriagePolicy} of
 * {@code itsm-core}), the escalation ladders {@link io.itsm.rules.EscalationEngine} (its {@code
 * EscalationPolicy}; facts in {@code io.itsm.rules.escalation}), their errors ({@link io.itsm.rules.RuleCompilationException}, {@link
 * io.itsm.rules.RuleExecutionException}) and routing data ({@link io.itsm.rules.TeamMap}). Facts
 * for rule authors are in {@code io.itsm.rules.facts}; see {@code docs/rules.md}.
 */
package io.itsm.rules;
