package io.itsm.jdbc.internal;

import io.itsm.jdbc.JdbcStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The records of one practice (one aggregate type: knowledge articles, problems, configuration
 * items, ...) in the store: their events in {@code itsm_event} and their latest state in {@code
 * itsm_record}, written in one transaction. A practice's repository adapter turns its events and
 * states into JSON and back; this class only moves rows.
 *
 * <p><b>Concurrency.</b> As for incidents: the key (aggregate type, id, sequence) of the events
 * table is unique, so of two appends based on the same version the second one's insert fails,
 * its transaction is rolled back and {@link #append} returns the version stored (the adapter
 * throws its practice's stale-version error); the state row is updated only if its version is
 * still the expected one.
 *
 * <p><b>Search keys.</b> A keyed table (configuration items, change requests, announcements)
 * also keeps each record's {@linkplain Key search keys} in {@code itsm_record_key}: written with
 * the record's first state and replaced with every later one, in the same transaction, so that
 * {@link #withKeys} finds the records of a key through an index.
 *
 * <p>Thread-safe: every method takes its own connection from the data source.
 */
public final class RecordTable {

  /** The longest key value stored; a longer one is not indexed (see {@link Key#indexable}). */
  public static final int MAX_KEY_VALUE_LENGTH = 512;

  /**
   * One search key of a record: a name, such as {@code "ci"} or {@code "team"}, and a value.
   *
   * @param name the key's name, 1 to 64 characters
   * @param value its value
   */
  public record Key(String name, String value) {
    /** Validates the key. */
    public Key {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      if (name.isEmpty() || name.length() > 64) {
        throw new IllegalArgumentException("a key name must be 1 to 64 characters: '" + name + "'");
      }
    }

    /**
     * Tells whether a value can be stored in the key index: at most {@value
     * #MAX_KEY_VALUE_LENGTH} characters (a longer one is left out of it, and a search for it
     * must not narrow by the index).
     *
     * @param value the value
     * @return whether it is stored
     */
    public static boolean indexable(String value) {
      return value.length() <= MAX_KEY_VALUE_LENGTH;
    }
  }

  /**
   * A condition of {@link #withKeys}: the record has key {@code name} with one of {@code values}.
   *
   * @param name the key's name
   * @param values the values, at least one, each {@linkplain Key#indexable indexable}
   */
  public record KeyFilter(String name, Set<String> values) {
    /** Validates and copies. */
    public KeyFilter {
      Objects.requireNonNull(name, "name");
      values = Set.copyOf(Objects.requireNonNull(values, "values"));
      if (values.isEmpty()) {
        throw new IllegalArgumentException("a key filter on " + name + " needs a value");
      }
      for (String v : values) {
        if (!Key.indexable(v)) {
          throw new IllegalArgumentException("the value of key " + name + " is longer than "
              + MAX_KEY_VALUE_LENGTH + " characters and not in the key index: search without it");
        }
      }
    }

    /**
     * A condition on one value.
     *
     * @param name the key's name
     * @param value the value
     * @return the filter
     */
    public static KeyFilter of(String name, String value) {
      return new KeyFilter(name, Set.of(value));
    }
  }

  /**
   * One event row of a record.
   *
   * @param sequence its number in the record's history, from 1
   * @param type the event type (the simple name of its class, as in the JSON)
   * @param at when it happened
   * @param actor who did it
   * @param payload the event as JSON
   */
  public record EventRow(long sequence, String type, Instant at, String actor, String payload) {
    /** Validates the row. */
    public EventRow {
      if (sequence < 1) {
        throw new IllegalArgumentException("sequence must be 1 or more, but was " + sequence);
      }
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(actor, "actor");
      Objects.requireNonNull(payload, "payload");
    }
  }

  /**
   * The latest state of a record.
   *
   * @param id the record's id
   * @param version the number of its events
   * @param status its status for searching, if it has one
   * @param updatedAt when it last changed
   * @param state the state as JSON
   * @param dueAt when the record is next due for work (a pending notification's next delivery),
   *     searched through an index by {@link #due}; empty for records without due work
   */
  public record StateRow(String id, long version, Optional<String> status, Instant updatedAt,
      String state, Optional<Instant> dueAt) {
    /** Validates the row. */
    public StateRow {
      Objects.requireNonNull(id, "id");
      if (version < 1) {
        throw new IllegalArgumentException("version must be 1 or more, but was " + version);
      }
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(updatedAt, "updatedAt");
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(dueAt, "dueAt");
    }

    /**
     * A row without due work.
     *
     * @param id the record's id
     * @param version the number of its events
     * @param status its status for searching, if it has one
     * @param updatedAt when it last changed
     * @param state the state as JSON
     */
    public StateRow(String id, long version, Optional<String> status, Instant updatedAt,
        String state) {
      this(id, version, status, updatedAt, state, Optional.empty());
    }
  }

  /**
   * One record's part of {@link #appendAll}.
   *
   * @param expectedVersion the version the command was based on (0 for a new record)
   * @param events the events, numbered {@code expectedVersion + 1} onwards
   * @param newState the state after them
   * @param keys the record's search keys in that state (a keyed table replaces the stored ones
   *     with them; others ignore them)
   */
  public record Append(long expectedVersion, List<EventRow> events, StateRow newState,
      Set<Key> keys) {
    /** Validates and copies. */
    public Append {
      events = List.copyOf(Objects.requireNonNull(events, "events"));
      Objects.requireNonNull(newState, "newState");
      keys = Set.copyOf(Objects.requireNonNull(keys, "keys"));
      check(expectedVersion, events, newState);
    }

    /**
     * An append without search keys.
     *
     * @param expectedVersion the version the command was based on (0 for a new record)
     * @param events the events, numbered {@code expectedVersion + 1} onwards
     * @param newState the state after them
     */
    public Append(long expectedVersion, List<EventRow> events, StateRow newState) {
      this(expectedVersion, events, newState, Set.of());
    }
  }

  /**
   * The record of an {@link #appendAll} that another writer changed first.
   *
   * @param id the record's id
   * @param expectedVersion the version the append was based on
   * @param storedVersion the version stored
   */
  public record Stale(String id, long expectedVersion, long storedVersion) {
    /** Validates. */
    public Stale {
      Objects.requireNonNull(id, "id");
    }
  }

  private final DataSource dataSource;
  private final Dialect dialect;
  private final String aggregateType;
  private final String what;
  private final boolean keyed;
  /** Whether the key index holds every record of the type (no backfill pending); only rises. */
  private volatile boolean keysReady;
  private final String insertEvent;
  private final String insertState;
  private final String updateState;

  /**
   * Creates the table of one aggregate type.
   *
   * @param dataSource the store's database
   * @param dialect its dialect
   * @param aggregateType the aggregate type, such as {@code "knowledge-article"} (at most 64
   *     characters; also the {@code aggregate} of its lines in a backup)
   * @param what how errors name one record, such as {@code "knowledge article"}
   */
  public RecordTable(DataSource dataSource, Dialect dialect, String aggregateType, String what) {
    this(dataSource, dialect, aggregateType, what, false);
  }

  /**
   * Creates the table of one aggregate type, keeping its records' search keys when {@code keyed}.
   *
   * @param dataSource the store's database
   * @param dialect its dialect
   * @param aggregateType the aggregate type, such as {@code "change-request"} (at most 64
   *     characters; also the {@code aggregate} of its lines in a backup)
   * @param what how errors name one record, such as {@code "change request"}
   * @param keyed whether every write replaces the record's rows in {@code itsm_record_key}
   */
  public RecordTable(DataSource dataSource, Dialect dialect, String aggregateType, String what,
      boolean keyed) {
    this.keyed = keyed;
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    this.aggregateType = Objects.requireNonNull(aggregateType, "aggregateType");
    this.what = Objects.requireNonNull(what, "what");
    if (aggregateType.isBlank() || aggregateType.length() > 64) {
      throw new IllegalArgumentException("aggregateType must be 1 to 64 characters: '"
          + aggregateType + "'");
    }
    String j = dialect.jsonParameter();
    this.insertEvent = "INSERT INTO itsm_event (aggregate_type, aggregate_id, sequence_no,"
        + " event_type, occurred_at, actor, payload) VALUES (?, ?, ?, ?, ?, ?, " + j + ")";
    this.insertState = "INSERT INTO itsm_record (aggregate_type, id, version, status, updated_at,"
        + " state, due_at) VALUES (?, ?, ?, ?, ?, " + j + ", ?)";
    this.updateState = "UPDATE itsm_record SET version = ?, status = ?, updated_at = ?, state = "
        + j + ", due_at = ? WHERE aggregate_type = ? AND id = ? AND version = ?";
  }

  /**
   * Returns the aggregate type of this table's records.
   *
   * @return the type
   */
  public String aggregateType() {
    return aggregateType;
  }

  /**
   * Tells whether this table keeps its records' search keys.
   *
   * @return whether it is keyed
   */
  public boolean keyed() {
    return keyed;
  }

  /**
   * Appends a command's events to a record and writes its new state, in one transaction.
   *
   * @param expectedVersion the version the command was based on (0 for a new record)
   * @param events the events, numbered {@code expectedVersion + 1} onwards
   * @param newState the state after them (its version is the last event's sequence)
   * @return empty when stored; the stored version when another writer came first (nothing of this
   *     append is stored)
   * @throws IllegalArgumentException if the events are empty or not numbered on from the version
   * @throws JdbcStoreException if the database fails (the transaction was rolled back unless the
   *     message says the commit's outcome is unknown)
   */
  public OptionalLong append(long expectedVersion, List<EventRow> events, StateRow newState) {
    return append(expectedVersion, events, newState, Set.of());
  }

  /**
   * Appends a command's events to a record and writes its new state and (keyed table) its search
   * keys, in one transaction.
   *
   * @param expectedVersion the version the command was based on (0 for a new record)
   * @param events the events, numbered {@code expectedVersion + 1} onwards
   * @param newState the state after them (its version is the last event's sequence)
   * @param keys the record's search keys in the new state
   * @return empty when stored; the stored version when another writer came first (nothing of this
   *     append is stored)
   * @throws IllegalArgumentException if the events are empty or not numbered on from the version
   * @throws JdbcStoreException if the database fails (the transaction was rolled back unless the
   *     message says the commit's outcome is unknown)
   */
  public OptionalLong append(long expectedVersion, List<EventRow> events, StateRow newState,
      Set<Key> keys) {
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(newState, "newState");
    Objects.requireNonNull(keys, "keys");
    check(expectedVersion, events, newState);
    Optional<Stale> stale = write(List.of(new Append(expectedVersion, events, newState, keys)));
    return stale.isPresent() ? OptionalLong.of(stale.get().storedVersion()) : OptionalLong.empty();
  }

  /**
   * Appends the events of several records and writes their new states, all in one transaction:
   * all of them are stored or none (an import, a change applying several updates).
   *
   * @param appends the records' appends, at most one per record
   * @return empty when stored; the first record that another writer changed first (nothing of any
   *     append is stored then)
   * @throws IllegalArgumentException if two appends are to the same record
   * @throws JdbcStoreException if the database fails (the transaction was rolled back unless the
   *     message says the commit's outcome is unknown)
   */
  public Optional<Stale> appendAll(List<Append> appends) {
    Objects.requireNonNull(appends, "appends");
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (Append a : appends) {
      Objects.requireNonNull(a, "appends must not contain null");
      if (!ids.add(a.newState().id())) {
        throw new IllegalArgumentException("appends must be at most one per record, but "
            + what + " " + a.newState().id() + " has several; merge its events into one append");
      }
    }
    return appends.isEmpty() ? Optional.empty() : write(appends);
  }

  private Optional<Stale> write(List<Append> appends) {
    Append first = appends.get(0);
    String id = first.newState().id();
    long expectedVersion = first.expectedVersion();
    int eventCount = 0;
    Connection c = null;
    boolean committing = false;
    try {
      c = dataSource.getConnection();
      c.setAutoCommit(false);
      for (Append a : appends) {
        id = a.newState().id();
        expectedVersion = a.expectedVersion();
        eventCount = a.events().size();
        if (!write(c, a)) {
          c.rollback();
          return Optional.of(new Stale(id, expectedVersion, storedVersion(c, id)));
        }
      }
      committing = true;
      c.commit();
      return Optional.empty();
    } catch (SQLException e) {
      Pools.discardIfLost(dataSource, c, e);
      rollbackQuietly(c);
      if (!committing && SqlErrors.isConflict(e)) {
        return Optional.of(new Stale(id, expectedVersion,
            storedVersionAfterConflict(c, id, expectedVersion)));
      }
      String message = "could not store " + eventCount + (eventCount == 1 ? " event" : " events")
          + " of " + what + " " + id + " (on version " + expectedVersion + ")"
          + (appends.size() == 1 ? "" : ", one of " + appends.size() + " " + what
              + "s written together") + ": " + SqlErrors.describe(e);
      throw new JdbcStoreException(committing
          ? message + "; the connection failed during the commit, so whether it was stored is"
              + " unknown: reload the " + what + " before retrying"
          : message + "; the transaction was rolled back and nothing was stored: retry", id, e);
    } finally {
      closeQuietly(c);
    }
  }

  /** Writes one record's events and state on the transaction; false when its version moved. */
  private boolean write(Connection c, Append a) throws SQLException {
    StateRow newState = a.newState();
    String id = newState.id();
    try (PreparedStatement ps = c.prepareStatement(insertEvent)) {
      for (EventRow e : a.events()) {
        ps.setString(1, aggregateType);
        ps.setString(2, id);
        ps.setLong(3, e.sequence());
        ps.setString(4, e.type());
        IncidentColumns.setInstant(ps, 5, e.at());
        ps.setString(6, e.actor());
        ps.setString(7, e.payload());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    if (a.expectedVersion() == 0) {
      try (PreparedStatement ps = c.prepareStatement(insertState)) {
        ps.setString(1, aggregateType);
        ps.setString(2, id);
        ps.setLong(3, newState.version());
        ps.setString(4, newState.status().orElse(null));
        IncidentColumns.setInstant(ps, 5, newState.updatedAt());
        ps.setString(6, newState.state());
        IncidentColumns.setDueAt(ps, 7, newState.dueAt());
        ps.executeUpdate();
      }
      writeKeys(c, id, false, a.keys());
      return true;
    }
    try (PreparedStatement ps = c.prepareStatement(updateState)) {
      ps.setLong(1, newState.version());
      ps.setString(2, newState.status().orElse(null));
      IncidentColumns.setInstant(ps, 3, newState.updatedAt());
      ps.setString(4, newState.state());
      IncidentColumns.setDueAt(ps, 5, newState.dueAt());
      ps.setString(6, aggregateType);
      ps.setString(7, id);
      ps.setLong(8, a.expectedVersion());
      if (ps.executeUpdate() != 1) {
        return false;
      }
    }
    writeKeys(c, id, true, a.keys());
    return true;
  }

  /** Replaces a record's key rows on the transaction (a keyed table only). */
  private void writeKeys(Connection c, String id, boolean replace, Set<Key> keys)
      throws SQLException {
    if (!keyed) {
      return;
    }
    if (replace) {
      deleteKeys(c, aggregateType, id);
    }
    insertKeys(c, aggregateType, id, keys);
  }

  /**
   * Deletes a record's key rows on a connection's transaction.
   *
   * @param c the connection
   * @param aggregateType the record's type
   * @param id its id
   * @throws SQLException if the database fails
   */
  static void deleteKeys(Connection c, String aggregateType, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "DELETE FROM itsm_record_key WHERE aggregate_type = ? AND record_id = ?")) {
      ps.setString(1, aggregateType);
      ps.setString(2, id);
      ps.executeUpdate();
    }
  }

  /**
   * Inserts a record's key rows on a connection's transaction, leaving out values longer than
   * {@value #MAX_KEY_VALUE_LENGTH} characters.
   *
   * @param c the connection
   * @param aggregateType the record's type
   * @param id its id
   * @param keys its keys
   * @throws SQLException if the database fails
   */
  static void insertKeys(Connection c, String aggregateType, String id, Set<Key> keys)
      throws SQLException {
    if (keys.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(INSERT_KEY)) {
      if (addKeys(ps, aggregateType, id, keys) > 0) {
        ps.executeBatch();
      }
    }
  }

  /** The statement that inserts one key row: type, record id, key name, key value. */
  public static final String INSERT_KEY = "INSERT INTO itsm_record_key (aggregate_type,"
      + " record_id, key_name, key_value) VALUES (?, ?, ?, ?)";

  /**
   * Adds a record's key rows to a batch of {@link #INSERT_KEY}, leaving out values longer than
   * {@value #MAX_KEY_VALUE_LENGTH} characters.
   *
   * @param ps the statement
   * @param aggregateType the record's type
   * @param id its id
   * @param keys its keys
   * @return the number of rows added
   * @throws SQLException if the database fails
   */
  public static int addKeys(PreparedStatement ps, String aggregateType, String id, Set<Key> keys)
      throws SQLException {
    int n = 0;
    for (Key k : keys) {
      if (Key.indexable(k.value())) {
        ps.setString(1, aggregateType);
        ps.setString(2, id);
        ps.setString(3, k.name());
        ps.setString(4, k.value());
        ps.addBatch();
        n++;
      }
    }
    return n;
  }


  /**
   * Reads a record's latest state.
   *
   * @param id the record's id
   * @return the state row, or empty when there is no such record
   * @throws JdbcStoreException if the database fails
   */
  public Optional<StateRow> find(String id) {
    Objects.requireNonNull(id, "id");
    List<StateRow> rows = states("SELECT id, version, status, updated_at, state, due_at FROM itsm_record"
        + " WHERE aggregate_type = ? AND id = ?", "read " + what + " " + id, id);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  /**
   * Reads the latest state of every record of this type, in id order.
   *
   * @return the rows
   * @throws JdbcStoreException if the database fails
   */
  public List<StateRow> all() {
    return states("SELECT id, version, status, updated_at, state, due_at FROM itsm_record"
        + " WHERE aggregate_type = ? ORDER BY id", "list the " + what + "s");
  }

  /**
   * Reads the latest state of the records of this type in one status, in id order (from the
   * status index).
   *
   * @param status the status
   * @return the rows
   * @throws JdbcStoreException if the database fails
   */
  public List<StateRow> withStatus(String status) {
    Objects.requireNonNull(status, "status");
    return states("SELECT id, version, status, updated_at, state, due_at FROM itsm_record"
        + " WHERE aggregate_type = ? AND status = ? ORDER BY id", "list the " + what + "s",
        status);
  }

  /**
   * Reads the latest state of the records of this type that have every key filter's key with one
   * of its values, and (unless {@code statuses} is empty) one of the statuses, in id order: the
   * first filter is read from the key index, the others and the statuses are checked on its rows
   * in the same statement.
   *
   * @param filters the key conditions, at least one (the most selective first)
   * @param statuses the statuses, or empty for any
   * @return the rows
   * @throws IllegalArgumentException if there is no filter
   * @throws JdbcStoreException if the database fails
   */
  public List<StateRow> withKeys(List<KeyFilter> filters, Set<String> statuses) {
    Objects.requireNonNull(filters, "filters");
    Objects.requireNonNull(statuses, "statuses");
    if (filters.isEmpty()) {
      throw new IllegalArgumentException("withKeys needs a key filter; use all() or withStatus()");
    }
    KeyFilter first = filters.get(0);
    List<String> params = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT r.id, r.version, r.status, r.updated_at,"
        + " r.state, r.due_at FROM itsm_record_key k JOIN itsm_record r"
        + " ON r.aggregate_type = k.aggregate_type AND r.id = k.record_id"
        + " WHERE k.aggregate_type = ? AND k.key_name = ? AND k.key_value");
    params.add(first.name());
    in(sql, params, new java.util.TreeSet<>(first.values()));
    if (!statuses.isEmpty()) {
      sql.append(" AND r.status");
      in(sql, params, new java.util.TreeSet<>(statuses));
    }
    for (KeyFilter f : filters.subList(1, filters.size())) {
      sql.append(" AND EXISTS (SELECT 1 FROM itsm_record_key x WHERE x.aggregate_type"
          + " = r.aggregate_type AND x.record_id = r.id AND x.key_name = ? AND x.key_value");
      params.add(f.name());
      in(sql, params, new java.util.TreeSet<>(f.values()));
      sql.append(')');
    }
    sql.append(" ORDER BY r.id");
    List<StateRow> rows = states(sql.toString(), "search the " + what + "s by " + first.name(),
        null, params.toArray(String[]::new));
    if (first.values().size() == 1) {
      return rows; // one key row per record at most
    }
    List<StateRow> distinct = new ArrayList<>(rows.size());
    for (StateRow row : rows) {
      if (distinct.isEmpty() || !distinct.get(distinct.size() - 1).id().equals(row.id())) {
        distinct.add(row);
      }
    }
    return distinct;
  }

  /**
   * Tells whether the key index holds the keys of every record of this type: true unless the
   * table is not keyed, or records stored before schema 4 still wait for theirs (a row of {@code
   * itsm_record_key_backfill}; see {@link #backfillKeys}). Until then a search must not narrow by
   * the key index. Once true, it stays true (read from the database until then).
   *
   * @return whether {@link #withKeys} finds every matching record
   * @throws JdbcStoreException if the database fails
   */
  public boolean keysReady() {
    if (!keyed) {
      return false;
    }
    if (keysReady) {
      return true;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT COUNT(*) FROM itsm_record_key_backfill WHERE aggregate_type = ?")) {
      ps.setString(1, aggregateType);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        keysReady = rs.getLong(1) == 0;
        return keysReady;
      }
    } catch (SQLException e) {
      throw new JdbcStoreException("could not read whether the search keys of the " + what
          + "s are filled in: " + SqlErrors.describe(e), null, e);
    }
  }

  /**
   * Fills in the key index for the records of this type stored before schema 4, when the
   * migration asked for it (a row of {@code itsm_record_key_backfill}): in one transaction, with
   * that row and the type's record rows locked, replaces every record's key rows with {@code
   * keysOf} its stored state and deletes the request. Idempotent: when there is no request (done
   * already, by this or another application instance), or another instance is filling them in
   * (its lock on the request is held), it does nothing.
   *
   * @param keysOf a record's keys from its id and stored state JSON
   * @return the number of records whose keys were written; 0 when there was nothing to do
   * @throws JdbcStoreException if the database fails (the transaction was rolled back; searches
   *     read every record of the type until a later call succeeds)
   */
  public long backfillKeys(java.util.function.BiFunction<String, String, Set<Key>> keysOf) {
    Objects.requireNonNull(keysOf, "keysOf");
    if (!keyed || keysReady()) {
      return 0;
    }
    Connection c = null;
    try {
      c = dataSource.getConnection();
      c.setAutoCommit(false);
      // another instance filling them in holds the row: leave it to that one (searches read
      // every record until it commits)
      try (PreparedStatement lock = c.prepareStatement("SELECT aggregate_type FROM"
          + " itsm_record_key_backfill WHERE aggregate_type = ? FOR UPDATE SKIP LOCKED")) {
        lock.setString(1, aggregateType);
        try (ResultSet rs = lock.executeQuery()) {
          if (!rs.next()) {
            c.rollback();
            keysReady();
            return 0;
          }
        }
      }
      java.util.Map<String, Set<Key>> keys = new java.util.LinkedHashMap<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT id, state FROM itsm_record"
          + " WHERE aggregate_type = ? FOR UPDATE")) {
        ps.setFetchSize(1_000);
        ps.setString(1, aggregateType);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            String id = rs.getString(1);
            keys.put(id, keysOf.apply(id, rs.getString(2)));
          }
        }
      }
      try (PreparedStatement del = c.prepareStatement(
              "DELETE FROM itsm_record_key WHERE aggregate_type = ? AND record_id = ?");
          PreparedStatement ins = c.prepareStatement(INSERT_KEY)) {
        int pending = 0;
        for (java.util.Map.Entry<String, Set<Key>> e : keys.entrySet()) {
          del.setString(1, aggregateType);
          del.setString(2, e.getKey());
          del.addBatch();
          addKeys(ins, aggregateType, e.getKey(), e.getValue());
          if (++pending == 1_000) {
            del.executeBatch();
            ins.executeBatch();
            pending = 0;
          }
        }
        if (pending > 0) {
          del.executeBatch();
          ins.executeBatch();
        }
      }
      try (PreparedStatement done = c.prepareStatement(
          "DELETE FROM itsm_record_key_backfill WHERE aggregate_type = ?")) {
        done.setString(1, aggregateType);
        done.executeUpdate();
      }
      c.commit();
      keysReady = true;
      return keys.size();
    } catch (SQLException e) {
      Pools.discardIfLost(dataSource, c, e);
      rollbackQuietly(c);
      throw new JdbcStoreException("could not fill in the search keys of the " + what + "s stored"
          + " before schema 4: " + SqlErrors.describe(e) + "; the transaction was rolled back, and"
          + " searches read every " + what + " until it is done: open the store again to retry",
          null, e);
    } finally {
      closeQuietly(c);
    }
  }

  private static void in(StringBuilder sql, List<String> params, Set<String> values) {
    if (values.size() == 1) {
      sql.append(" = ?");
    } else {
      sql.append(" IN (").append("?, ".repeat(values.size() - 1)).append("?)");
    }
    params.addAll(values);
  }

  /**
   * Reads a record's events in order.
   *
   * @param id the record's id
   * @return the events; empty when there is no such record
   * @throws JdbcStoreException if the database fails
   */
  public List<EventRow> history(String id) {
    Objects.requireNonNull(id, "id");
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT sequence_no, event_type, occurred_at,"
            + " actor, payload FROM itsm_event WHERE aggregate_type = ? AND aggregate_id = ?"
            + " ORDER BY sequence_no")) {
      ps.setString(1, aggregateType);
      ps.setString(2, id);
      List<EventRow> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new EventRow(rs.getLong(1), rs.getString(2), IncidentColumns.instant(rs, 3),
              rs.getString(4), rs.getString(5)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new JdbcStoreException("could not read the history of " + what + " " + id + ": "
          + SqlErrors.describe(e), id, e);
    }
  }

  /**
   * Counts the records of this type.
   *
   * @return the number of records
   * @throws JdbcStoreException if the database fails
   */
  public long count() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT COUNT(*) FROM itsm_record WHERE aggregate_type = ?")) {
      ps.setString(1, aggregateType);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new JdbcStoreException("could not count the " + what + "s: " + SqlErrors.describe(e),
          null, e);
    }
  }

  /**
   * Reads the records in a status that are due at {@code now} (due time at or before it), soonest
   * first, then by id, through the due index; at most {@code limit} of them.
   *
   * @param status the status, such as {@code "PENDING"}
   * @param now the instant
   * @param limit the most rows to read, 0 or more
   * @return the rows
   * @throws JdbcStoreException if the database fails
   */
  public List<StateRow> due(String status, Instant now, int limit) {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(now, "now");
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be 0 or more, but was " + limit);
    }
    if (limit == 0) {
      return List.of();
    }
    String sql = "SELECT id, version, status, updated_at, state, due_at FROM itsm_record"
        + " WHERE aggregate_type = ? AND status = ? AND due_at <= ? ORDER BY due_at, id"
        + " FETCH FIRST " + limit + " ROWS ONLY";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, aggregateType);
      ps.setString(2, status);
      IncidentColumns.setInstant(ps, 3, now);
      return rows(ps);
    } catch (SQLException e) {
      throw new JdbcStoreException("could not find the due " + what + "s: " + SqlErrors.describe(e),
          null, e);
    }
  }

  /**
   * Reads the earliest due time of the records in a status, through the due index.
   *
   * @param status the status
   * @return the instant, or empty when none of them has one
   * @throws JdbcStoreException if the database fails
   */
  public Optional<Instant> nextDue(String status) {
    Objects.requireNonNull(status, "status");
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT MIN(due_at) FROM itsm_record"
            + " WHERE aggregate_type = ? AND status = ?")) {
      ps.setString(1, aggregateType);
      ps.setString(2, status);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.ofNullable(IncidentColumns.instant(rs, 1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new JdbcStoreException("could not find when the next " + what + " is due: "
          + SqlErrors.describe(e), null, e);
    }
  }

  /**
   * Reads the records in a status that have no due time (rows written before schema 3, or
   * restored from a backup), for the adapter to set it with {@link #setDue}.
   *
   * @param status the status
   * @return the rows
   * @throws JdbcStoreException if the database fails
   */
  public List<StateRow> withStatusAndNoDueTime(String status) {
    Objects.requireNonNull(status, "status");
    return states("SELECT id, version, status, updated_at, state, due_at FROM itsm_record"
        + " WHERE aggregate_type = ? AND status = ? AND due_at IS NULL ORDER BY id",
        "list the " + what + "s without a due time", status);
  }

  /**
   * Sets a record's due time, if its version is still {@code version} (a later write sets its
   * own).
   *
   * @param id the record's id
   * @param version the version the due time was computed from
   * @param due the due time
   * @return whether the row was changed
   * @throws JdbcStoreException if the database fails
   */
  public boolean setDue(String id, long version, Instant due) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(due, "due");
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("UPDATE itsm_record SET due_at = ?"
            + " WHERE aggregate_type = ? AND id = ? AND version = ?")) {
      IncidentColumns.setDueAt(ps, 1, Optional.of(due));
      ps.setString(2, aggregateType);
      ps.setString(3, id);
      ps.setLong(4, version);
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new JdbcStoreException("could not set the due time of " + what + " " + id + ": "
          + SqlErrors.describe(e), id, e);
    }
  }

  /** The store's database (for the record ids' counter and the practices' text search). */
  DataSource dataSource() {
    return dataSource;
  }

  /** The database's dialect. */
  Dialect dialect() {
    return dialect;
  }

  private List<StateRow> states(String sql, String doing, String... params) {
    return states(sql, doing, params.length == 0 ? null : params[0], params);
  }

  private List<StateRow> states(String sql, String doing, String recordId, String[] params) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, aggregateType);
      for (int i = 0; i < params.length; i++) {
        ps.setString(i + 2, params[i]);
      }
      return rows(ps);
    } catch (SQLException e) {
      throw new JdbcStoreException("could not " + doing + ": " + SqlErrors.describe(e),
          recordId, e);
    }
  }

  private static List<StateRow> rows(PreparedStatement ps) throws SQLException {
    List<StateRow> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new StateRow(rs.getString(1), rs.getLong(2), Optional.ofNullable(rs.getString(3)),
            IncidentColumns.instant(rs, 4), rs.getString(5),
            Optional.ofNullable(IncidentColumns.instant(rs, 6))));
      }
    }
    return out;
  }

  private static void check(long expectedVersion, List<EventRow> events, StateRow newState) {
    if (events.isEmpty()) {
      throw new IllegalArgumentException("events must not be empty");
    }
    if (expectedVersion < 0) {
      throw new IllegalArgumentException("expectedVersion must be 0 or more, but was "
          + expectedVersion);
    }
    long seq = expectedVersion;
    for (EventRow e : events) {
      Objects.requireNonNull(e, "events must not contain null");
      if (e.sequence() != ++seq) {
        throw new IllegalArgumentException("events of " + newState.id() + " must be numbered "
            + (expectedVersion + 1) + " to " + (expectedVersion + events.size()) + ", but one is "
            + e.type() + " #" + e.sequence());
      }
    }
    if (newState.version() != seq) {
      throw new IllegalArgumentException("the new state of " + newState.id() + " must have version "
          + seq + ", but has " + newState.version());
    }
  }

  private long storedVersionAfterConflict(Connection c, String id, long expectedVersion) {
    try {
      return storedVersion(c, id);
    } catch (SQLException e) {
      return expectedVersion + 1;
    }
  }

  private long storedVersion(Connection c, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT version FROM itsm_record WHERE aggregate_type = ? AND id = ?")) {
      ps.setString(1, aggregateType);
      ps.setString(2, id);
      try (ResultSet rs = ps.executeQuery()) {
        long v = rs.next() ? rs.getLong(1) : 0;
        c.rollback();
        return v;
      }
    }
  }

  private static void rollbackQuietly(Connection c) {
    if (c != null) {
      try {
        c.rollback();
      } catch (SQLException ignored) {
        // the connection is gone: the database rolls the transaction back
      }
    }
  }

  private static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // nothing to do
      }
    }
  }
}
