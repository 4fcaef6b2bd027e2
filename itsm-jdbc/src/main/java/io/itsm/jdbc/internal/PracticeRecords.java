package io.itsm.jdbc.internal;

import io.itsm.core.StaleRecordException;
import io.itsm.jdbc.JdbcStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The records of one event-sourced practice on a {@link RecordTable} — problems, reviews,
 * preventive actions, surveys, configuration items, change requests, announcements: its
 * repository SPI is "an event history with the current state beside it". Turns the practice's
 * events and states into JSON rows and back, and a lost optimistic race into {@link
 * StaleRecordException}; {@link #appendAll} writes several records in one transaction.
 *
 * <p><b>Unreadable rows.</b> A state row that does not parse (edited by hand) is rebuilt from the
 * record's events, with a warning logged, when the codec {@linkplain Codec#replay replays}
 * (the improvement practices); otherwise (the CMDB, changes, announcements) reading it throws
 * {@link JdbcStoreException} naming the record and asking for a restore from a backup. An event
 * that does not parse makes {@link #history} and {@link #find(String)} throw {@link
 * JdbcStoreException} naming the record and the sequence; {@link #find(Set, Optional, Predicate)}
 * leaves such a record out, with an error logged, while {@link #all()} and {@link #withStatus}
 * throw. Other records are unaffected.
 *
 * <p>Thread-safe: every call takes its own connection; the codec must be thread-safe.
 *
 * @param <S> the record's state
 * @param <E> its event type
 */
public final class PracticeRecords<S, E> {

  /**
   * How one practice's states and events look in the table.
   *
   * <p>Implementations must be thread-safe.
   *
   * @param <S> the record's state
   * @param <E> its event type
   */
  public interface Codec<S, E> {

    /**
     * Returns a state's id.
     *
     * @param state the state
     * @return the id
     */
    String id(S state);

    /**
     * Returns a state's version (the number of its events).
     *
     * @param state the state
     * @return the version
     */
    long version(S state);

    /**
     * Returns a state's status, the indexed column.
     *
     * @param state the state
     * @return the status name
     */
    String status(S state);

    /**
     * Returns when a state last changed.
     *
     * @param state the state
     * @return the instant
     */
    Instant updatedAt(S state);

    /**
     * Writes a state as JSON.
     *
     * @param state the state
     * @return the JSON
     */
    String writeState(S state);

    /**
     * Reads a state.
     *
     * @param json the JSON
     * @return the state
     * @throws RuntimeException if the JSON is not a state
     */
    S readState(String json);

    /**
     * Returns the id of the record an event belongs to.
     *
     * @param event the event
     * @return the record's id
     */
    String recordId(E event);

    /**
     * Returns an event's sequence.
     *
     * @param event the event
     * @return the sequence, from 1
     */
    long sequence(E event);

    /**
     * Returns when an event happened.
     *
     * @param event the event
     * @return the instant
     */
    Instant at(E event);

    /**
     * Returns who did it.
     *
     * @param event the event
     * @return the actor's id
     */
    String actor(E event);

    /**
     * Writes an event as JSON.
     *
     * @param event the event
     * @return the JSON
     */
    String writeEvent(E event);

    /**
     * Reads an event.
     *
     * @param json the JSON
     * @return the event
     * @throws RuntimeException if the JSON is not an event of this practice
     */
    E readEvent(String json);

    /**
     * Rebuilds a state from its events, for a state row that cannot be read. The default does not
     * rebuild: reading such a row then fails, naming the record.
     *
     * @param events the events, oldest first
     * @return the state, or empty when this practice does not rebuild states
     */
    default Optional<S> replay(List<E> events) {
      return Optional.empty();
    }

    /**
     * Returns a state's search keys, kept in the key index by a {@linkplain RecordTable#keyed()
     * keyed} table and replaced whenever the state is written. The default has none.
     *
     * @param state the state
     * @return the keys
     */
    default Set<RecordTable.Key> keys(S state) {
      return Set.of();
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(PracticeRecords.class);

  /** Values the text pre-filter takes: written alike by Jackson and by PostgreSQL's JSONB. */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._@:+\\-_]{1,200}");

  private final RecordTable table;
  private final DataSource dataSource;
  private final Dialect dialect;
  private final String what;
  private final Codec<S, E> codec;

  /**
   * Creates the records of one practice.
   *
   * @param table the practice's table
   * @param dataSource the store's database (for the text pre-filter of {@link #find(Set,
   *     Optional, Predicate)})
   * @param dialect its dialect
   * @param what how errors name one record, such as {@code "post-incident review"}
   * @param codec how states and events look as JSON
   */
  public PracticeRecords(RecordTable table, DataSource dataSource, Dialect dialect, String what,
      Codec<S, E> codec) {
    this.table = Objects.requireNonNull(table, "table");
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    this.what = Objects.requireNonNull(what, "what");
    this.codec = Objects.requireNonNull(codec, "codec");
  }

  /**
   * Creates the records of one practice on the table's database.
   *
   * @param table the practice's table
   * @param what how errors name one record, such as {@code "configuration item"}
   * @param codec how states and events look as JSON
   */
  public PracticeRecords(RecordTable table, String what, Codec<S, E> codec) {
    this(table, Objects.requireNonNull(table, "table").dataSource(), table.dialect(), what, codec);
  }

  /**
   * Returns the table.
   *
   * @return the table
   */
  public RecordTable table() {
    return table;
  }

  /**
   * Appends a command's events and writes the new state, in one transaction, if the stored
   * version is still {@code expectedVersion}.
   *
   * @param expectedVersion the version the command read, 0 for a new record
   * @param events the events, numbered on from {@code expectedVersion}
   * @param state the state after them
   * @throws StaleRecordException if the stored version differs; nothing is stored
   * @throws IllegalArgumentException if the events are empty, belong to another record or are
   *     not numbered on from the version, or the state's version is not the last event's
   * @throws JdbcStoreException if the database fails (nothing is stored unless the message says
   *     the commit's outcome is unknown)
   */
  public void append(long expectedVersion, List<? extends E> events, S state) {
    RecordTable.Append rows = rows(expectedVersion, events, state);
    OptionalLong stored = table.append(expectedVersion, rows.events(), rows.newState(),
        rows.keys());
    if (stored.isPresent()) {
      throw new StaleRecordException(what, codec.id(state), expectedVersion, stored.getAsLong());
    }
  }

  /**
   * Appends the events and writes the new states of several records in one transaction: all of
   * them are stored or, when one is stale or the database fails, none.
   *
   * @param appends each record's expected version, events and new state
   * @throws StaleRecordException if a stored version differs; nothing of any record is stored
   * @throws IllegalArgumentException as {@link #append}, or if two appends are to one record
   * @throws JdbcStoreException if the database fails (nothing is stored unless the message says
   *     the commit's outcome is unknown)
   */
  public void appendAll(List<Append<S, E>> appends) {
    Objects.requireNonNull(appends, "appends");
    List<RecordTable.Append> rows = new ArrayList<>(appends.size());
    for (Append<S, E> a : appends) {
      Objects.requireNonNull(a, "appends must not contain null");
      rows.add(rows(a.expectedVersion(), a.events(), a.state()));
    }
    Optional<RecordTable.Stale> stale = table.appendAll(rows);
    if (stale.isPresent()) {
      RecordTable.Stale x = stale.get();
      throw new StaleRecordException(what, x.id(), x.expectedVersion(), x.storedVersion());
    }
  }

  /**
   * One record's part of {@link #appendAll}.
   *
   * @param expectedVersion the version the command read, 0 for a new record
   * @param events the events, numbered on from {@code expectedVersion}
   * @param state the state after them
   * @param <S> the record's state
   * @param <E> its event type
   */
  public record Append<S, E>(long expectedVersion, List<? extends E> events, S state) {
    /** Validates. */
    public Append {
      Objects.requireNonNull(events, "events");
      Objects.requireNonNull(state, "state");
    }
  }

  private RecordTable.Append rows(long expectedVersion, List<? extends E> events, S state) {
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(state, "state");
    String id = codec.id(state);
    if (events.isEmpty()) {
      throw new IllegalArgumentException("append of " + what + " " + id
          + " needs at least one event");
    }
    List<RecordTable.EventRow> rows = new ArrayList<>(events.size());
    for (E e : events) {
      Objects.requireNonNull(e, "events must not contain null");
      if (!codec.recordId(e).equals(id)) {
        throw new IllegalArgumentException("an event of " + what + " " + codec.recordId(e)
            + " cannot be appended to " + what + " " + id);
      }
      rows.add(new RecordTable.EventRow(codec.sequence(e), e.getClass().getSimpleName(),
          codec.at(e), codec.actor(e), codec.writeEvent(e)));
    }
    RecordTable.StateRow row = new RecordTable.StateRow(id, codec.version(state),
        Optional.of(codec.status(state)), codec.updatedAt(state), codec.writeState(state));
    return new RecordTable.Append(expectedVersion, rows, row,
        table.keyed() ? codec.keys(state) : Set.of());
  }

  /**
   * Finds a record's current state.
   *
   * @param id the id
   * @return the state, or empty when there is no such record
   * @throws JdbcStoreException if the database fails, or neither the state row nor the events of
   *     the record can be read
   */
  public Optional<S> find(String id) {
    Objects.requireNonNull(id, "id");
    return table.find(id).map(this::state);
  }

  /**
   * Returns a record's history.
   *
   * @param id the id
   * @return the events, oldest first; empty when there is no such record
   * @throws JdbcStoreException if the database fails or an event cannot be read
   */
  public List<E> history(String id) {
    Objects.requireNonNull(id, "id");
    List<E> out = new ArrayList<>();
    for (RecordTable.EventRow row : table.history(id)) {
      out.add(event(id, row));
    }
    return List.copyOf(out);
  }

  /**
   * Finds the records in some statuses (all when {@code statuses} is empty) that match a
   * predicate, ordered by id. Each status is read from the status index. When {@code containing}
   * is given, the database first keeps only the rows whose state holds that value as a JSON
   * string (a text search over the type's rows, so that a query by incident or caller does not
   * parse every record); the predicate then decides exactly.
   *
   * @param statuses the status names, or empty for every record
   * @param containing a string value every matching record's state holds (an incident id, a
   *     caller, an owner), or empty
   * @param matches the whole query
   * @return the states
   * @throws JdbcStoreException if the database fails
   */
  public List<S> find(Set<String> statuses, Optional<String> containing,
      Predicate<? super S> matches) {
    Objects.requireNonNull(statuses, "statuses");
    Objects.requireNonNull(containing, "containing");
    Objects.requireNonNull(matches, "matches");
    List<RecordTable.StateRow> rows;
    if (containing.isPresent() && PLAIN.matcher(containing.get()).matches()) {
      rows = containing(new TreeSet<>(statuses), containing.get());
    } else {
      rows = rowsIn(statuses);
    }
    rows.sort(Comparator.comparing(RecordTable.StateRow::id));
    List<S> out = new ArrayList<>();
    for (RecordTable.StateRow row : rows) {
      S s;
      try {
        s = state(row);
      } catch (JdbcStoreException e) {
        LOG.error("{} {} is left out of a search: {}", what, row.id(), e.getMessage());
        continue;
      }
      if (matches.test(s)) {
        out.add(s);
      }
    }
    return out;
  }

  /**
   * Reads every record's latest state, in id order.
   *
   * @return the states
   * @throws JdbcStoreException if the database fails or a stored state cannot be read (nor
   *     rebuilt)
   */
  public List<S> all() {
    return table.all().stream().map(this::state).toList();
  }

  /**
   * Reads the latest state of the records in one status (through the status index), in id order.
   *
   * @param status the status name
   * @return the states
   * @throws JdbcStoreException if the database fails or a stored state cannot be read (nor
   *     rebuilt)
   */
  public List<S> withStatus(String status) {
    return table.withStatus(Objects.requireNonNull(status, "status")).stream().map(this::state)
        .toList();
  }

  /**
   * Reads the latest state of the records that have every filter's key (the first one read from
   * the key index) and one of the statuses (any when empty), in id order.
   *
   * @param filters the key conditions, the most selective first; at least one
   * @param statuses the status names, or empty for any
   * @return the states
   * @throws IllegalArgumentException if there is no filter
   * @throws JdbcStoreException if the database fails or a stored state cannot be read (nor
   *     rebuilt)
   */
  public List<S> withKeys(List<RecordTable.KeyFilter> filters, Set<String> statuses) {
    return table.withKeys(filters, statuses).stream().map(this::state).toList();
  }

  /**
   * Computes the search keys of a stored state (for a backfill of the key index or a restored
   * backup).
   *
   * @param stateJson the state as stored
   * @return the keys
   * @throws RuntimeException if the JSON is not a state of this practice
   */
  public Set<RecordTable.Key> keysOf(String stateJson) {
    return codec.keys(codec.readState(Objects.requireNonNull(stateJson, "stateJson")));
  }

  /**
   * Finds the candidates of a search, in id order: through the key index when there is a key
   * filter and the index is {@linkplain RecordTable#keysReady ready}, otherwise the records in
   * the statuses from the status index (every record when there is none). The caller filters the
   * candidates by its whole query.
   *
   * @param filters the key conditions the query names, the most selective first; may be empty
   * @param statuses the status names the query allows, or empty for any
   * @return the states
   * @throws JdbcStoreException if the database fails or a stored state cannot be read (nor
   *     rebuilt)
   */
  public List<S> candidates(List<RecordTable.KeyFilter> filters, Set<String> statuses) {
    Objects.requireNonNull(filters, "filters");
    Objects.requireNonNull(statuses, "statuses");
    if (!filters.isEmpty() && table.keysReady()) {
      return withKeys(filters, statuses);
    }
    List<RecordTable.StateRow> rows = rowsIn(statuses);
    rows.sort(Comparator.comparing(RecordTable.StateRow::id));
    return rows.stream().map(this::state).toList();
  }

  /** The rows in the statuses, each read from the status index (every row when there is none). */
  private List<RecordTable.StateRow> rowsIn(Set<String> statuses) {
    if (statuses.isEmpty()) {
      return new ArrayList<>(table.all());
    }
    List<RecordTable.StateRow> rows = new ArrayList<>();
    for (String s : new TreeSet<>(statuses)) {
      rows.addAll(table.withStatus(s));
    }
    return rows;
  }

  /**
   * Fills in the key index for the records stored before schema 4, if the migration asked for it
   * (see {@link RecordTable#backfillKeys}). A stored state that cannot be read gets no keys (an
   * error is logged; reading that record fails anyway).
   *
   * @return the number of records whose keys were written
   * @throws JdbcStoreException if the database fails (nothing was written)
   */
  public long backfillKeys() {
    long n = table.backfillKeys((id, json) -> {
      try {
        return keysOf(json);
      } catch (RuntimeException e) {
        LOG.error("{} {} gets no search keys: its stored state cannot be read ({})", what, id,
            e.getMessage());
        return Set.of();
      }
    });
    if (n > 0) {
      LOG.info("search keys of {} {}s stored before schema 4 filled in", n, what);
    }
    return n;
  }

  /** The rows in the statuses whose state text holds {@code "value"}. */
  private List<RecordTable.StateRow> containing(Set<String> statuses, String value) {
    StringBuilder sql = new StringBuilder("SELECT id, version, status, updated_at, state"
        + " FROM itsm_record WHERE aggregate_type = ?");
    if (!statuses.isEmpty()) {
      sql.append(" AND status IN (").append("?, ".repeat(statuses.size() - 1)).append("?)");
    }
    sql.append(" AND ").append(dialect == Dialect.POSTGRESQL ? "CAST(state AS TEXT)" : "state")
        .append(" LIKE ? ESCAPE '!'");
    String pattern = "%\"" + value.replace("!", "!!").replace("%", "!%").replace("_", "!_")
        + "\"%";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql.toString())) {
      int i = 1;
      ps.setString(i++, table.aggregateType());
      for (String s : statuses) {
        ps.setString(i++, s);
      }
      ps.setString(i, pattern);
      List<RecordTable.StateRow> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new RecordTable.StateRow(rs.getString(1), rs.getLong(2),
              Optional.ofNullable(rs.getString(3)), IncidentColumns.instant(rs, 4),
              rs.getString(5)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new JdbcStoreException("could not search the " + what + "s holding '" + value + "': "
          + SqlErrors.describe(e), null, e);
    }
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

  private S state(RecordTable.StateRow row) {
    S read = null;
    RuntimeException cause = null;
    String problem;
    try {
      read = codec.readState(row.state());
      if (codec.id(read).equals(row.id()) && codec.version(read) == row.version()) {
        return read;
      }
      problem = "is of " + codec.id(read) + " version " + codec.version(read)
          + ", not of its row (version " + row.version() + ")";
    } catch (RuntimeException e) {
      cause = e;
      problem = "cannot be read (" + e.getMessage() + ")";
    }
    List<E> events = history(row.id());
    Optional<S> replayed;
    try {
      replayed = events.isEmpty() ? Optional.empty() : codec.replay(events);
    } catch (RuntimeException e) {
      throw new JdbcStoreException("the events of " + what + " " + row.id() + " do not replay: "
          + e.getMessage() + "; restore it from a backup", row.id(), e);
    }
    if (replayed.isPresent()) {
      LOG.warn("the stored state of {} {} {}: rebuilt from its events", what, row.id(), problem);
      return replayed.get();
    }
    if (read != null) {
      return read; // a practice that does not rebuild reads the state as stored
    }
    throw new JdbcStoreException("the stored state of " + what + " " + row.id()
        + " cannot be read: " + cause.getMessage() + (events.isEmpty()
            ? " and it has no events to rebuild it from" : "")
        + "; restore the record from a backup", row.id(), cause);
  }

  private E event(String id, RecordTable.EventRow row) {
    E e;
    try {
      e = codec.readEvent(row.payload());
    } catch (RuntimeException ex) {
      throw new JdbcStoreException("event #" + row.sequence() + " of " + what + " " + id
          + " cannot be read: " + ex.getMessage() + "; restore it from a backup", id, ex);
    }
    if (!codec.recordId(e).equals(id) || codec.sequence(e) != row.sequence()) {
      throw new JdbcStoreException("event #" + row.sequence() + " of " + what + " " + id
          + " cannot be read: its payload is event #" + codec.sequence(e) + " of "
          + codec.recordId(e) + "; restore it from a backup", id, null);
    }
    return e;
  }

  @Override
  public String toString() {
    return "PracticeRecords{" + table.aggregateType() + "}";
  }
}
