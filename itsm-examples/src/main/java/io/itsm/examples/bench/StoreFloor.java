package io.itsm.examples.bench;

import io.itsm.core.ServiceDesk;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.incident.Assignment;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Ticket;
import io.itsm.core.json.ItsmJson;
import io.itsm.core.repository.InMemoryIncidentRepository;
import io.itsm.core.repository.IncidentQuery;
import io.itsm.core.repository.IncidentRepository;
import io.itsm.core.triage.TriagePolicy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * The physical floor of storing a lifecycle: the same transactions, with the same rows, that the
 * JDBC store writes for one ticket's {@link Lifecycle#run} — one transaction per command, one
 * insert per event (batched like the store's) and one insert or update of the state row, then the
 * commit — as plain JDBC with the JSON already written: no desk, no reads, no JSON work. The rows
 * are recorded from a run on an in-memory desk and written under fresh ids.
 *
 * <p>Thread-safe: each call takes its own connection.
 */
public final class StoreFloor {

  /** One command's append as the store writes it. */
  record Append(List<EventRow> events, StateRow state, boolean first) {}

  record EventRow(long sequence, String type, Instant at, String actor, String payload) {}

  record StateRow(long version, String status, Optional<String> team, Optional<String> assignee,
      Optional<String> caller, Optional<String> externalId, Instant openedAt, Instant updatedAt,
      Optional<Instant> nextDueAt, String json) {}

  private final List<List<Append>> lifecycles;
  private final DataSource dataSource;
  private final boolean postgres;
  private final AtomicLong ids = new AtomicLong();

  private StoreFloor(List<List<Append>> lifecycles, DataSource dataSource, boolean postgres) {
    this.lifecycles = lifecycles;
    this.dataSource = dataSource;
    this.postgres = postgres;
  }

  /**
   * Records the appends of each ticket's lifecycle on an in-memory desk.
   *
   * @param policy the triage policy of the measured desks
   * @param clock their clock
   * @param tickets the tickets, each with a caller
   * @param dataSource where the floor writes (a database with the itsm schema)
   * @param postgres whether it is PostgreSQL (JSON parameters are cast to JSONB)
   * @return the floor
   */
  public static StoreFloor record(TriagePolicy policy, Clock clock, List<Ticket> tickets,
      DataSource dataSource, boolean postgres) {
    ItsmJson json = ItsmJson.defaults();
    List<List<Append>> all = new ArrayList<>();
    for (Ticket t : tickets) {
      List<Append> appends = new ArrayList<>();
      InMemoryIncidentRepository memory = new InMemoryIncidentRepository();
      IncidentRepository recording = new IncidentRepository() {
        @Override
        public void append(long expectedVersion, List<IncidentEvent> events, Incident newState,
            Optional<Instant> nextDueAt) {
          memory.append(expectedVersion, events, newState, nextDueAt);
          List<EventRow> rows = new ArrayList<>();
          for (IncidentEvent e : events) {
            rows.add(new EventRow(e.sequence(), e.type(), e.at(), e.actor(), json.writeEvent(e)));
          }
          appends.add(new Append(rows, new StateRow(newState.version(), newState.status().name(),
              newState.team(), newState.assignment().flatMap(Assignment::assignee),
              newState.caller().map(Caller::id), newState.externalId(), newState.openedAt(),
              newState.updatedAt(), nextDueAt, json.writeIncident(newState)), expectedVersion == 0));
        }

        @Override
        public boolean reschedule(String id, long version, Optional<Instant> nextDueAt) {
          return memory.reschedule(id, version, nextDueAt);
        }

        @Override
        public List<String> findDue(Instant at) {
          return memory.findDue(at);
        }

        @Override
        public Optional<Instant> nextDueAt(String id) {
          return memory.nextDueAt(id);
        }

        @Override
        public Optional<Incident> find(String id) {
          return memory.find(id);
        }

        @Override
        public List<IncidentEvent> history(String id) {
          return memory.history(id);
        }

        @Override
        public List<Incident> find(IncidentQuery query) {
          return memory.find(query);
        }
      };
      ServiceDesk desk = Lifecycle.desk(policy, clock, recording);
      Lifecycle.run(desk, t);
      if (desk.find(Lifecycle.MANAGER, IncidentQuery.all()).size() != 1) {
        throw new IllegalStateException("the floor recorded more than one incident per lifecycle");
      }
      all.add(List.copyOf(appends));
    }
    return new StoreFloor(List.copyOf(all), dataSource, postgres);
  }

  /**
   * The number of transactions per lifecycle, on average.
   *
   * @return transactions per ticket
   */
  public double transactionsPerLifecycle() {
    return lifecycles.stream().mapToInt(List::size).average().orElse(0);
  }

  /**
   * Writes the rows of the {@code i}-th ticket's lifecycle (modulo the number recorded) under a
   * fresh incident id.
   *
   * @param i the ticket's index
   * @return the id written
   * @throws SQLException if the database fails
   */
  public String write(int i) throws SQLException {
    String id = "FLOOR-" + ids.incrementAndGet() + "-" + System.nanoTime();
    String j = postgres ? "CAST(? AS JSONB)" : "?";
    for (Append a : lifecycles.get(Math.floorMod(i, lifecycles.size()))) {
      try (Connection c = dataSource.getConnection()) {
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO itsm_event (aggregate_type,"
            + " aggregate_id, sequence_no, event_type, occurred_at, actor, payload) VALUES"
            + " ('incident', ?, ?, ?, ?, ?, " + j + ")")) {
          for (EventRow e : a.events()) {
            ps.setString(1, id);
            ps.setLong(2, e.sequence());
            ps.setString(3, e.type());
            ps.setObject(4, e.at().atOffset(ZoneOffset.UTC));
            ps.setString(5, e.actor());
            ps.setString(6, e.payload());
            if (a.events().size() == 1) {
              ps.executeUpdate();
            } else {
              ps.addBatch();
            }
          }
          if (a.events().size() > 1) {
            ps.executeBatch();
          }
        }
        StateRow s = a.state();
        String sql = a.first()
            ? "INSERT INTO itsm_incident (version, status, team, assignee, caller_id, external_id,"
                + " opened_at, updated_at, next_due_at, state, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, " + j + ", ?)"
            : "UPDATE itsm_incident SET version = ?, status = ?, team = ?, assignee = ?, caller_id = ?,"
                + " external_id = ?, opened_at = ?, updated_at = ?, next_due_at = ?, state = " + j
                + " WHERE id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          ps.setLong(1, s.version());
          ps.setString(2, s.status());
          setOptional(ps, 3, s.team());
          setOptional(ps, 4, s.assignee());
          setOptional(ps, 5, s.caller());
          setOptional(ps, 6, s.externalId());
          ps.setObject(7, s.openedAt().atOffset(ZoneOffset.UTC));
          ps.setObject(8, s.updatedAt().atOffset(ZoneOffset.UTC));
          if (s.nextDueAt().isPresent()) {
            ps.setObject(9, s.nextDueAt().get().atOffset(ZoneOffset.UTC));
          } else {
            ps.setNull(9, Types.TIMESTAMP_WITH_TIMEZONE);
          }
          ps.setString(10, s.json());
          ps.setString(11, id);
          ps.executeUpdate();
        }
        c.commit();
        c.setAutoCommit(true);
      }
    }
    return id;
  }

  private static void setOptional(PreparedStatement ps, int i, Optional<String> v) throws SQLException {
    if (v.isPresent()) {
      ps.setString(i, v.get());
    } else {
      ps.setNull(i, Types.VARCHAR);
    }
  }
}
