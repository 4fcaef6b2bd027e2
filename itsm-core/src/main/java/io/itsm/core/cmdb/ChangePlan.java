package io.itsm.core.cmdb;

import io.itsm.core.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a change request asks for: the items it touches, the updates to apply to them when it is
 * verified, the risk the requester sees, when, and the preventive action it implements, if any.
 *
 * <pre>{@code
 * ChangePlan plan = ChangePlan.of("Fail over the orders database", "Primary disk failed")
 *     .withUpdates(List.of(CiUpdateSet.of("db-orders", CiUpdate.set("attributes.primary", "node-b"))))
 *     .withRisk(Risk.MEDIUM);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param title a one-line summary; not blank
 * @param description what and why
 * @param affectedCis items the change touches besides those it updates
 * @param updates the updates applied when the change is verified
 * @param risk the risk the requester sees (the assessment may raise it)
 * @param plannedStart when work is planned to start, or empty
 * @param plannedEnd when it is planned to end, or empty; after {@code plannedStart}
 * @param preventiveActionId the preventive action (of a post-incident review) this change
 *     implements, or empty
 */
public record ChangePlan(
    String title,
    String description,
    List<String> affectedCis,
    List<CiUpdateSet> updates,
    Risk risk,
    Optional<Instant> plannedStart,
    Optional<Instant> plannedEnd,
    Optional<String> preventiveActionId) {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if the title is blank, the plan names no item, or it ends before
   *     it starts
   */
  public ChangePlan {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    affectedCis = List.copyOf(Objects.requireNonNull(affectedCis, "affectedCis"));
    updates = List.copyOf(Objects.requireNonNull(updates, "updates"));
    Objects.requireNonNull(risk, "risk");
    Objects.requireNonNull(plannedStart, "plannedStart");
    Objects.requireNonNull(plannedEnd, "plannedEnd");
    Objects.requireNonNull(preventiveActionId, "preventiveActionId");
    if (title.isBlank()) {
      throw new ValidationException("title of a change request must not be blank");
    }
    if (plannedStart.isPresent() && plannedEnd.isPresent()
        && !plannedEnd.get().isAfter(plannedStart.get())) {
      throw new ValidationException("plannedEnd of change '" + title + "' must be after plannedStart "
          + plannedStart.get() + ", but was " + plannedEnd.get());
    }
    for (String ci : affectedCis) {
      if (ci.isBlank()) {
        throw new ValidationException("affectedCis of change '" + title + "' must not hold a blank id");
      }
    }
  }

  /**
   * A plan with a title and description, LOW risk, and nothing else yet.
   *
   * @param title the summary
   * @param description what and why
   * @return the plan
   */
  public static ChangePlan of(String title, String description) {
    return new ChangePlan(title, description, List.of(), List.of(), Risk.LOW, Optional.empty(),
        Optional.empty(), Optional.empty());
  }

  /**
   * Returns a copy touching these items (besides those it updates).
   *
   * @param cis the item ids
   * @return the copy
   */
  public ChangePlan withAffectedCis(List<String> cis) {
    return new ChangePlan(title, description, cis, updates, risk, plannedStart, plannedEnd,
        preventiveActionId);
  }

  /**
   * Returns a copy with these updates.
   *
   * @param updates the updates per item
   * @return the copy
   */
  public ChangePlan withUpdates(List<CiUpdateSet> updates) {
    return new ChangePlan(title, description, affectedCis, updates, risk, plannedStart, plannedEnd,
        preventiveActionId);
  }

  /**
   * Returns a copy with another risk.
   *
   * @param risk the risk
   * @return the copy
   */
  public ChangePlan withRisk(Risk risk) {
    return new ChangePlan(title, description, affectedCis, updates, risk, plannedStart, plannedEnd,
        preventiveActionId);
  }

  /**
   * Returns a copy with a planned window.
   *
   * @param start the start
   * @param end the end, after the start
   * @return the copy
   */
  public ChangePlan withWindow(Instant start, Instant end) {
    return new ChangePlan(title, description, affectedCis, updates, risk, Optional.of(start),
        Optional.of(end), preventiveActionId);
  }

  /**
   * Returns a copy implementing a preventive action.
   *
   * @param actionId the preventive action's id
   * @return the copy
   */
  public ChangePlan withPreventiveAction(String actionId) {
    return new ChangePlan(title, description, affectedCis, updates, risk, plannedStart, plannedEnd,
        Optional.of(actionId));
  }

  /**
   * Returns every item the change touches: the affected ones, then those it updates, each once.
   *
   * @return the ids
   */
  public List<String> touchedCis() {
    Set<String> all = new LinkedHashSet<>(affectedCis);
    for (CiUpdateSet s : updates) {
      all.add(s.ciId());
    }
    return new ArrayList<>(all);
  }
}
