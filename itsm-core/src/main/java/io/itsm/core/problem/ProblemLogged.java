package io.itsm.core.problem;

import io.itsm.core.event.Provenance;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A problem was logged, by hand or proposed by a rule (then {@code decidedBy} names the rule and
 * why: "4 incidents on CI db-orders within 7 days").
 *
 * <p>Immutable and thread-safe.
 *
 * @param problemId the new problem's id
 * @param sequence always 1
 * @param at when it was logged
 * @param actor who logged it ({@code "system"} for a rule's proposal)
 * @param title a short statement of the problem; not blank
 * @param description what is known; may be empty
 * @param category the category of its incidents, if they share one
 * @param service the affected service, if its incidents share one
 * @param configurationItem the affected configuration item, if its incidents share one
 * @param incidentIds the incidents it explains so far
 * @param decidedBy who decided to log it: a person by hand, or a rule
 */
public record ProblemLogged(
    String problemId,
    long sequence,
    Instant at,
    String actor,
    String title,
    String description,
    Optional<String> category,
    Optional<String> service,
    Optional<String> configurationItem,
    List<String> incidentIds,
    Provenance decidedBy)
    implements ProblemEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a reference component is null
   * @throws io.itsm.core.ValidationException if {@code sequence} is below 1 or the title is blank
   */
  public ProblemLogged {
    ProblemEvent.check(problemId, sequence, at, actor);
    ProblemEvent.requireText("problem title", title);
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(configurationItem, "configurationItem");
    incidentIds = List.copyOf(Objects.requireNonNull(incidentIds, "incidentIds"));
    Objects.requireNonNull(decidedBy, "decidedBy");
  }
}
