package io.itsm.core.problem;

import io.itsm.core.event.Provenance;
import io.itsm.core.improvement.RecordRef;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A problem record (ITIL): the cause behind one or more incidents, its investigation, root cause,
 * workaround, known-error status and resolution. Rebuilt from its events ({@link
 * ProblemHistory}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the problem's id, for example {@code PRB-000003}
 * @param title a short statement of the problem
 * @param description what is known
 * @param status where it stands
 * @param category the category of its incidents, if they share one
 * @param service the affected service, if known
 * @param configurationItem the affected configuration item, if known
 * @param incidentIds the incidents it explains, in the order linked
 * @param owner who investigates, once investigation started
 * @param rootCause the root cause, once found
 * @param workaround the workaround, once found
 * @param knownError whether it was declared a known error (stays true after its resolution)
 * @param knownErrorArticleId the KNOWN_ERROR article published for it, if any
 * @param resolution what removed the root cause, once resolved
 * @param fix the record (a change) that implemented the fix, if named
 * @param loggedBy who decided to log it: a person, or the rule that proposed it
 * @param openedAt when it was logged
 * @param updatedAt the last change
 * @param version the number of its events
 */
public record Problem(
    String id,
    String title,
    String description,
    ProblemStatus status,
    Optional<String> category,
    Optional<String> service,
    Optional<String> configurationItem,
    List<String> incidentIds,
    Optional<String> owner,
    Optional<String> rootCause,
    Optional<String> workaround,
    boolean knownError,
    Optional<String> knownErrorArticleId,
    Optional<String> resolution,
    Optional<RecordRef> fix,
    Provenance loggedBy,
    Instant openedAt,
    Instant updatedAt,
    long version) {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is null
   */
  public Problem {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(configurationItem, "configurationItem");
    incidentIds = List.copyOf(Objects.requireNonNull(incidentIds, "incidentIds"));
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(rootCause, "rootCause");
    Objects.requireNonNull(workaround, "workaround");
    Objects.requireNonNull(knownErrorArticleId, "knownErrorArticleId");
    Objects.requireNonNull(resolution, "resolution");
    Objects.requireNonNull(fix, "fix");
    Objects.requireNonNull(loggedBy, "loggedBy");
    Objects.requireNonNull(openedAt, "openedAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /**
   * Tells whether the problem explains an incident.
   *
   * @param incidentId the incident's id
   * @return {@code true} if linked
   */
  public boolean explains(String incidentId) {
    return incidentIds.contains(incidentId);
  }

  Problem with(ProblemStatus status, List<String> incidentIds, Optional<String> owner,
      Optional<String> rootCause, Optional<String> workaround, boolean knownError,
      Optional<String> articleId, Optional<String> resolution, Optional<RecordRef> fix,
      Instant at, long version) {
    return new Problem(id, title, description, status, category, service, configurationItem,
        incidentIds, owner, rootCause, workaround, knownError, articleId, resolution, fix,
        loggedBy, openedAt, at, version);
  }
}
