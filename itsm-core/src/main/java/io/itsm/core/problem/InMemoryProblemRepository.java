package io.itsm.core.problem;

import io.itsm.core.improvement.internal.InMemoryRecords;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps problems in memory. Thread-safe.
 */
public final class InMemoryProblemRepository implements ProblemRepository {

  private final InMemoryRecords<Problem, ProblemEvent> records = new InMemoryRecords<>("problem");

  /** Creates an empty repository. */
  public InMemoryProblemRepository() {}

  @Override
  public void append(long expectedVersion, List<ProblemEvent> events, Problem problem) {
    Objects.requireNonNull(problem, "problem");
    records.append(problem.id(), expectedVersion, events, problem);
  }

  @Override
  public Optional<Problem> find(String id) {
    return records.find(id);
  }

  @Override
  public List<ProblemEvent> history(String id) {
    return records.history(id);
  }

  @Override
  public List<Problem> find(ProblemQuery query) {
    Objects.requireNonNull(query, "query");
    return records.states().filter(query::matches).toList();
  }
}
