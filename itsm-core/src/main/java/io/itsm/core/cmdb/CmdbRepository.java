package io.itsm.core.cmdb;

import io.itsm.core.StaleRecordException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Stores configuration items as their event histories, with the latest state beside them (the
 * same shape as the incident store: an append-only events table keyed by item and sequence, and a
 * current-state table with indexed columns for {@link CiQuery}). {@link Cmdb} appends the events
 * of one command at once; a repository applies them atomically and only if the stored version is
 * still the one the command read.
 *
 * <p>Implementations must be thread-safe. {@link InMemoryCmdbRepository} is the default.
 */
public interface CmdbRepository {

  /**
   * Appends events to an item's history and stores its new state, atomically.
   *
   * @param expectedVersion the version the command read: 0 for a new item
   * @param events the new events, in order, their sequences following {@code expectedVersion}
   * @param newState the item after the events
   * @throws StaleRecordException if the stored version differs (for a new item: it exists);
   *     nothing is stored then
   */
  void append(long expectedVersion, List<CiEvent> events, ConfigurationItem newState);

  /**
   * Appends to several items, for an import or a change request's verification: all or none. The
   * default appends one after the other, which is all-or-none only when nothing else writes
   * meanwhile (the {@link Cmdb} serializes its writes); a database store overrides it with one
   * transaction.
   *
   * @param appends the appends
   * @throws StaleRecordException if a stored version differs
   */
  default void appendAll(List<Append> appends) {
    for (Append a : Objects.requireNonNull(appends, "appends")) {
      append(a.expectedVersion(), a.events(), a.newState());
    }
  }

  /**
   * Finds an item's latest state.
   *
   * @param id the item id
   * @return the item, or empty
   */
  Optional<ConfigurationItem> find(String id);

  /**
   * Returns an item's history.
   *
   * @param id the item id
   * @return the events, oldest first; empty if there is no such item
   */
  List<CiEvent> history(String id);

  /**
   * Finds the items matching a query, ordered by id.
   *
   * @param query the criteria
   * @return the matching items' latest states
   */
  List<ConfigurationItem> find(CiQuery query);

  /**
   * Returns the events matching the item, actor and time criteria of an audit query, ordered by
   * time, then item, then sequence.
   *
   * @param query the criteria ({@link CiAuditQuery#field()} is applied by the caller)
   * @return the events
   */
  List<CiEvent> audit(CiAuditQuery query);

  /**
   * One item's part of {@link #appendAll}.
   *
   * @param expectedVersion the version read: 0 for a new item
   * @param events the new events
   * @param newState the item after them
   */
  record Append(long expectedVersion, List<CiEvent> events, ConfigurationItem newState) {

    /**
     * Validates and copies the components.
     *
     * @throws NullPointerException if a component is null
     */
    public Append {
      events = List.copyOf(Objects.requireNonNull(events, "events"));
      Objects.requireNonNull(newState, "newState");
    }
  }
}
