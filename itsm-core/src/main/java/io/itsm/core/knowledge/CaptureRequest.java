package io.itsm.core.knowledge;

import io.itsm.core.event.Provenance;
import java.util.Objects;

/**
 * A {@link CapturePolicy}'s answer: write the resolution down as a new article, or as a new
 * version of the article the agent used, and who decided so.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind a new article or a new version
 * @param decidedBy the rule (or policy) that asked for it, with its reason; recorded on the draft
 */
public record CaptureRequest(Kind kind, Provenance decidedBy) {

  /** What is asked for. */
  public enum Kind {
    /** A new article drafted from the resolution. */
    NEW_ARTICLE,
    /** A new version of the article used to resolve the incident, with the resolution's steps. */
    NEW_VERSION
  }

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public CaptureRequest {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(decidedBy, "decidedBy");
  }
}
