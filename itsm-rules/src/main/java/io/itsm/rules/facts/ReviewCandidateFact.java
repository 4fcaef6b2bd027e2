package io.itsm.rules.facts;

import io.itsm.core.event.SlaKind;
import io.itsm.core.incident.Priority;
import io.itsm.core.review.ReviewCandidate;
import java.util.Objects;
import java.util.Set;

/**
 * What review rules (review.drl) match, one per decision: a resolved incident ({@code
 * incidentResolved}) or a problem that became a known error ({@code problemKnownError}). Absent
 * values are {@code null}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param subjectId the incident's or the problem's id
 * @param incidentResolved whether an incident was resolved
 * @param problemKnownError whether a problem became a known error
 * @param priority the incident's priority (a problem's: its incidents' highest), or null
 * @param category the category code, or null
 * @param tags the incident's tags
 * @param security whether it is a security incident: category {@code security} or tag {@code
 *     security}
 * @param responseBreached whether the response target was breached
 * @param resolutionBreached whether the resolution target was breached
 * @param reopenCount how often the incident was reopened
 * @param incidents how many incidents are concerned (a major incident's children included; a
 *     problem's incidents)
 */
public record ReviewCandidateFact(
    String subjectId,
    boolean incidentResolved,
    boolean problemKnownError,
    Priority priority,
    String category,
    Set<String> tags,
    boolean security,
    boolean responseBreached,
    boolean resolutionBreached,
    int reopenCount,
    int incidents) {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if the id or the tags are null
   */
  public ReviewCandidateFact {
    Objects.requireNonNull(subjectId, "subjectId");
    tags = Set.copyOf(Objects.requireNonNull(tags, "tags"));
  }

  /**
   * The view of a review candidate.
   *
   * @param c the candidate
   * @return the fact
   */
  public static ReviewCandidateFact of(ReviewCandidate c) {
    Objects.requireNonNull(c, "candidate");
    String category = c.category().orElse(null);
    return new ReviewCandidateFact(c.subjectId(),
        c.trigger() == ReviewCandidate.Trigger.INCIDENT_RESOLVED,
        c.trigger() == ReviewCandidate.Trigger.PROBLEM_KNOWN_ERROR, c.priority().orElse(null),
        category, c.tags(), "security".equals(category) || c.tags().contains("security"),
        c.slaBreaches().contains(SlaKind.RESPONSE), c.slaBreaches().contains(SlaKind.RESOLUTION),
        c.reopenCount(), c.incidents());
  }

  /**
   * Tells whether an SLA target was breached.
   *
   * @return {@code true} if the response or the resolution target was breached
   */
  public boolean slaBreached() {
    return responseBreached || resolutionBreached;
  }
}
