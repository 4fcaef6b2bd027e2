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
 * <p>Thread-safe: every method takes its own connection from the data source.
 */
public final class RecordTable {

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
   */
  public record Append(long expectedVersion, List<EventRow> events, StateRow newState) {
    /** Validates and copies. */
    public Append {
      events = List.copyOf(Objects.requireNonNull(events, "events"));
      Objects.requireNonNull(newState, "newState");
      check(expectedVersion, events, newState);
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
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(newState, "newState");
    check(expectedVersion, events, newState);
    Optional<Stale> stale = write(List.of(new Append(expectedVersion, events, newState)));
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
      return ps.executeUpdate() == 1;
    }
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
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, aggregateType);
      for (int i = 0; i < params.length; i++) {
        ps.setString(i + 2, params[i]);
      }
      return rows(ps);
    } catch (SQLException e) {
      throw new JdbcStoreException("could not " + doing + ": " + SqlErrors.describe(e),
          params.length == 0 ? null : params[0], e);
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
