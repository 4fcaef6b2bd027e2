package io.itsm.jdbc;

import io.itsm.core.ItsmException;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.event.IncidentHistory;
import io.itsm.core.incident.Incident;
import io.itsm.core.json.ItsmJson;
import io.itsm.core.repository.IncidentQuery;
import io.itsm.core.repository.IncidentRepository;
import io.itsm.core.repository.StaleVersionException;
import io.itsm.core.repository.UnreadableRecordException;
import io.itsm.jdbc.internal.Dialect;
import io.itsm.jdbc.internal.IncidentColumns;
import io.itsm.jdbc.internal.Pools;
import io.itsm.jdbc.internal.RecordCache;
import io.itsm.jdbc.internal.SqlErrors;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Incidents in a relational database: each command's events are appended to the events table and
 * the incident's state row is written <em>in the same transaction</em>; the events are the truth,
 * the state row a snapshot for reading and searching. Get one from {@link JdbcStore#incidents()}.
 *
 * <pre>{@code
 * JdbcStore store = JdbcStore.open("jdbc:h2:./desk");
 * ServiceDesk desk = ServiceDesk.builder().repository(store.incidents()).build();
 * }</pre>
 *
 * <p><b>Concurrency.</b> The key (aggregate, incident, sequence) of the events table is unique: of
 * two commands based on the same version — in two threads, or two application instances on one
 * database — the second one's insert fails, its transaction is rolled back, and it gets {@link
 * StaleVersionException} (nothing of it is stored; reload and retry). The state row is then
 * updated only if its version is still the one the command read.
 *
 * <p><b>Due work.</b> Each append stores the incident's next due time (column {@code
 * next_due_at}) in the same transaction; {@link #findDue} reads only the due rows from its index,
 * so the desk's {@code tick} costs what is due, not what is stored.
 *
 * <p><b>Statements per command.</b> {@link #append} runs one batch insert for all the command's
 * events and one insert or update of the state row, then commits; {@link #find(String)} and
 * {@link #history} are one query each; {@link #find(IncidentQuery)} is one query using the
 * indexes on status, team, assignee, caller and external id; {@link #findDue} and {@link
 * #reschedule} one each; a new incident id is one sequence query. No count grows with the number
 * of events or incidents.
 *
 * <p><b>Cache.</b> Parsed states and events of recently used incidents are kept, keyed by version
 * and sequence, so they are never stale (see {@link JdbcStore.Builder#cacheSize}).
 *
 * <p><b>Unreadable records.</b> An event whose payload no longer parses (a row edited by hand)
 * makes {@link #history} throw {@link UnreadableRecordException} naming the incident and the
 * sequence. A state row that does not parse is rebuilt from the events (and a warning logged);
 * {@link #find(IncidentQuery)} leaves out, with an error logged, an incident that can be read
 * neither way. Other incidents are unaffected. {@link JdbcStore#check()} lists every such record.
 *
 * <p>Thread-safe: every method takes its own connection from the data source.
 */
public final class JdbcIncidentRepository implements IncidentRepository,
    io.itsm.core.repository.BulkIncidentAppend {

  /** The aggregate type of incidents in the events table. */
  public static final String AGGREGATE_TYPE = "incident";

  private static final Logger LOG = LoggerFactory.getLogger(JdbcIncidentRepository.class);

  private final DataSource dataSource;
  private final Dialect dialect;
  private final ItsmJson json;
  private final IncidentIdFormat idFormat;
  private final RecordCache cache;
  private final String insertEvent;
  private final String insertState;
  private final String updateState;

  JdbcIncidentRepository(DataSource dataSource, Dialect dialect, ItsmJson json, IncidentIdFormat idFormat,
      int cacheSize) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.json = json;
    this.idFormat = idFormat;
    this.cache = new RecordCache(cacheSize);
    String j = dialect.jsonParameter();
    this.insertEvent = "INSERT INTO itsm_event (aggregate_type, aggregate_id, sequence_no, event_type,"
        + " occurred_at, actor, payload) VALUES ('" + AGGREGATE_TYPE + "', ?, ?, ?, ?, ?, " + j + ")";
    this.insertState = "INSERT INTO itsm_incident (id, " + IncidentColumns.NAMES + ")"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " + j + ")";
    this.updateState = "UPDATE itsm_incident SET version = ?, status = ?, team = ?, assignee = ?,"
        + " caller_id = ?, external_id = ?, opened_at = ?, updated_at = ?, next_due_at = ?,"
        + " state = " + j + " WHERE id = ? AND version = ?";
  }

  @Override
  public void append(long expectedVersion, List<IncidentEvent> events, Incident newState,
      Optional<Instant> nextDueAt) {
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(newState, "newState");
    Objects.requireNonNull(nextDueAt, "nextDueAt");
    checkAppend(expectedVersion, events, newState);
    String id = newState.id();
    List<String> payloads = new ArrayList<>(events.size());
    for (IncidentEvent e : events) {
      payloads.add(json.writeEvent(e));
    }
    String state = json.writeIncident(newState);
    Connection c = null;
    boolean committing = false;
    try {
      c = dataSource.getConnection();
      c.setAutoCommit(false);
      insertEvents(c, id, events, payloads);
      if (expectedVersion == 0) {
        try (PreparedStatement ps = c.prepareStatement(insertState)) {
          ps.setString(1, id);
          IncidentColumns.bind(ps, 2, newState, nextDueAt, state);
          ps.executeUpdate();
        }
      } else {
        int updated;
        try (PreparedStatement ps = c.prepareStatement(updateState)) {
          IncidentColumns.bind(ps, 1, newState, nextDueAt, state);
          ps.setString(IncidentColumns.COUNT + 1, id);
          ps.setLong(IncidentColumns.COUNT + 2, expectedVersion);
          updated = ps.executeUpdate();
        }
        if (updated != 1) {
          c.rollback();
          throw new StaleVersionException(id, expectedVersion, storedVersion(c, id));
        }
      }
      committing = true;
      c.commit();
      cache.appended(expectedVersion, events, newState);
    } catch (SQLException e) {
      Pools.discardIfLost(dataSource, c, e);
      rollbackQuietly(c);
      if (!committing && SqlErrors.isConflict(e)) {
        throw new StaleVersionException(id, expectedVersion, storedVersionAfterConflict(c, id, expectedVersion));
      }
      throw appendFailed(id, expectedVersion, events.size(), committing, e);
    } finally {
      closeQuietly(c);
    }
  }

  /**
   * Stores new incidents in one transaction: every event row in one JDBC batch, every state row
   * in another, one commit. All or none: on any failure the transaction is rolled back.
   *
   * @param incidents new incidents with distinct ids
   * @throws JdbcStoreException if one of them is stored already or the database fails (none is
   *     stored, unless the message says the commit's outcome is unknown)
   * @throws io.itsm.core.ValidationException if two of them have the same id
   */
  @Override
  public void appendNew(List<io.itsm.core.repository.NewIncident> incidents) {
    Objects.requireNonNull(incidents, "incidents");
    if (incidents.isEmpty()) {
      return;
    }
    java.util.Set<String> ids = new java.util.HashSet<>();
    int eventCount = 0;
    for (io.itsm.core.repository.NewIncident n : incidents) {
      Objects.requireNonNull(n, "incidents must not contain null");
      if (!ids.add(n.id())) {
        throw new io.itsm.core.ValidationException("appendNew: incident " + n.id()
            + " is in the list twice");
      }
      eventCount += n.events().size();
    }
    List<String> payloads = new ArrayList<>(eventCount);
    List<String> states = new ArrayList<>(incidents.size());
    for (io.itsm.core.repository.NewIncident n : incidents) {
      for (IncidentEvent e : n.events()) {
        payloads.add(json.writeEvent(e));
      }
      states.add(json.writeIncident(n.state()));
    }
    String first = incidents.get(0).id();
    String what = incidents.size() + " new incidents (" + first + " …)";
    Connection c = null;
    boolean committing = false;
    try {
      c = dataSource.getConnection();
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement(insertEvent)) {
        int k = 0;
        for (io.itsm.core.repository.NewIncident n : incidents) {
          for (IncidentEvent e : n.events()) {
            bindEvent(ps, e, payloads.get(k++));
            ps.addBatch();
          }
        }
        ps.executeBatch();
      }
      try (PreparedStatement ps = c.prepareStatement(insertState)) {
        for (int i = 0; i < incidents.size(); i++) {
          io.itsm.core.repository.NewIncident n = incidents.get(i);
          ps.setString(1, n.id());
          IncidentColumns.bind(ps, 2, n.state(), n.nextDueAt(), states.get(i));
          ps.addBatch();
        }
        ps.executeBatch();
      }
      committing = true;
      c.commit();
      for (io.itsm.core.repository.NewIncident n : incidents) {
        cache.appended(0, n.events(), n.state());
      }
    } catch (SQLException e) {
      Pools.discardIfLost(dataSource, c, e);
      rollbackQuietly(c);
      String m = "could not store " + what + " in one transaction: "
          + (!committing && SqlErrors.isConflict(e) ? "one of them is stored already ("
              + SqlErrors.describe(e) + ")" : SqlErrors.describe(e));
      throw new JdbcStoreException(committing ? m + "; the connection failed during the commit,"
          + " so whether they were stored is unknown: look them up before retrying"
          : m + "; none of them was stored", first, e);
    } finally {
      closeQuietly(c);
    }
  }

  private void insertEvents(Connection c, String id, List<IncidentEvent> events, List<String> payloads)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(insertEvent)) {
      for (int i = 0; i < events.size(); i++) {
        bindEvent(ps, events.get(i), payloads.get(i));
        if (events.size() == 1) {
          ps.executeUpdate();
        } else {
          ps.addBatch();
        }
      }
      if (events.size() > 1) {
        ps.executeBatch();
      }
    }
  }

  /** The INSERT of one event row; bind it with {@link #bindEvent}. */
  String insertEventSql() {
    return insertEvent;
  }

  /** The INSERT of a state row: the id, then {@link IncidentColumns#NAMES}. */
  String insertStateSql() {
    return insertState;
  }

  static void bindEvent(PreparedStatement ps, IncidentEvent e, String payload) throws SQLException {
    ps.setString(1, e.incidentId());
    ps.setLong(2, e.sequence());
    ps.setString(3, e.type());
    IncidentColumns.setInstant(ps, 4, e.at());
    ps.setString(5, e.actor());
    ps.setString(6, payload);
  }

  private static void checkAppend(long expectedVersion, List<IncidentEvent> events, Incident newState) {
    if (events.isEmpty()) {
      throw new IllegalArgumentException("events must not be empty");
    }
    if (expectedVersion < 0) {
      throw new IllegalArgumentException("expectedVersion must be 0 or more, but was " + expectedVersion);
    }
    long seq = expectedVersion;
    for (IncidentEvent e : events) {
      Objects.requireNonNull(e, "events must not contain null");
      seq++;
      if (!e.incidentId().equals(newState.id()) || e.sequence() != seq) {
        throw new IllegalArgumentException("events must be incident " + newState.id() + "'s, numbered "
            + (expectedVersion + 1) + " to " + (expectedVersion + events.size()) + ", but one is "
            + e.type() + " #" + e.sequence() + " of " + e.incidentId());
      }
    }
    if (newState.version() != seq) {
      throw new IllegalArgumentException("newState must have version " + seq + " (expected version "
          + expectedVersion + " plus " + events.size() + " events), but has " + newState.version());
    }
  }

  private JdbcStoreException appendFailed(String id, long expectedVersion, int n, boolean committing,
      SQLException e) {
    String what = "could not store " + n + (n == 1 ? " event" : " events") + " of incident " + id
        + " (on version " + expectedVersion + "): " + SqlErrors.describe(e);
    return new JdbcStoreException(committing
        ? what + "; the connection failed during the commit, so whether the command was stored is"
            + " unknown: reload the incident (version " + (expectedVersion + n) + " means it was"
            + " stored) before retrying"
        : what + "; the transaction was rolled back and nothing was stored: the command can be"
            + " retried", id, e);
  }

  private long storedVersionAfterConflict(Connection c, String id, long expectedVersion) {
    try {
      return storedVersion(c, id);
    } catch (SQLException e) {
      LOG.debug("could not read the version of {} after a conflict", id, e);
      return expectedVersion + 1;
    }
  }

  private static long storedVersion(Connection c, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT version FROM itsm_incident WHERE id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        long v = rs.next() ? rs.getLong(1) : 0;
        c.rollback();
        return v;
      }
    }
  }

  /**
   * Stores a new due time if the incident is still at {@code version}: one update.
   *
   * @param id the incident id
   * @param version the version the due time was computed from
   * @param nextDueAt the new due time, or empty for never
   * @return whether it was stored
   */
  @Override
  public boolean reschedule(String id, long version, Optional<Instant> nextDueAt) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(nextDueAt, "nextDueAt");
    return read("reschedule the due work of incident " + id, id, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE itsm_incident SET next_due_at = ? WHERE id = ? AND version = ?")) {
        IncidentColumns.setDueAt(ps, 1, nextDueAt);
        ps.setString(2, id);
        ps.setLong(3, version);
        return ps.executeUpdate() == 1;
      }
    });
  }

  /**
   * Returns the incidents due at or before an instant, from the index on {@code next_due_at}:
   * one query that reads only the due rows' ids.
   *
   * @param at the instant
   * @return the ids, earliest due first, equal due times by id
   */
  @Override
  public List<String> findDue(Instant at) {
    Objects.requireNonNull(at, "at");
    return read("find the incidents due at " + at, null, c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT id FROM itsm_incident"
          + " WHERE next_due_at <= ? ORDER BY next_due_at, id")) {
        IncidentColumns.setInstant(ps, 1, at);
        ps.setFetchSize(1_000);
        List<String> ids = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getString(1));
          }
        }
        return List.copyOf(ids);
      }
    });
  }

  @Override
  public Optional<Instant> nextDueAt(String id) {
    Objects.requireNonNull(id, "id");
    return read("read the due time of incident " + id, id, c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT next_due_at FROM itsm_incident WHERE id = ?")) {
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          java.time.OffsetDateTime t = rs.getObject(1, java.time.OffsetDateTime.class);
          return Optional.ofNullable(t).map(java.time.OffsetDateTime::toInstant);
        }
      }
    });
  }

  @Override
  public Optional<Incident> find(String id) {
    Objects.requireNonNull(id, "id");
    long cached = cache.stateVersion(id);
    return read("read incident " + id, id, c -> {
      // the state's JSON only when it is not the cached version
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT version, CASE WHEN version = ? THEN NULL ELSE state END FROM itsm_incident WHERE id = ?")) {
        ps.setLong(1, cached);
        ps.setString(2, id);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          long version = rs.getLong(1);
          String state = rs.getString(2);
          if (state != null) {
            return Optional.of(state(c, id, version, state));
          }
          Optional<Incident> hit = cache.state(id, version);
          if (hit.isPresent()) {
            return hit;
          }
        }
      }
      // the cache moved on meanwhile (another thread stored a newer version): read the row whole
      try (PreparedStatement ps = c.prepareStatement("SELECT version, state FROM itsm_incident WHERE id = ?")) {
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(state(c, id, rs.getLong(1), rs.getString(2))) : Optional.empty();
        }
      }
    });
  }

  /**
   * Parses a state row (or takes it from the cache); a row that does not parse or fit is rebuilt
   * from the events.
   */
  private Incident state(Connection c, String id, long version, String stateJson) throws SQLException {
    Optional<Incident> hit = cache.state(id, version);
    if (hit.isPresent()) {
      return hit.get();
    }
    String problem;
    ItsmException cause;
    try {
      Incident inc = json.readIncident(stateJson);
      if (inc.id().equals(id) && inc.version() == version) {
        cache.putState(inc);
        return inc;
      }
      problem = "its JSON is incident " + inc.id() + " version " + inc.version() + ", but the row is "
          + id + " version " + version;
      cause = null;
    } catch (ItsmException e) {
      problem = e.getMessage();
      cause = e;
    }
    List<IncidentEvent> events = history(c, id);
    if (events.isEmpty()) {
      throw new UnreadableRecordException(id, 0, problem + "; and it has no events to rebuild it from",
          cause);
    }
    LOG.warn("the stored state of incident {} cannot be read ({}); rebuilt from its {} events",
        id, problem, events.size());
    Incident rebuilt = IncidentHistory.replay(events);
    cache.putState(rebuilt);
    return rebuilt;
  }

  @Override
  public List<IncidentEvent> history(String id) {
    Objects.requireNonNull(id, "id");
    return read("read the history of incident " + id, id, c -> history(c, id));
  }

  /** The history: the cached events and the ones after them, read by one query. */
  private List<IncidentEvent> history(Connection c, String id) throws SQLException {
    List<IncidentEvent> known = cache.events(id);
    List<IncidentEvent> out = new ArrayList<>(known);
    try (PreparedStatement ps = c.prepareStatement("SELECT sequence_no, payload FROM itsm_event"
        + " WHERE aggregate_type = '" + AGGREGATE_TYPE + "' AND aggregate_id = ? AND sequence_no > ?"
        + " ORDER BY sequence_no")) {
      ps.setString(1, id);
      ps.setLong(2, known.size());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(event(id, out.size() + 1, rs.getLong(1), rs.getString(2)));
        }
      }
    }
    if (out.size() == known.size()) {
      return known;
    }
    List<IncidentEvent> all = List.copyOf(out);
    cache.putEvents(id, all);
    return all;
  }

  /**
   * Parses one event row.
   *
   * @param id the row's incident
   * @param expected the sequence the event must have (its place in the history)
   * @param sequence the row's sequence
   * @param payload the row's payload
   * @return the event
   * @throws UnreadableRecordException if it does not parse or does not fit its row
   */
  IncidentEvent event(String id, long expected, long sequence, String payload) {
    if (sequence != expected) {
      throw new UnreadableRecordException(id, sequence, "the history has no event #" + expected
          + " before it (a row was deleted or renumbered)", null);
    }
    IncidentEvent e;
    try {
      e = json.readEvent(payload);
    } catch (ItsmException x) {
      throw new UnreadableRecordException(id, sequence, "its payload is not a valid event: "
          + x.getMessage() + "; repair the row (itsm_event, aggregate_type 'incident', aggregate_id '"
          + id + "', sequence_no " + sequence + ") or restore it from a backup", x);
    }
    if (!e.incidentId().equals(id) || e.sequence() != sequence) {
      throw new UnreadableRecordException(id, sequence, "its payload is event #" + e.sequence()
          + " of incident " + e.incidentId() + ", not of this row", null);
    }
    return e;
  }

  @Override
  public List<Incident> find(IncidentQuery query) {
    Objects.requireNonNull(query, "query");
    StringBuilder sql = new StringBuilder("SELECT id, version, state FROM itsm_incident");
    List<String> args = new ArrayList<>();
    String and = " WHERE ";
    if (query.status().isPresent()) {
      sql.append(and).append("status = ?");
      args.add(query.status().get().name());
      and = " AND ";
    }
    and = criterion(sql, args, and, "team", query.team());
    and = criterion(sql, args, and, "assignee", query.assignee());
    and = criterion(sql, args, and, "caller_id", query.callerId());
    criterion(sql, args, and, "external_id", query.externalId());
    sql.append(" ORDER BY id");
    return read("find incidents matching " + query, null, c -> {
      List<Incident> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
        for (int i = 0; i < args.size(); i++) {
          ps.setString(i + 1, args.get(i));
        }
        ps.setFetchSize(500);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            String id = rs.getString(1);
            try {
              Incident inc = state(c, id, rs.getLong(2), rs.getString(3));
              if (query.matches(inc)) {
                out.add(inc);
              }
            } catch (UnreadableRecordException e) {
              LOG.error("incident {} left out of the query result: {}", id, e.getMessage());
            }
          }
        }
      }
      return out;
    });
  }

  private static String criterion(StringBuilder sql, List<String> args, String and, String column,
      Optional<String> value) {
    if (value.isEmpty()) {
      return and;
    }
    sql.append(and).append(column).append(" = ?");
    args.add(value.get());
    return " AND ";
  }

  /**
   * Returns fresh ids from the database sequence {@code itsm_incident_number}, formatted with the
   * store's incident id format: unique across every desk on this database and across restarts.
   *
   * @return the id supplier
   */
  @Override
  public Optional<Supplier<String>> incidentIds() {
    return Optional.of(this::nextIncidentId);
  }

  private String nextIncidentId() {
    return read("take a new incident number", null, c -> {
      try (PreparedStatement ps = c.prepareStatement(dialect.nextIncidentNumber());
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        return idFormat.format(rs.getLong(1));
      }
    });
  }

  /**
   * {@inheritDoc}
   *
   * <p>One query, ordered by incident and sequence and read with a fetch size of {@value
   * #HISTORY_FETCH_SIZE} rows, holding one connection (in a read-only transaction, so that
   * PostgreSQL streams the rows and the whole read is one snapshot) until the stream is closed;
   * consecutive rows of one incident become one list. The period is filtered on the incidents'
   * {@code opened_at}, {@code updated_at} and {@code status} columns. The record cache is not
   * used or filled. A payload that does not parse throws {@link UnreadableRecordException} when
   * its history is reached.
   *
   * @throws JdbcStoreException if the query cannot be run
   */
  @Override
  public Stream<List<IncidentEvent>> histories(Instant from, Instant to) {
    IncidentRepository.checkPeriod(from, to);
    boolean hasFrom = !from.equals(Instant.MIN);
    boolean hasTo = !to.equals(Instant.MAX);
    StringBuilder sql = new StringBuilder("SELECT e.aggregate_id, e.sequence_no, e.payload FROM itsm_event e");
    if (hasFrom || hasTo) {
      sql.append(" JOIN itsm_incident i ON i.id = e.aggregate_id");
    }
    sql.append(" WHERE e.aggregate_type = '").append(AGGREGATE_TYPE).append("'");
    if (hasTo) {
      sql.append(" AND i.opened_at < ?");
    }
    if (hasFrom) {
      sql.append(" AND (i.updated_at >= ? OR i.status NOT IN ('CLOSED', 'CANCELLED'))");
    }
    sql.append(" ORDER BY e.aggregate_id, e.sequence_no");
    Connection c = null;
    try {
      c = dataSource.getConnection();
      c.setAutoCommit(false);
      c.setReadOnly(true);
      PreparedStatement ps = c.prepareStatement(sql.toString(), ResultSet.TYPE_FORWARD_ONLY,
          ResultSet.CONCUR_READ_ONLY);
      ps.setFetchSize(HISTORY_FETCH_SIZE);
      int i = 1;
      if (hasTo) {
        ps.setObject(i++, to.atOffset(java.time.ZoneOffset.UTC));
      }
      if (hasFrom) {
        ps.setObject(i, from.atOffset(java.time.ZoneOffset.UTC));
      }
      ResultSet rs = ps.executeQuery();
      Connection conn = c;
      HistoryRows rows = new HistoryRows(rs);
      return StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows,
              Spliterator.ORDERED | Spliterator.NONNULL), false)
          .onClose(() -> closeRead(conn, ps, rs));
    } catch (SQLException e) {
      Pools.discardIfLost(dataSource, c, e);
      closeQuietly(c);
      throw new JdbcStoreException("could not read the incidents' histories: " + SqlErrors.describe(e), null, e);
    }
  }

  /** How many event rows {@link #histories} fetches at a time. */
  static final int HISTORY_FETCH_SIZE = 1_000;

  private static void closeRead(Connection c, PreparedStatement ps, ResultSet rs) {
    try {
      rs.close();
      ps.close();
      c.rollback();
      c.setReadOnly(false);
      c.setAutoCommit(true);
    } catch (SQLException e) {
      LOG.debug("closing a histories read failed (the connection is probably gone)", e);
    } finally {
      closeQuietly(c);
    }
  }

  /** Groups consecutive event rows of one incident into its history. */
  private final class HistoryRows implements Iterator<List<IncidentEvent>> {
    private final ResultSet rs;
    private boolean hasRow;
    private boolean done;

    HistoryRows(ResultSet rs) {
      this.rs = rs;
    }

    @Override
    public boolean hasNext() {
      if (done) {
        return false;
      }
      if (!hasRow) {
        hasRow = advance();
        if (!hasRow) {
          done = true;
        }
      }
      return hasRow;
    }

    @Override
    public List<IncidentEvent> next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      try {
        String id = rs.getString(1);
        List<IncidentEvent> h = new ArrayList<>();
        do {
          h.add(event(id, h.size() + 1, rs.getLong(2), rs.getString(3)));
          hasRow = advance();
        } while (hasRow && id.equals(rs.getString(1)));
        if (!hasRow) {
          done = true;
        }
        return List.copyOf(h);
      } catch (SQLException e) {
        throw new JdbcStoreException("could not read the incidents' histories: "
            + SqlErrors.describe(e), null, e);
      }
    }

    private boolean advance() {
      try {
        return rs.next();
      } catch (SQLException e) {
        throw new JdbcStoreException("could not read the incidents' histories: "
            + SqlErrors.describe(e), null, e);
      }
    }
  }

  /** A read that uses one connection. */
  @FunctionalInterface
  interface SqlRead<T> {
    T run(Connection c) throws SQLException;
  }

  <T> T read(String what, String incidentId, SqlRead<T> work) {
    Connection c = null;
    try {
      c = dataSource.getConnection();
      return work.run(c);
    } catch (SQLException e) {
      Pools.discardIfLost(dataSource, c, e);
      throw new JdbcStoreException("could not " + what + ": " + SqlErrors.describe(e), incidentId, e);
    } finally {
      if (c != null) {
        try {
          c.close();
        } catch (SQLException e) {
          LOG.debug("close failed (the connection is probably gone)", e);
        }
      }
    }
  }

  private static void rollbackQuietly(Connection c) {
    if (c == null) {
      return;
    }
    try {
      if (!c.isClosed() && !c.getAutoCommit()) {
        c.rollback();
      }
    } catch (SQLException e) {
      LOG.debug("rollback failed (the connection is probably gone)", e);
    }
  }

  private static void closeQuietly(Connection c) {
    if (c == null) {
      return;
    }
    try {
      if (!c.isClosed()) {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      LOG.debug("could not reset auto-commit", e);
    }
    try {
      c.close();
    } catch (SQLException e) {
      LOG.debug("close failed (the connection is probably gone)", e);
    }
  }

  @Override
  public String toString() {
    return "JdbcIncidentRepository[" + dialect.productName() + "]";
  }
}
