package io.itsm.core.cmdb;

import io.itsm.core.StaleRecordException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Stores change requests as their event histories, with the latest state beside them (events
 * table keyed by change and sequence; a current-state table indexed by status and by the items a
 * change touches).
 *
 * <p>Implementations must be thread-safe. {@link InMemoryChangeRepository} is the default.
 */
public interface ChangeRepository {

  /**
   * Appends events and stores the new state, atomically.
   *
   * @param expectedVersion the version the command read: 0 for a new change
   * @param events the new events, in order
   * @param newState the change after them
   * @throws StaleRecordException if the stored version differs; nothing is stored then
   */
  void append(long expectedVersion, List<ChangeEvent> events, ChangeRequest newState);

  /**
   * Finds a change's latest state.
   *
   * @param id the change id
   * @return the change, or empty
   */
  Optional<ChangeRequest> find(String id);

  /**
   * Returns a change's history.
   *
   * @param id the change id
   * @return the events, oldest first; empty if there is no such change
   */
  List<ChangeEvent> history(String id);

  /**
   * Finds the changes matching a query, ordered by id.
   *
   * @param query the criteria
   * @return the changes
   */
  List<ChangeRequest> find(ChangeQuery query);

  /**
   * Returns where new change ids come from when the builder is given no {@code ids}. A
   * repository that outlives its facade (a database) hands out ids no earlier run has used.
   *
   * @return a thread-safe supplier of fresh ids; empty (the default) lets the kernel's id
   *     generator number them {@code CHG-000001, CHG-000002, ...} from 1, which suits a repository
   *     that starts empty
   */
  default Optional<Supplier<String>> changeIds() {
    return Optional.empty();
  }
}
