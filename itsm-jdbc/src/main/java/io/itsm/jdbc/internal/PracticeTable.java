package io.itsm.jdbc.internal;

import io.itsm.core.StaleRecordException;
import io.itsm.jdbc.JdbcStoreException;
import io.itsm.jdbc.internal.RecordTable.EventRow;
import io.itsm.jdbc.internal.RecordTable.StateRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The records of one event-sourced practice (configuration items, change requests,
 * announcements, ...) on a {@link RecordTable}: turns the practice's events and states into JSON
 * rows and back, and a lost optimistic race into the practice's {@link StaleRecordException}.
 *
 * <p>Thread-safe if the format is.
 *
 * @param <S> the state (a record with an id and a version)
 * @param <E> the event
 */
public final class PracticeTable<S, E> {

  /**
   * How one practice's records are written and read.
   *
   * @param <S> the state
   * @param <E> the event
   */
  public interface Format<S, E> {
    /**
     * The record's id.
     *
     * @param state the state
     * @return its id
     */
    String id(S state);

    /**
     * The record's version: the number of its events.
     *
     * @param state the state
     * @return its version
     */
    long version(S state);

    /**
     * The status searched by, if the record has one.
     *
     * @param state the state
     * @return its status
     */
    Optional<String> status(S state);

    /**
     * When the record last changed.
     *
     * @param state the state
     * @return the instant
     */
    Instant updatedAt(S state);

    /**
     * The state as JSON.
     *
     * @param state the state
     * @return the JSON object
     */
    String writeState(S state);

    /**
     * Reads a state.
     *
     * @param json the JSON object
     * @return the state
     */
    S readState(String json);

    /**
     * The event's number in its record's history.
     *
     * @param event the event
     * @return from 1
     */
    long sequence(E event);

    /**
     * The event's type.
     *
     * @param event the event
     * @return the type, as in the JSON
     */
    String type(E event);

    /**
     * When it happened.
     *
     * @param event the event
     * @return the instant
     */
    Instant at(E event);

    /**
     * Who did it.
     *
     * @param event the event
     * @return the actor's id
     */
    String actor(E event);

    /**
     * The event as JSON.
     *
     * @param event the event
     * @return the JSON object
     */
    String writeEvent(E event);

    /**
     * Reads an event.
     *
     * @param json the JSON object
     * @return the event
     */
    E readEvent(String json);
  }

  private final RecordTable table;
  private final String kind;
  private final Format<S, E> format;

  /**
   * Creates the records of one practice.
   *
   * @param table the practice's table
   * @param kind how errors name one record, such as {@code "configuration item"}
   * @param format how its records are written and read
   */
  public PracticeTable(RecordTable table, String kind, Format<S, E> format) {
    this.table = Objects.requireNonNull(table, "table");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.format = Objects.requireNonNull(format, "format");
  }

  /**
   * Appends a command's events and the record's new state in one transaction.
   *
   * @param expectedVersion the version the command read: 0 for a new record
   * @param events the events, numbered on from {@code expectedVersion}
   * @param newState the state after them
   * @throws StaleRecordException if the stored version differs (for a new record: it exists);
   *     nothing is stored then
   * @throws IllegalArgumentException if the events are empty or not numbered on from the version
   * @throws JdbcStoreException if the database fails
   */
  public void append(long expectedVersion, List<E> events, S newState) {
    RecordTable.Append a = rows(expectedVersion, events, newState);
    OptionalLong stored = table.append(expectedVersion, a.events(), a.newState());
    if (stored.isPresent()) {
      throw new StaleRecordException(kind, a.newState().id(), expectedVersion, stored.getAsLong());
    }
  }

