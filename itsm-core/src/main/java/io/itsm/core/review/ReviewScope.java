package io.itsm.core.review;

import io.itsm.core.ValidationException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * What a review covers: one incident, a major incident with its children, or the incidents of a
 * problem.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind what kind of group
 * @param subjectId the incident (for INCIDENT and MAJOR_INCIDENT) or the problem (for PROBLEM)
 * @param incidentIds the incidents covered, the subject first for an incident scope; at least one
 */
public record ReviewScope(Kind kind, String subjectId, List<String> incidentIds) {

  /** The kinds of scope. */
  public enum Kind {
    /** One incident. */
    INCIDENT,
    /** A major incident and the incidents it links as children. */
    MAJOR_INCIDENT,
    /** The incidents a problem explains. */
    PROBLEM
  }

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if the subject id is blank or there is no incident
   */
  public ReviewScope {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subjectId, "subjectId");
    incidentIds = List.copyOf(new LinkedHashSet<>(Objects.requireNonNull(incidentIds,
        "incidentIds")));
    if (subjectId.isBlank()) {
      throw new ValidationException("the subject of a review scope must not be blank");
    }
    if (incidentIds.isEmpty()) {
      throw new ValidationException("a review of " + kind + " " + subjectId
          + " must cover at least one incident");
    }
  }
}
