package io.itsm.core.knowledge;

import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Resolution;
import java.util.Objects;
import java.util.Optional;

/**
 * An incident that was just resolved, as a {@link CapturePolicy} sees it: the incident, its
 * resolution, and the article the agent resolved it with, if any.
 *
 * <p>Immutable and thread-safe.
 *
 * @param incident the incident after the resolution
 * @param resolution its resolution
 * @param articleUsed the article used to resolve it ({@link KnowledgeBase#use}), if any
 */
public record ResolvedIncident(
    Incident incident, Resolution resolution, Optional<KnowledgeArticle> articleUsed) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public ResolvedIncident {
    Objects.requireNonNull(incident, "incident");
    Objects.requireNonNull(resolution, "resolution");
    Objects.requireNonNull(articleUsed, "articleUsed");
  }
}
