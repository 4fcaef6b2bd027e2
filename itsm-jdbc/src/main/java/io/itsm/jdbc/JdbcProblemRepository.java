package io.itsm.jdbc;

import io.itsm.core.json.ImprovementJson;
import io.itsm.core.problem.Problem;
import io.itsm.core.problem.ProblemEvent;
import io.itsm.core.problem.ProblemHistory;
import io.itsm.core.problem.ProblemQuery;
import io.itsm.core.problem.ProblemRepository;
import io.itsm.core.problem.ProblemStatus;
import io.itsm.jdbc.internal.Dialect;
import io.itsm.jdbc.internal.PracticeRecords;
import io.itsm.jdbc.internal.RecordTable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Problems in a relational database, on the store's practice records: each command's events go to
 * the events table under aggregate type {@value #AGGREGATE_TYPE} and the problem's state to the
 * records table, in one transaction, only if the stored version is still the one the command read
 * (else {@link io.itsm.core.StaleRecordException}, nothing stored). Get one from {@link
 * JdbcStore#problems()}, or let the practices find it in {@link JdbcStore#stores()}.
 *
 * <p><b>Queries.</b> {@link #find(ProblemQuery)}: a status, or the open ones, are read from the
 * status index; a query by incident first keeps, in the database, the rows whose state text holds
 * the incident id (a scan of the problems' rows, not of their parsed states); the whole query then
 * decides. Results are ordered by id.
 *
 * <p><b>Unreadable rows.</b> A state row that does not parse is rebuilt from the events (a
 * warning is logged); an event that does not parse makes {@link #history} throw {@link
 * JdbcStoreException} naming the problem and the sequence, and a query leave that problem out (an
 * error is logged).
 *
 * <p>Thread-safe: every method takes its own connection from the store's pool.
 */
public final class JdbcProblemRepository implements ProblemRepository {

  /** The aggregate type of problems in the events and records tables (and in backups). */
  public static final String AGGREGATE_TYPE = ImprovementJson.PROBLEM;

  private static final Set<String> OPEN = Arrays.stream(ProblemStatus.values())
      .filter(ProblemStatus::isOpen).map(Enum::name).collect(Collectors.toUnmodifiableSet());

  private final PracticeRecords<Problem, ProblemEvent> records;

  JdbcProblemRepository(RecordTable table, DataSource dataSource, Dialect dialect,
      ImprovementJson json) {
    Objects.requireNonNull(json, "json");
    this.records = new PracticeRecords<>(table, dataSource, dialect, "problem",
        new PracticeRecords.Codec<>() {
      @Override
      public String id(Problem state) {
        return state.id();
      }

      @Override
      public long version(Problem state) {
        return state.version();
      }

      @Override
      public String status(Problem state) {
        return state.status().name();
      }

      @Override
      public Instant updatedAt(Problem state) {
        return state.updatedAt();
      }

      @Override
      public String writeState(Problem state) {
        return json.writeProblem(state);
      }

      @Override
      public Problem readState(String text) {
        return json.readProblem(text);
      }

      @Override
      public String recordId(ProblemEvent event) {
        return event.problemId();
      }

      @Override
      public long sequence(ProblemEvent event) {
        return event.sequence();
      }

      @Override
      public Instant at(ProblemEvent event) {
        return event.at();
      }

      @Override
      public String actor(ProblemEvent event) {
        return event.actor();
      }

      @Override
      public String writeEvent(ProblemEvent event) {
        return json.writeEvent(event);
      }

      @Override
      public ProblemEvent readEvent(String text) {
        return json.readProblemEvent(text);
      }

      @Override
      public Optional<Problem> replay(List<ProblemEvent> events) {
        return Optional.of(ProblemHistory.replay(events));
      }
    });
  }

  /**
   * {@inheritDoc}
   *
   * @throws io.itsm.core.StaleRecordException if the stored version differs; nothing is stored
   * @throws IllegalArgumentException if the events are empty, of another problem, or not numbered
   *     on from {@code expectedVersion}
   * @throws JdbcStoreException if the database fails (the message says whether anything may have
   *     been stored)
   */
  @Override
  public void append(long expectedVersion, List<ProblemEvent> events, Problem problem) {
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(problem, "problem");
    records.append(expectedVersion, events, problem);
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails, or the problem can be read neither from its
   *     state row nor from its events
   */
  @Override
  public Optional<Problem> find(String id) {
    return records.find(Objects.requireNonNull(id, "id"));
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails or an event cannot be read
   */
  @Override
  public List<ProblemEvent> history(String id) {
    return records.history(Objects.requireNonNull(id, "id"));
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public List<Problem> find(ProblemQuery query) {
    Objects.requireNonNull(query, "query");
    Set<String> statuses = query.status().map(s -> Set.of(s.name()))
        .orElse(query.open() ? OPEN : Set.of());
    return records.find(statuses, query.incidentId(), query::matches);
  }

  /**
   * Counts the problems stored.
   *
   * @return the number of problems
   * @throws JdbcStoreException if the database fails
   */
  public long count() {
    return records.count();
  }

  @Override
  public String toString() {
    return "JdbcProblemRepository{" + AGGREGATE_TYPE + "}";
  }
}
