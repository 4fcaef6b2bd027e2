package io.itsm.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.itsm.core.ItsmException;
import io.itsm.core.ValidationException;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.event.IncidentHistory;
import io.itsm.core.incident.Incident;
import io.itsm.core.json.ItsmJson;
import io.itsm.core.repository.UnreadableRecordException;
import io.itsm.jdbc.internal.Dialect;
import io.itsm.jdbc.internal.IncidentColumns;
import io.itsm.jdbc.internal.PracticeRecords;
import io.itsm.jdbc.internal.RecordTable;
import io.itsm.jdbc.internal.SqlErrors;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backup, restore and check of a whole store: the work behind {@link JdbcStore#exportTo}, {@link
 * JdbcStore#importFrom} and {@link JdbcStore#check}.
 *
 * <p>The backup format, JSON Lines: {@code {"itsmStore":1,"schemaVersion":"1","exportedAt":...,
 * "database":...}}, then one {@code {"aggregate":"incident","id":...,"events":[...]}} per
 * incident (events in the format of docs/json.md), then {@code {"end":true,"incidents":N,
 * "events":M,"records":R}}. Between them, one line per record of the other practices (knowledge
 * articles, problems, configuration items, ...: every aggregate type of {@code itsm_record}):
 * {@code {"aggregate":"knowledge-article","id":...,"version":N,"status":...,"updatedAt":...,
 * "state":{...},"events":[{"sequence":1,"type":...,"at":...,"actor":...,"payload":{...}},...]}}.
 * A record line is restored as it is written (its state is its practice's to check); the search
 * keys of configuration items, changes and announcements are computed from it (they are not in
 * the backup).
 *
 * <p>Not thread-safe; one per operation.
 */
final class StoreTransfer {

  /** The version of the backup format, in the header line. */
  static final int FORMAT = 1;

  private static final Logger LOG = LoggerFactory.getLogger(StoreTransfer.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int BATCH = 1_000;

  private final DataSource dataSource;
  private final Dialect dialect;
  private final ItsmJson json;
  private final IncidentIdFormat idFormat;
  private final JdbcIncidentRepository incidents;
  private final Map<String, PracticeRecords<?, ?>> keyed;

  StoreTransfer(DataSource dataSource, Dialect dialect, ItsmJson json, IncidentIdFormat idFormat,
      JdbcIncidentRepository incidents, Map<String, PracticeRecords<?, ?>> keyed) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.json = json;
    this.idFormat = idFormat;
    this.incidents = incidents;
    this.keyed = keyed;
  }

  // ---------------------------------------------------------------- export

  TransferCount export(Writer out, String schemaVersion) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      try {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("itsmStore", FORMAT);
        header.put("schemaVersion", schemaVersion);
        header.put("exportedAt", Instant.now().toString());
        header.put("database", c.getMetaData().getDatabaseProductName());
        out.write(MAPPER.writeValueAsString(header));
        out.write('\n');
        long incidentCount = 0;
        long eventCount = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT aggregate_id, sequence_no, payload"
            + " FROM itsm_event WHERE aggregate_type = '" + JdbcIncidentRepository.AGGREGATE_TYPE
            + "' ORDER BY aggregate_id, sequence_no")) {
          ps.setFetchSize(BATCH);
          try (ResultSet rs = ps.executeQuery()) {
            String current = null;
            List<IncidentEvent> events = new ArrayList<>();
            while (rs.next()) {
              String id = rs.getString(1);
              if (!id.equals(current)) {
                if (current != null) {
                  writeIncident(out, current, events);
                  incidentCount++;
                }
                current = id;
                events.clear();
              }
              events.add(incidents.event(id, events.size() + 1, rs.getLong(2), rs.getString(3)));
              eventCount++;
            }
            if (current != null) {
              writeIncident(out, current, events);
              incidentCount++;
            }
          }
        }
        long recordCount = exportRecords(c, out);
        Map<String, Object> trailer = new LinkedHashMap<>();
        trailer.put("end", true);
        trailer.put("incidents", incidentCount);
        trailer.put("events", eventCount);
        trailer.put("records", recordCount);
        out.write(MAPPER.writeValueAsString(trailer));
        out.write('\n');
        out.flush();
        c.commit();
        return new TransferCount(incidentCount, eventCount, recordCount);
      } finally {
        rollbackQuietly(c);
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new JdbcStoreException("could not export the store: " + SqlErrors.describe(e), null, e);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the store's backup: " + e.getMessage(), e);
    }
  }

  private void writeIncident(Writer out, String id, List<IncidentEvent> events) throws IOException {
    out.write("{\"aggregate\":\"");
    out.write(JdbcIncidentRepository.AGGREGATE_TYPE);
    out.write("\",\"id\":\"");
    out.write(JsonStringEncoder.getInstance().quoteAsString(id));
    out.write("\",\"events\":[");
    for (int i = 0; i < events.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(json.writeEvent(events.get(i)));
    }
    out.write("]}\n");
  }

  /** Writes a line per practice record (state row and its events), in type and id order. */
  private long exportRecords(Connection c, Writer out) throws SQLException, IOException {
    long count = 0;
    try (PreparedStatement st = c.prepareStatement("SELECT aggregate_type, id, version, status,"
            + " updated_at, state FROM itsm_record ORDER BY aggregate_type, id");
        PreparedStatement ev = c.prepareStatement("SELECT sequence_no, event_type, occurred_at,"
            + " actor, payload FROM itsm_event WHERE aggregate_type = ? AND aggregate_id = ?"
            + " ORDER BY sequence_no")) {
      st.setFetchSize(BATCH);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          String type = rs.getString(1);
          String id = rs.getString(2);
          ObjectNode line = MAPPER.createObjectNode();
          line.put("aggregate", type);
          line.put("id", id);
          line.put("version", rs.getLong(3));
          line.put("status", rs.getString(4));
          line.put("updatedAt", IncidentColumns.instant(rs, 5).toString());
          line.set("state", MAPPER.readTree(rs.getString(6)));
          ArrayNode events = line.putArray("events");
          ev.setString(1, type);
          ev.setString(2, id);
          try (ResultSet e = ev.executeQuery()) {
            while (e.next()) {
              ObjectNode event = events.addObject();
              event.put("sequence", e.getLong(1));
              event.put("type", e.getString(2));
              event.put("at", IncidentColumns.instant(e, 3).toString());
              event.put("actor", e.getString(4));
              event.set("payload", MAPPER.readTree(e.getString(5)));
            }
          }
          out.write(MAPPER.writeValueAsString(line));
          out.write('\n');
          count++;
        }
      }
    }
    return count;
  }

  // ---------------------------------------------------------------- import

  TransferCount importFrom(Reader in) {
    BufferedReader lines = in instanceof BufferedReader b ? b : new BufferedReader(in);
    try (Connection c = dataSource.getConnection()) {
      long existing = count(c, "itsm_incident");
      long existingRecords = count(c, "itsm_record");
      if (existing > 0 || existingRecords > 0) {
        throw new JdbcStoreException("a backup is imported into an empty store, but this one holds "
            + existing + " incidents and " + existingRecords + " other records already; import"
            + " into a new database (nothing was imported)", null, null);
      }
      c.setAutoCommit(false);
      long highest = 0;
      TransferCount count;
      String j = dialect.jsonParameter();
      try (PreparedStatement events = c.prepareStatement(incidents.insertEventSql());
          PreparedStatement states = c.prepareStatement(incidents.insertStateSql());
          PreparedStatement recordEvents = c.prepareStatement("INSERT INTO itsm_event"
              + " (aggregate_type, aggregate_id, sequence_no, event_type, occurred_at, actor,"
              + " payload) VALUES (?, ?, ?, ?, ?, ?, " + j + ")");
          PreparedStatement records = c.prepareStatement("INSERT INTO itsm_record (aggregate_type,"
              + " id, version, status, updated_at, state) VALUES (?, ?, ?, ?, ?, " + j + ")");
          PreparedStatement keys = c.prepareStatement(RecordTable.INSERT_KEY)) {
        Importer importer = new Importer(events, states, recordEvents, records, keys);
        count = importer.run(lines);
        highest = importer.highest;
        c.commit();
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(c);
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
      raiseIncidentNumber(c, highest);
      return count;
    } catch (SQLException e) {
      throw new JdbcStoreException("could not import the backup: " + SqlErrors.describe(e)
          + "; the transaction was rolled back and nothing was imported", null, e);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the backup: " + e.getMessage(), e);
    }
  }

  /** Reads the lines of a backup and batches their rows. */
  private final class Importer {
    final PreparedStatement events;
    final PreparedStatement states;
    final PreparedStatement recordEvents;
    final PreparedStatement records;
    final PreparedStatement keys;
    long highest;
    int pending;
    long recordCount;

    Importer(PreparedStatement events, PreparedStatement states, PreparedStatement recordEvents,
        PreparedStatement records, PreparedStatement keys) {
      this.events = events;
      this.states = states;
      this.recordEvents = recordEvents;
      this.records = records;
      this.keys = keys;
    }

    TransferCount run(BufferedReader lines) throws IOException, SQLException {
      String first = lines.readLine();
      JsonNode header = first == null ? null : tree(first, 1);
      if (header == null || !header.path("itsmStore").canConvertToInt()) {
        throw new ValidationException("line 1: not an itsm store backup: it must start with a header"
            + " line {\"itsmStore\": " + FORMAT + ", ...} as JdbcStore.exportTo writes it");
      }
      if (header.path("itsmStore").asInt() != FORMAT) {
        throw new ValidationException("line 1: the backup format is " + header.path("itsmStore")
            + ", but this itsm-jdbc reads format " + FORMAT + ": import it with the itsm-jdbc that"
            + " wrote it, or a later one");
      }
      long incidentCount = 0;
      long eventCount = 0;
      long lineNo = 1;
      String line;
      while ((line = lines.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode node = tree(line, lineNo);
        if (node.path("end").asBoolean(false)) {
          if (node.path("incidents").asLong(-1) != incidentCount || node.path("events").asLong(-1) != eventCount
              || node.path("records").asLong(0) != recordCount) {
            throw new ValidationException("line " + lineNo + ": the trailer counts "
                + node.path("incidents") + " incidents, " + node.path("events") + " events and "
                + node.path("records").asLong(0) + " records, but the backup holds " + incidentCount
                + ", " + eventCount + " and " + recordCount + ": it is damaged");
          }
          flush();
          return new TransferCount(incidentCount, eventCount, recordCount);
        }
        String aggregate = node.path("aggregate").asText("");
        if (aggregate.isBlank()) {
          throw new ValidationException("line " + lineNo + ": a line needs \"aggregate\" (\""
              + JdbcIncidentRepository.AGGREGATE_TYPE + "\" or a practice's record type)");
        }
        if (aggregate.equals(JdbcIncidentRepository.AGGREGATE_TYPE)) {
          eventCount += add(node, lineNo);
          incidentCount++;
        } else {
          addRecord(aggregate, node, lineNo);
          recordCount++;
        }
      }
      throw new ValidationException("the backup ends after line " + lineNo + " without its trailer"
          + " line {\"end\": true, ...}: it is truncated; nothing was imported");
    }

    private int add(JsonNode node, long lineNo) throws SQLException {
      String id = node.path("id").asText("");
      JsonNode array = node.path("events");
      if (id.isBlank() || !array.isArray() || array.isEmpty()) {
        throw new ValidationException("line " + lineNo + ": an incident line needs \"id\" and a"
            + " non-empty \"events\" array");
      }
      List<IncidentEvent> list = new ArrayList<>(array.size());
      for (int i = 0; i < array.size(); i++) {
        IncidentEvent e;
        try {
          e = json.readEvent(array.get(i).toString());
        } catch (ItsmException x) {
          throw new ValidationException("line " + lineNo + ", incident " + id + ", events[" + i + "]: "
              + x.getMessage());
        }
        if (!e.incidentId().equals(id) || e.sequence() != i + 1) {
          throw new ValidationException("line " + lineNo + ", incident " + id + ", events[" + i
              + "]: expected event #" + (i + 1) + " of " + id + ", but it is #" + e.sequence()
              + " of " + e.incidentId());
        }
        list.add(e);
      }
      Incident state;
      try {
        state = IncidentHistory.replay(list);
      } catch (ItsmException x) {
        throw new ValidationException("line " + lineNo + ", incident " + id + ": its events do not"
            + " replay: " + x.getMessage());
      }
      for (IncidentEvent e : list) {
        JdbcIncidentRepository.bindEvent(events, e, json.writeEvent(e));
        events.addBatch();
      }
      states.setString(1, id);
      // due work is the desk's to compute: an open incident is looked at by the next tick, which
      // stores its exact due time (a final one has none)
      IncidentColumns.bind(states, 2, state,
          state.status().isFinal() ? Optional.empty() : Optional.of(Instant.EPOCH), json.writeIncident(state));
      states.addBatch();
      OptionalLong n = idFormat.number(id);
      if (n.isPresent()) {
        highest = Math.max(highest, n.getAsLong());
      }
      pending += list.size();
      if (pending >= BATCH) {
        flush();
      }
      return list.size();
    }

    /** A practice record: its state row and events as written, after checking their shape. */
    private void addRecord(String aggregate, JsonNode node, long lineNo) throws SQLException {
      String where = "line " + lineNo + ", " + aggregate + " " + node.path("id").asText("?");
      String id = node.path("id").asText("");
      JsonNode array = node.path("events");
      JsonNode state = node.path("state");
      long version = node.path("version").asLong(-1);
      if (aggregate.length() > 64 || id.isBlank() || !array.isArray() || array.isEmpty()
          || !state.isObject() || version != array.size()) {
        throw new ValidationException(where + ": a record line needs \"aggregate\" (at most 64"
            + " characters), \"id\", \"state\" (an object), a non-empty \"events\" array and"
            + " \"version\" equal to the number of events");
      }
      for (int i = 0; i < array.size(); i++) {
        JsonNode e = array.get(i);
        if (e.path("sequence").asLong(-1) != i + 1 || !e.path("type").isTextual()
            || !e.path("actor").isTextual() || !e.path("payload").isObject()) {
          throw new ValidationException(where + ", events[" + i + "]: an event needs \"sequence\" "
              + (i + 1) + ", \"type\", \"at\", \"actor\" and \"payload\" (an object)");
        }
        recordEvents.setString(1, aggregate);
        recordEvents.setString(2, id);
        recordEvents.setLong(3, i + 1);
        recordEvents.setString(4, e.path("type").asText());
        IncidentColumns.setInstant(recordEvents, 5, instant(e.path("at"), where + ", events[" + i + "].at"));
        recordEvents.setString(6, e.path("actor").asText());
        recordEvents.setString(7, e.path("payload").toString());
        recordEvents.addBatch();
      }
      records.setString(1, aggregate);
      records.setString(2, id);
      records.setLong(3, version);
      records.setString(4, node.path("status").isTextual() ? node.path("status").asText() : null);
      IncidentColumns.setInstant(records, 5, instant(node.path("updatedAt"), where + ", updatedAt"));
      records.setString(6, state.toString());
      records.addBatch();
      PracticeRecords<?, ?> practice = keyed.get(aggregate);
      if (practice != null) {
        Set<RecordTable.Key> recordKeys;
        try {
          recordKeys = practice.keysOf(state.toString());
        } catch (RuntimeException e) {
          // restored as written, as every record line; reading it will name the record
          LOG.error("{}: the state does not parse ({}), so the record gets no search keys", where,
              e.getMessage());
          recordKeys = Set.of();
        }
        RecordTable.addKeys(keys, aggregate, id, recordKeys);
      }
      pending += array.size();
      if (pending >= BATCH) {
        flush();
      }
    }

    private Instant instant(JsonNode n, String where) {
      try {
        return Instant.parse(n.asText(""));
      } catch (java.time.format.DateTimeParseException e) {
        throw new ValidationException(where + ": '" + n.asText("") + "' is not an instant such as"
            + " 2026-03-02T09:00:00Z");
      }
    }

    private void flush() throws SQLException {
      events.executeBatch();
      states.executeBatch();
      recordEvents.executeBatch();
      records.executeBatch();
      keys.executeBatch();
      pending = 0;
    }
  }

  private static JsonNode tree(String line, long lineNo) {
    try {
      return MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      throw new ValidationException("line " + lineNo + ": not JSON: " + e.getOriginalMessage());
    }
  }

  private static long count(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Moves the incident number sequence past {@code highest}; never back. */
  private void raiseIncidentNumber(Connection c, long highest) throws SQLException {
    if (highest < 1) {
      return;
    }
    try (Statement s = c.createStatement()) {
      switch (dialect) {
        case POSTGRESQL -> s.execute("SELECT setval('itsm_incident_number', GREATEST(" + highest
            + ", (SELECT last_value FROM itsm_incident_number)), true)");
        case H2 -> {
          long next;
          try (ResultSet rs = s.executeQuery("SELECT BASE_VALUE FROM INFORMATION_SCHEMA.SEQUENCES"
              + " WHERE SEQUENCE_NAME = 'ITSM_INCIDENT_NUMBER' AND SEQUENCE_SCHEMA = CURRENT_SCHEMA")) {
            next = rs.next() ? rs.getLong(1) : 1;
          }
          if (next <= highest) {
            s.execute("ALTER SEQUENCE itsm_incident_number RESTART WITH " + (highest + 1));
          }
        }
      }
    }
  }

  // ---------------------------------------------------------------- check

  List<StoreProblem> check() {
    List<StoreProblem> problems = new ArrayList<>();
    Comparator<String> order = dialect == Dialect.POSTGRESQL ? StoreTransfer::compareCodePoints
        : Comparator.naturalOrder();
    String collate = dialect == Dialect.POSTGRESQL ? " COLLATE \"C\"" : "";
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      try (PreparedStatement st = c.prepareStatement(
              "SELECT id, version, state FROM itsm_incident ORDER BY id" + collate);
          PreparedStatement ev = c.prepareStatement("SELECT aggregate_id, sequence_no, payload"
              + " FROM itsm_event WHERE aggregate_type = '" + JdbcIncidentRepository.AGGREGATE_TYPE
              + "' ORDER BY aggregate_id" + collate + ", sequence_no")) {
        st.setFetchSize(BATCH);
        ev.setFetchSize(BATCH);
        try (ResultSet states = st.executeQuery(); ResultSet events = ev.executeQuery()) {
          boolean hasState = states.next();
          boolean hasEvent = events.next();
          while (hasState || hasEvent) {
            String stateId = hasState ? states.getString(1) : null;
            String eventId = hasEvent ? events.getString(1) : null;
            int cmp = stateId == null ? 1 : eventId == null ? -1 : order.compare(stateId, eventId);
            if (cmp < 0) {
              problems.add(new StoreProblem(stateId, 0, "a state row without events: the events are"
                  + " the truth, so this row describes nothing; restore its events or delete it"));
              hasState = states.next();
              continue;
            }
            String id = eventId;
            List<IncidentEvent> history = new ArrayList<>();
            boolean readable = true;
            while (hasEvent && events.getString(1).equals(id)) {
              if (readable) {
                try {
                  history.add(incidents.event(id, history.size() + 1, events.getLong(2), events.getString(3)));
                } catch (UnreadableRecordException e) {
                  problems.add(new StoreProblem(id, e.getSequence().orElse(0), e.getMessage()));
                  readable = false;
                }
              }
              hasEvent = events.next();
            }
            if (cmp > 0) {
              problems.add(new StoreProblem(id, 0, "no state row: the incident cannot be found;"
                  + " restore the store from a backup (import rebuilds every state row)"));
              continue;
            }
            checkState(problems, id, states.getLong(2), states.getString(3), readable ? history : null);
            hasState = states.next();
          }
        }
      } finally {
        rollbackQuietly(c);
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new JdbcStoreException("could not check the store: " + SqlErrors.describe(e), null, e);
    }
    return problems;
  }

  /**
   * The ids of the aggregates of a type that have events.
   *
   * @param aggregateType the aggregate type
   * @return the ids
   */
  Set<String> idsWithEvents(String aggregateType) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT DISTINCT aggregate_id FROM itsm_event WHERE aggregate_type = ?")) {
      ps.setString(1, aggregateType);
      Set<String> out = new HashSet<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new JdbcStoreException("could not check the store's " + aggregateType + " records: "
          + SqlErrors.describe(e), null, e);
    }
  }

  private void checkState(List<StoreProblem> problems, String id, long version, String stateJson,
      List<IncidentEvent> history) {
    Incident stored;
    try {
      stored = json.readIncident(stateJson);
    } catch (ItsmException e) {
      problems.add(new StoreProblem(id, 0, "the state row does not parse (" + e.getMessage()
          + "); reads rebuild it from the events"));
      return;
    }
    if (history == null) {
      return;
    }
    Incident rebuilt = IncidentHistory.replay(history);
    if (stored.version() != version || !stored.equals(rebuilt)) {
      problems.add(new StoreProblem(id, 0, "the state row (version " + stored.version() + ", column "
          + version + ") differs from what its " + history.size() + " events rebuild; reads return the"
          + " row as it is"));
    }
  }

  /** Orders strings as PostgreSQL's "C" collation does: by Unicode code point (UTF-8 bytes). */
  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int x = a.codePointAt(i);
      int y = b.codePointAt(j);
      if (x != y) {
        return Integer.compare(x, y);
      }
      i += Character.charCount(x);
      j += Character.charCount(y);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  private static void rollbackQuietly(Connection c) {
    try {
      if (!c.isClosed() && !c.getAutoCommit()) {
        c.rollback();
      }
    } catch (SQLException e) {
      LOG.debug("rollback failed", e);
    }
  }
}
