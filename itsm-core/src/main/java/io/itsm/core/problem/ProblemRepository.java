package io.itsm.core.problem;

import java.util.List;
import java.util.Optional;

/**
 * Where problems are kept: each as its event history with its current state beside it. {@link
 * Problems} appends the events of one command at once; a repository applies them atomically and
 * only if the stored version is still the one the command read. A database store keeps them in the
 * events table under aggregate type {@code problem} (see docs/store.md, "More aggregates").
 *
 * <p>Implementations must be thread-safe. {@link InMemoryProblemRepository} is the default.
 */
public interface ProblemRepository {

  /**
   * Appends events and stores the new state, atomically.
   *
   * @param expectedVersion the version the command read: 0 for a new problem
   * @param events the new events, in order
   * @param problem the problem after them
   * @throws io.itsm.core.StaleRecordException if the stored version differs; nothing is stored
   */
  void append(long expectedVersion, List<ProblemEvent> events, Problem problem);

  /**
   * Finds a problem.
   *
   * @param id the problem's id
   * @return the problem, or empty
   */
  Optional<Problem> find(String id);

  /**
   * Returns a problem's history.
   *
   * @param id the problem's id
   * @return an immutable snapshot, oldest first; empty when there is no such problem
   */
  List<ProblemEvent> history(String id);

  /**
   * Finds the problems matching a query, ordered by id.
   *
   * @param query the criteria
   * @return the problems
   */
  List<Problem> find(ProblemQuery query);
}