  /**
   * Appends the events and new states of several records in one transaction: all are stored or
   * none.
   *
   * @param appends each record's expected version, events and new state
   * @throws StaleRecordException if a stored version differs; nothing of any record is stored then
   * @throws IllegalArgumentException if events are empty or not numbered on from the version, or
   *     two appends are to one record
   * @throws JdbcStoreException if the database fails (nothing is stored unless the message says
   *     the commit's outcome is unknown)
   */
  public void appendAll(List<Append<S, E>> appends) {
    Objects.requireNonNull(appends, "appends");
    List<RecordTable.Append> rows = new ArrayList<>(appends.size());
    for (Append<S, E> a : appends) {
      Objects.requireNonNull(a, "appends must not contain null");
      rows.add(rows(a.expectedVersion(), a.events(), a.newState()));
    }
    Optional<RecordTable.Stale> stale = table.appendAll(rows);
    if (stale.isPresent()) {
      RecordTable.Stale s = stale.get();
      throw new StaleRecordException(kind, s.id(), s.expectedVersion(), s.storedVersion());
    }
  }

  /**
   * One record's part of {@link #appendAll}.
   *
   * @param expectedVersion the version the command read: 0 for a new record
   * @param events the events, numbered on from {@code expectedVersion}
   * @param newState the state after them
   * @param <S> the state
   * @param <E> the event
   */
  public record Append<S, E>(long expectedVersion, List<E> events, S newState) {
    /** Validates. */
    public Append {
      Objects.requireNonNull(events, "events");
      Objects.requireNonNull(newState, "newState");
    }
  }

  private RecordTable.Append rows(long expectedVersion, List<E> events, S newState) {
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(newState, "newState");
    if (events.isEmpty()) {
      throw new IllegalArgumentException("events must not be empty");
    }
    List<EventRow> rows = new ArrayList<>(events.size());
    for (E e : events) {
      rows.add(new EventRow(format.sequence(e), format.type(e), format.at(e), format.actor(e),
          format.writeEvent(e)));
    }
    String id = format.id(newState);
    StateRow state = new StateRow(id, format.version(newState), format.status(newState),
        format.updatedAt(newState), format.writeState(newState));
    return new RecordTable.Append(expectedVersion, rows, state);
  }

  /**
   * Reads a record's latest state.
   *
   * @param id the id
   * @return the state, or empty
   * @throws JdbcStoreException if the database fails or the stored state cannot be read
   */
  public Optional<S> find(String id) {
    return table.find(Objects.requireNonNull(id, "id")).map(this::state);
  }

  /**
   * Reads the versioned state row of a record.
   *
   * @param id the id
   * @return the row, or empty
   * @throws JdbcStoreException if the database fails
   */
  public Optional<StateRow> row(String id) {
    return table.find(Objects.requireNonNull(id, "id"));
  }

  /**
   * Reads a record's events in order.
   *
   * @param id the id
   * @return the events; empty when there is no such record
   * @throws JdbcStoreException if the database fails or an event cannot be read
   */
  public List<E> history(String id) {
    Objects.requireNonNull(id, "id");
    List<E> out = new ArrayList<>();
    for (EventRow row : table.history(id)) {
      try {
        out.add(format.readEvent(row.payload()));
      } catch (RuntimeException e) {
        throw new JdbcStoreException("event #" + row.sequence() + " of " + kind + " " + id
            + " cannot be read: " + e.getMessage() + "; restore the record from a backup", id, e);
      }
    }
    return out;
  }

  /**
   * Reads every record's latest state, in id order.
   *
   * @return the states
   * @throws JdbcStoreException if the database fails or a stored state cannot be read
   */
  public List<S> all() {
    return table.all().stream().map(this::state).toList();
  }

  /**
   * Reads the latest state of the records in one status, in id order.
   *
   * @param status the status
   * @return the states
   * @throws JdbcStoreException if the database fails or a stored state cannot be read
   */
  public List<S> withStatus(String status) {
    return table.withStatus(Objects.requireNonNull(status, "status")).stream().map(this::state)
        .toList();
  }

  /**
   * Counts the records.
   *
   * @return the number of records
   * @throws JdbcStoreException if the database fails
   */
  public long count() {
    return table.count();
  }

  private S state(StateRow row) {
    try {
      return format.readState(row.state());
    } catch (RuntimeException e) {
      throw new JdbcStoreException("the stored state of " + kind + " " + row.id()
          + " cannot be read: " + e.getMessage() + "; restore the record from a backup", row.id(),
          e);
    }
  }

  @Override
  public String toString() {
    return "PracticeTable{" + table.aggregateType() + "}";
  }
}
