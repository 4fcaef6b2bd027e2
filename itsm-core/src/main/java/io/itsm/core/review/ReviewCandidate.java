package io.itsm.core.review;

import io.itsm.core.event.SlaKind;
import io.itsm.core.incident.Priority;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a {@link ReviewPolicy} knows when it decides whether a review is required: an incident was
 * resolved, or a problem became a known error.
 *
 * <p>Immutable and thread-safe.
 *
 * @param trigger what happened
 * @param subjectId the incident or the problem
 * @param priority the incident's priority (for a problem: the highest of its incidents), if any
 * @param category the incident's (or problem's) category, if any
 * @param tags the incident's tags (for a problem: none)
 * @param slaBreaches the SLA targets the incident breached (for a problem: its incidents')
 * @param reopenCount how often the incident was reopened (for a problem: 0)
 * @param incidents how many incidents are concerned: the incident and its children, or the
 *     problem's incidents
 * @param at when it happened (the resolution, or the declaration)
 */
public record ReviewCandidate(
    Trigger trigger,
    String subjectId,
    Optional<Priority> priority,
    Optional<String> category,
    Set<String> tags,
    Set<SlaKind> slaBreaches,
    int reopenCount,
    int incidents,
    Instant at) {

  /** What makes a review worth deciding. */
  public enum Trigger {
    /** An incident was resolved. */
    INCIDENT_RESOLVED,
    /** A problem was declared a known error. */
    PROBLEM_KNOWN_ERROR
  }

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is null
   */
  public ReviewCandidate {
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(subjectId, "subjectId");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(category, "category");
    tags = Set.copyOf(Objects.requireNonNull(tags, "tags"));
    slaBreaches = Set.copyOf(Objects.requireNonNull(slaBreaches, "slaBreaches"));
    Objects.requireNonNull(at, "at");
  }
}
