package io.itsm.core.problem;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a KNOWN_ERROR article says about a problem, handed to a {@link KnownErrorPublisher}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param problemId the problem's id (a publisher keeps one article per problem)
 * @param title the problem's title
 * @param symptoms what users see: the problem's description
 * @param rootCause the root cause
 * @param workaround the workaround
 * @param category the category of its incidents, if shared
 * @param service the affected service, if known
 * @param configurationItem the affected configuration item, if known
 * @param incidentIds the incidents it explains
 */
public record KnownError(
    String problemId,
    String title,
    String symptoms,
    String rootCause,
    String workaround,
    Optional<String> category,
    Optional<String> service,
    Optional<String> configurationItem,
    List<String> incidentIds) {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is null
   */
  public KnownError {
    Objects.requireNonNull(problemId, "problemId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(symptoms, "symptoms");
    Objects.requireNonNull(rootCause, "rootCause");
    Objects.requireNonNull(workaround, "workaround");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(configurationItem, "configurationItem");
    incidentIds = List.copyOf(Objects.requireNonNull(incidentIds, "incidentIds"));
  }
}
