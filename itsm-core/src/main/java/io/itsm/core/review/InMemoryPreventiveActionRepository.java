package io.itsm.core.review;

import io.itsm.core.improvement.internal.InMemoryRecords;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps preventive actions in memory. Thread-safe.
 */
public final class InMemoryPreventiveActionRepository implements PreventiveActionRepository {

  private final InMemoryRecords<PreventiveAction, PreventiveActionEvent> records =
      new InMemoryRecords<>("preventive action");

  /** Creates an empty repository. */
  public InMemoryPreventiveActionRepository() {}

  @Override
  public void append(long expectedVersion, List<PreventiveActionEvent> events,
      PreventiveAction action) {
    Objects.requireNonNull(action, "action");
    records.append(action.id(), expectedVersion, events, action);
  }

  @Override
  public Optional<PreventiveAction> find(String id) {
    return records.find(id);
  }

  @Override
  public List<PreventiveActionEvent> history(String id) {
    return records.history(id);
  }

  @Override
  public List<PreventiveAction> find(ActionQuery query) {
    Objects.requireNonNull(query, "query");
    return records.states().filter(query::matches).toList();
  }
}
