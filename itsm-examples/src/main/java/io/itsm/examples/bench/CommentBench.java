package io.itsm.examples.bench;

import io.itsm.core.ServiceDesk;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.event.Visibility;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Ticket;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One comment on an incident that already has {@code events} events, on the in-memory desk
 * (issue #10: the cost per comment rose from 130 µs at 10,000 events to 460 µs at 100,000 while
 * every append copied the whole history).
 *
 * <p>Each measurement is a batch of {@link #BATCH} comments on a fresh incident with {@code
 * events} events (rebuilt before every batch, so the history stays at its size); the score is the
 * time of one batch: divide by {@link #BATCH} for one comment.
 *
 * <p>Run: {@code java -cp itsm-examples/target/itsm.jar org.openjdk.jmh.Main CommentBench -f 1}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 20, batchSize = CommentBench.BATCH)
@Measurement(iterations = 30, batchSize = CommentBench.BATCH)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class CommentBench {

  /** Comments per measured batch. */
  public static final int BATCH = 1_000;

  /** Events of the incident before the batch. */
  @Param({"10000", "100000"})
  public int events;

  ServiceDesk desk;
  String id;
  int n;

  private static final Actor AGENT = Actor.of("agent", Role.AGENT, "service-desk");

  /**
   * A desk with one incident of {@code events} events.
   *
   * @param events how many events
   * @return the desk and the incident's id
   */
  public static Object[] incidentWith(int events) {
    ServiceDesk desk = ServiceDesk.builder().build();
    Ticket t = Ticket.builder().title("Printer jams").caller(Caller.of("u1")).build();
    Incident inc = desk.log(AGENT, t);
    for (long v = inc.version(); v < events; v++) {
      desk.comment(AGENT, inc.id(), "note", Visibility.INTERNAL);
    }
    return new Object[] {desk, inc.id()};
  }

  /** A fresh incident of {@code events} events before each batch. */
  @Setup(Level.Iteration)
  public void setUp() {
    Object[] d = incidentWith(events);
    desk = (ServiceDesk) d[0];
    id = (String) d[1];
  }

  /**
   * One comment.
   *
   * @return the incident after it
   */
  @Benchmark
  public Incident comment() {
    return desk.comment(AGENT, id, "comment " + n++, Visibility.INTERNAL);
  }
}
