package io.itsm.core.approval;

import io.itsm.core.ValidationException;
import java.util.Objects;

/**
 * What an {@link Approval} is about: a kind of thing and a reference to it, for example the
 * resolution of incident {@code INC-42}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind what kind of thing is approved
 * @param reference the id of the thing approved, for example the incident id; not blank
 */
public record ApprovalSubject(Kind kind, String reference) {

  /** The kinds of things that need approval. */
  public enum Kind {
    /** The resolution of an incident; the reference is the incident id. */
    RESOLUTION,
    /** A post-incident report; the reference is the report (or review) id. */
    INCIDENT_REPORT,
    /** An announcement before it is published; the reference is the announcement id. */
    ANNOUNCEMENT,
    /** A change to a configuration item; the reference is the change request id. */
    CONFIGURATION_CHANGE,
    /** A knowledge article's newest version before it is published; the reference is the article id. */
    KNOWLEDGE_ARTICLE
  }

  /**
   * Validates the components.
   *
   * @throws NullPointerException if {@code kind} or {@code reference} is null
   * @throws ValidationException if {@code reference} is blank
   */
  public ApprovalSubject {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reference, "reference");
    if (reference.isBlank()) {
      throw new ValidationException(
          "approval subject reference must not be blank, but was '" + reference + "'");
    }
  }
}
