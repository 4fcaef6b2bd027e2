package io.itsm.jdbc;

import io.itsm.core.json.ImprovementJson;
import io.itsm.core.review.ActionQuery;
import io.itsm.core.review.PreventiveAction;
import io.itsm.core.review.PreventiveActionEvent;
import io.itsm.core.review.PreventiveActionHistory;
import io.itsm.core.review.PreventiveActionRepository;
import io.itsm.jdbc.internal.Dialect;
import io.itsm.jdbc.internal.PracticeRecords;
import io.itsm.jdbc.internal.RecordTable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Preventive actions in a relational database, on the store's practice records: each command's
 * events go to the events table under aggregate type {@value #AGGREGATE_TYPE} and the preventive
 * action's state to the records table, in one transaction, only if the stored version is still the
 * one the command read (else {@link io.itsm.core.StaleRecordException}, nothing stored). Get one
 * from {@link JdbcStore#preventiveActions()}, or let the practices find it in {@link
 * JdbcStore#stores()}.
 *
 * <p><b>Queries.</b> {@link #find(ActionQuery)}: the statuses (the open ones for {@code tick}'s
 * overdue query) are read from the status index; a query by review, owner or team first keeps,
 * in the database, the rows whose state text holds that value; the whole query then decides.
 * Results are ordered by id.
 *
 * <p><b>Unreadable rows.</b> A state row that does not parse is rebuilt from the events (a
 * warning is logged); an event that does not parse makes {@link #history} throw {@link
 * JdbcStoreException} naming the preventive action and the sequence, and a query leave that
 * preventive action out (an
 * error is logged).
 *
 * <p>Thread-safe: every method takes its own connection from the store's pool.
 */
public final class JdbcPreventiveActionRepository implements PreventiveActionRepository {

  /** The aggregate type of preventive actions in the events and records tables (and in backups). */
  public static final String AGGREGATE_TYPE = ImprovementJson.ACTION;

  private final PracticeRecords<PreventiveAction, PreventiveActionEvent> records;

  JdbcPreventiveActionRepository(RecordTable table, DataSource dataSource, Dialect dialect,
      ImprovementJson json) {
    Objects.requireNonNull(json, "json");
    this.records = new PracticeRecords<>(table, dataSource, dialect, "preventive action",
        new PracticeRecords.Codec<>() {
      @Override
      public String id(PreventiveAction state) {
        return state.id();
      }

      @Override
      public long version(PreventiveAction state) {
        return state.version();
      }

      @Override
      public String status(PreventiveAction state) {
        return state.status().name();
      }

      @Override
      public Instant updatedAt(PreventiveAction state) {
        return state.updatedAt();
      }

      @Override
      public String writeState(PreventiveAction state) {
        return json.writeAction(state);
      }

      @Override
      public PreventiveAction readState(String text) {
        return json.readAction(text);
      }

      @Override
      public String recordId(PreventiveActionEvent event) {
        return event.actionId();
      }

      @Override
      public long sequence(PreventiveActionEvent event) {
        return event.sequence();
      }

      @Override
      public Instant at(PreventiveActionEvent event) {
        return event.at();
      }

      @Override
      public String actor(PreventiveActionEvent event) {
        return event.actor();
      }

      @Override
      public String writeEvent(PreventiveActionEvent event) {
        return json.writeEvent(event);
      }

      @Override
      public PreventiveActionEvent readEvent(String text) {
        return json.readActionEvent(text);
      }

      @Override
      public Optional<PreventiveAction> replay(List<PreventiveActionEvent> events) {
        return Optional.of(PreventiveActionHistory.replay(events));
      }
    });
  }

  /**
   * {@inheritDoc}
   *
   * @throws io.itsm.core.StaleRecordException if the stored version differs; nothing is stored
   * @throws IllegalArgumentException if the events are empty, of another preventive action, or not
   *     numbered
   *     on from {@code expectedVersion}
   * @throws JdbcStoreException if the database fails (the message says whether anything may have
   *     been stored)
   */
  @Override
  public void append(long expectedVersion, List<PreventiveActionEvent> events,
      PreventiveAction action) {
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(action, "action");
    records.append(expectedVersion, events, action);
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails, or the preventive action can be read neither
   *     from its
   *     state row nor from its events
   */
  @Override
  public Optional<PreventiveAction> find(String id) {
    return records.find(Objects.requireNonNull(id, "id"));
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails or an event cannot be read
   */
  @Override
  public List<PreventiveActionEvent> history(String id) {
    return records.history(Objects.requireNonNull(id, "id"));
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public List<PreventiveAction> find(ActionQuery query) {
    Objects.requireNonNull(query, "query");
    Set<String> statuses = query.statuses().stream().map(Enum::name)
        .collect(Collectors.toUnmodifiableSet());
    return records.find(statuses, query.reviewId().or(query::owner).or(query::team),
        query::matches);
  }

  /**
   * Counts the preventive actions stored.
   *
   * @return the number of preventive actions
   * @throws JdbcStoreException if the database fails
   */
  public long count() {
    return records.count();
  }

  @Override
  public String toString() {
    return "JdbcPreventiveActionRepository{" + AGGREGATE_TYPE + "}";
  }
}
