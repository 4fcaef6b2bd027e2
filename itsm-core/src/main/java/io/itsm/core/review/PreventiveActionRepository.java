package io.itsm.core.review;

import java.util.List;
import java.util.Optional;

/**
 * Where preventive actions are kept: each as its event history with its current state beside it,
 * under the same rules as {@link ReviewRepository}. A database store keeps them in the events
 * table under aggregate type {@code preventive-action}, with a state table indexed on status and
 * due time for the overdue query of {@code tick}.
 *
 * <p>Implementations must be thread-safe. {@link InMemoryPreventiveActionRepository} is the
 * default.
 */
public interface PreventiveActionRepository {

  /**
   * Appends events and stores the new state, atomically.
   *
   * @param expectedVersion the version the command read: 0 for a new action
   * @param events the new events, in order
   * @param action the action after them
   * @throws io.itsm.core.StaleRecordException if the stored version differs; nothing is stored
   */
  void append(long expectedVersion, List<PreventiveActionEvent> events, PreventiveAction action);

  /**
   * Finds an action.
   *
   * @param id the action's id
   * @return the action, or empty
   */
  Optional<PreventiveAction> find(String id);

  /**
   * Returns an action's history.
   *
   * @param id the action's id
   * @return an immutable snapshot, oldest first; empty when there is no such action
   */
  List<PreventiveActionEvent> history(String id);

  /**
   * Finds the actions matching a query, ordered by id.
   *
   * @param query the criteria
   * @return the actions
   */
  List<PreventiveAction> find(ActionQuery query);
}
