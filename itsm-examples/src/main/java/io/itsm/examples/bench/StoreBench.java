package io.itsm.examples.bench;

import io.itsm.core.ServiceDesk;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Ticket;
import io.itsm.core.repository.InMemoryIncidentRepository;
import io.itsm.core.triage.TriagePolicy;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The full lifecycle ({@link Lifecycle#run}: log → triage → assign → work → resolve → approve when
 * required → confirm) on the JDBC store — PostgreSQL (durable defaults) and an H2 file — against
 * the same lifecycle in memory, and against the floor ({@link StoreFloor}: the same transactions
 * and rows as plain JDBC inserts, updates and commits). Triage is the hand-written baseline
 * policy, so that the rows compare storage. One thread.
 *
 * <p>Run: {@code java -cp itsm-examples/target/itsm.jar org.openjdk.jmh.Main StoreBench -f 1
 * -wi 5 -w 2 -i 5 -r 2}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class StoreBench {

  /** The stores, desks, floors and tickets. */
  @State(Scope.Benchmark)
  public static class Stores {
    StoreBenchSetup setup;
    Ticket[] tickets;
    ServiceDesk memory;
    ServiceDesk postgres;
    ServiceDesk h2;
    StoreFloor postgresFloor;
    StoreFloor h2Floor;

    /**
     * Starts PostgreSQL, opens the stores and records the floors.
     *
     * @throws IOException if PostgreSQL cannot start
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
      setup = new StoreBenchSetup();
      List<Ticket> list = StoreBenchSetup.tickets(2_000);
      tickets = list.toArray(new Ticket[0]);
      TriagePolicy policy = StoreBenchSetup.policy();
      postgres = Lifecycle.desk(policy, StoreBenchSetup.CLOCK, setup.postgres.incidents());
      h2 = Lifecycle.desk(policy, StoreBenchSetup.CLOCK, setup.h2.incidents());
      postgresFloor = StoreFloor.record(policy, StoreBenchSetup.CLOCK, list, setup.postgres.dataSource(), true);
      h2Floor = StoreFloor.record(policy, StoreBenchSetup.CLOCK, list, setup.h2.dataSource(), false);
    }

    /** A fresh in-memory desk per iteration keeps its repository small. */
    @Setup(Level.Iteration)
    public void freshMemoryDesk() {
      memory = Lifecycle.desk(StoreBenchSetup.policy(), StoreBenchSetup.CLOCK, new InMemoryIncidentRepository());
    }

    /** Stops PostgreSQL and deletes the H2 file. */
    @TearDown(Level.Trial)
    public void tearDown() {
      setup.close();
    }
  }

  /**
   * A lifecycle in memory.
   *
   * @param s the stores
   * @param c the cursor
   * @return the closed incident
   */
  @Benchmark
  public Incident memory(Stores s, TriageBench.Cursor c) {
    return Lifecycle.run(s.memory, c.next(s.tickets));
  }

  /**
   * A lifecycle on PostgreSQL.
   *
   * @param s the stores
   * @param c the cursor
   * @return the closed incident
   */
  @Benchmark
  public Incident postgres(Stores s, TriageBench.Cursor c) {
    return Lifecycle.run(s.postgres, c.next(s.tickets));
  }

  /**
   * The same transactions as plain JDBC on PostgreSQL.
   *
   * @param s the stores
   * @param c the cursor
   * @return the id written
   * @throws SQLException if the database fails
   */
  @Benchmark
  public String postgresFloor(Stores s, TriageBench.Cursor c) throws SQLException {
    return s.postgresFloor.write(c.nextIndex(s.tickets.length));
  }

  /**
   * A lifecycle on the H2 file.
   *
   * @param s the stores
   * @param c the cursor
   * @return the closed incident
   */
  @Benchmark
  public Incident h2(Stores s, TriageBench.Cursor c) {
    return Lifecycle.run(s.h2, c.next(s.tickets));
  }

  /**
   * The same transactions as plain JDBC on the H2 file.
   *
   * @param s the stores
   * @param c the cursor
   * @return the id written
   * @throws SQLException if the database fails
   */
  @Benchmark
  public String h2Floor(Stores s, TriageBench.Cursor c) throws SQLException {
    return s.h2Floor.write(c.nextIndex(s.tickets.length));
  }
}
