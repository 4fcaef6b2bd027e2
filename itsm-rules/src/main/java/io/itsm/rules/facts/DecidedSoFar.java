package io.itsm.rules.facts;

import io.itsm.core.incident.Impact;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.SupportLevel;
import io.itsm.core.incident.Urgency;

/**
 * What triage has decided so far: the winning values of the stages before this one, after the
 * bounds ({@code decide.atLeast}/{@code atMost}) that raised or lowered them. One fact,
 * replaced by the engine after every stage in which something was decided, so later stages read
 * it, for example {@code DecidedSoFar(priority == Priority.P1)} in the {@code route} stage sees
 * the priority after the {@code adjust} stage.
 *
 * <p>A component is {@code null} while nothing decided it (so {@code DecidedSoFar(category ==
 * null)} means "uncategorized so far"). Use null-safe navigation for method calls: {@code
 * priority!.isHigherThan(Priority.P3)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param category the category code, or null
 * @param subcategory the subcategory code, or null
 * @param impact the impact, or null
 * @param urgency the urgency, or null
 * @param priority the priority, or null
 * @param team the team, or null
 * @param supportLevel the support level, or null
 * @param approvalRequired whether resolving needs approval, or null
 */
public record DecidedSoFar(
    String category,
    String subcategory,
    Impact impact,
    Urgency urgency,
    Priority priority,
    String team,
    SupportLevel supportLevel,
    Boolean approvalRequired) {

  /** Nothing decided yet. */
  public static final DecidedSoFar NOTHING =
      new DecidedSoFar(null, null, null, null, null, null, null, null);
}
