package io.itsm.examples.bench;

import io.itsm.core.ServiceDesk;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.incident.Assignment;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.OnHoldReason;
import io.itsm.core.incident.Status;
import io.itsm.core.incident.SupportLevel;
import io.itsm.core.incident.Ticket;
import io.itsm.core.json.ItsmJson;
import io.itsm.core.triage.TriagePolicy;
import io.itsm.jdbc.JdbcStore;
import io.itsm.jdbc.testkit.PostgresTestServer;
import io.itsm.rules.testkit.TicketGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the store benchmarks run on: a real PostgreSQL server started from the Maven-shipped
 * binaries with its durable defaults (every commit reaches the disk), an H2 file in a temporary
 * directory (H2's defaults: commits are written by a background thread within about a second),
 * the stores on both, and the tickets.
 *
 * <p>Not thread-safe: set up once, then share the stores and desks.
 */
public final class StoreBenchSetup implements AutoCloseable {

  /** The clock of the measured desks. */
  public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);

  /** The number of teams the stored incidents of the find benchmark are spread over. */
  public static final int TEAMS = 20;

  private final Path dir;
  final PostgresTestServer pg;
  final JdbcStore postgres;
  final JdbcStore h2;
  final String postgresUrl;
  final String h2Url;

  /**
   * Starts PostgreSQL and opens both stores, empty.
   *
   * @throws IOException if PostgreSQL cannot be started or the directory made
   */
  public StoreBenchSetup() throws IOException {
    dir = Files.createTempDirectory("itsm-store-bench");
    pg = PostgresTestServer.builder().durable(true).setting("shared_buffers", "256MB").start();
    pg.createDatabase("bench");
    postgresUrl = pg.jdbcUrl("bench");
    h2Url = "jdbc:h2:" + dir.resolve("bench").toAbsolutePath();
    postgres = JdbcStore.builder(postgresUrl).poolSize(4).build();
    h2 = JdbcStore.builder(h2Url).poolSize(4).build();
  }

  /**
   * Tickets that name a caller (the lifecycle needs one), generated.
   *
   * @param count how many
   * @return the tickets
   */
  public static List<Ticket> tickets(int count) {
    return TicketGenerator.generate(count * 2).stream()
        .filter(t -> t.caller().isPresent()).limit(count).toList();
  }

  /**
   * The triage policy of the store benchmarks: the hand-written baseline, so that the rows
   * compare storage, not rules (the Drools engine is measured by the triage rows).
   *
   * @return the policy
   */
  public static TriagePolicy policy() {
    return HandWrittenTriage.withDefaults(TicketGenerator.CRITICAL_CONFIGURATION_ITEMS,
        TicketGenerator.CRITICAL_SERVICES);
  }

  /**
   * Stores {@code count} incidents' state rows directly (batched inserts), spread over {@link
   * #TEAMS} teams: 99 % closed or cancelled, 1 % open (NEW, ASSIGNED, IN_PROGRESS, ON_HOLD,
   * RESOLVED in equal parts, each spread evenly over the teams: 100 per open status and team at
   * 1,000,000), as on a desk that has kept years of incidents. Each row's JSON is a
   * real incident's snapshot under the row's id. Only the state table is filled: queries do not
   * read the events.
   *
   * @param store the store
   * @param postgres whether it is PostgreSQL
   * @param count how many
   * @throws SQLException if the database fails
   */
  public static void populate(JdbcStore store, boolean postgres, int count) throws SQLException {
    List<List<Incident>> templates = templates();
    ItsmJson json = ItsmJson.defaults();
    List<List<String>> texts = new ArrayList<>();
    for (List<Incident> byTeam : templates) {
      texts.add(byTeam.stream().map(json::writeIncident).toList());
    }
    String j = postgres ? "CAST(? AS JSONB)" : "?";
    try (Connection c = store.dataSource().getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO itsm_incident (id, version, status,"
          + " team, assignee, caller_id, external_id, opened_at, updated_at, next_due_at, state)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " + j + ")")) {
        for (int i = 0; i < count; i++) {
          // every 100th is open: its kind cycles over the five open statuses, then its team
          // over the teams, so each (open status, team) holds 1 in 10,000 of the incidents
          int open = i / 100;
          int kind = i % 100 == 0 ? 2 + open % 5 : (i % 20 == 1 ? 1 : 0);
          int team = i % 100 == 0 ? (open / 5) % TEAMS : i % TEAMS;
          Incident t = templates.get(kind).get(team);
          String id = String.format("BENCH-%07d", i);
          ps.setString(1, id);
          ps.setLong(2, t.version());
          ps.setString(3, t.status().name());
          setOptional(ps, 4, t.team().orElse(null));
          setOptional(ps, 5, t.assignment().flatMap(Assignment::assignee).orElse(null));
          setOptional(ps, 6, t.caller().map(Caller::id).orElse(null));
          setOptional(ps, 7, t.externalId().orElse(null));
          ps.setObject(8, t.openedAt().atOffset(ZoneOffset.UTC));
          ps.setObject(9, t.updatedAt().atOffset(ZoneOffset.UTC));
          ps.setNull(10, Types.TIMESTAMP_WITH_TIMEZONE);
          ps.setString(11, texts.get(kind).get(team).replace(t.id(), id));
          ps.addBatch();
          if (i % 1_000 == 999) {
            ps.executeBatch();
          }
          if (i % 20_000 == 19_999) {
            c.commit();
          }
        }
        ps.executeBatch();
      }
      c.commit();
      c.setAutoCommit(true);
      if (postgres) {
        // as on a desk whose rows are not all fresh: hint bits set, visibility map and statistics
        // current (autovacuum would do this in the background, during the measurement)
        try (var s = c.createStatement()) {
          s.execute("VACUUM (ANALYZE) itsm_incident");
          s.execute("CHECKPOINT");
        }
      }
    }
  }

  private static void setOptional(PreparedStatement ps, int i, String v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.VARCHAR);
    } else {
      ps.setString(i, v);
    }
  }

  /** Real incidents per kind (CLOSED, CANCELLED, NEW...RESOLVED) and team, made by a desk. */
  private static List<List<Incident>> templates() {
    ServiceDesk desk = ServiceDesk.builder().clock(CLOCK).build();
    Actor admin = Actor.of("root", Role.ADMIN);
    List<List<Incident>> out = new ArrayList<>();
    Status[] kinds = {Status.CLOSED, Status.CANCELLED, Status.NEW, Status.ASSIGNED, Status.IN_PROGRESS,
        Status.ON_HOLD, Status.RESOLVED};
    for (Status kind : kinds) {
      List<Incident> byTeam = new ArrayList<>();
      for (int team = 0; team < TEAMS; team++) {
        String teamName = String.format("team-%02d", team);
        Actor caller = Actor.endUser("user-" + team);
        Actor agent = Actor.of("agent-" + team, Role.SPECIALIST, teamName);
        Incident inc = desk.log(caller, Ticket.builder().title("Printer on floor " + team + " jams")
            .description("The printer next to the kitchen shows error 0x50 and pulls two sheets.")
            .id("EXT-" + kind + "-" + team).build());
        if (kind == Status.NEW) {            // not yet assigned: no team
          byTeam.add(inc);
          continue;
        }
        inc = desk.assign(admin, inc.id(), Assignment.toPerson(teamName, agent.id(), SupportLevel.L1));
        if (kind == Status.CANCELLED) {
          byTeam.add(desk.cancel(admin, inc.id(), "duplicate"));
          continue;
        }
        if (kind != Status.ASSIGNED) {
          inc = desk.startWork(agent, inc.id());
        }
        if (kind == Status.ON_HOLD) {
          inc = desk.putOnHold(agent, inc.id(), OnHoldReason.AWAITING_USER, "which floor?");
        } else if (kind == Status.RESOLVED || kind == Status.CLOSED) {
          inc = desk.proposeResolution(agent, inc.id(), "SOLVED_FIXED", "Replaced the pick-up roller");
          if (kind == Status.CLOSED) {
            inc = desk.confirmResolution(caller, inc.id());
          }
        }
        byTeam.add(inc);
      }
      out.add(byTeam);
    }
    return out;
  }

  /** Stops PostgreSQL and deletes the H2 file. */
  @Override
  public void close() {
    postgres.close();
    h2.close();
    pg.close();
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
