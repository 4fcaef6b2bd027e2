package io.itsm.examples.bench;

import io.itsm.examples.bench.BenchSuite.Mode;
import io.itsm.examples.bench.BenchSuite.Row;
import io.itsm.examples.bench.BenchSuite.Stat;
import io.itsm.examples.bench.BenchSuite.Target;
import io.itsm.rules.TriageEngine;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The Kafka rows of {@link BenchSuite} (issue #18): tickets through a real Kafka broker, triage
 * topology against a pass-through topology on the same broker ({@link KafkaThroughput}), as wall
 * time per ticket (and tickets per second): the default packs with 1 and 2 stream threads (they
 * fire on the stream thread), and with 1 thread the same rules within a time budget (fired on a
 * rule worker, as a topology with team rule files does).
 *
 * <p>The broker: the one given by {@code --kafka-bootstrap HOST:PORT} (it must allow transactions:
 * {@code transaction.state.log.replication.factor} and {@code min.isr} at most its number of
 * brokers), else a {@code KafkaTestBroker} (itsm-kafka-testkit: one KRaft node) started as a
 * <b>child JVM</b>, so that the broker's jars never have to be in {@code itsm.jar}. Its class path
 * is this JVM's plus the jars of {@value #BENCH_LIB} beside the jar this class was loaded from
 * ({@code itsm-examples/target/bench-lib/}, filled by the build's {@code package} phase with the
 * broker and what it needs beyond {@code itsm.jar}); a class path that already holds the broker
 * (the tests', an IDE's) is used as it is. When there is neither a broker nor its jars, the rows
 * say that they were skipped and why: never a number.
 *
 * <p>Counts by mode (full / quick / smoke): 40,000 / 10,000 / 200 tickets per measurement; 3 / 3
 * / 1 rounds, after (but in smoke) one untimed triage measurement to warm the JIT up. The four
 * variants alternate within each round; the rows show the median and range of the rounds.
 *
 * <p>Not thread-safe.
 */
final class KafkaBench {

  /** The directory of the broker's jars, beside the jar of the suite. */
  static final String BENCH_LIB = "bench-lib";

  private static final String BROKER_CLASS = "io.itsm.kafka.testkit.KafkaTestBroker";
  private static final String READY_LINE = "itsm-kafka-test-broker bootstrap.servers=";
  /**
   * What a round measures, in this order: the triage rows with their floors (pass-through with as
   * many threads). The budgeted triage is what a topology with team rule files runs: the rules
   * fire on a worker within the time budget, one hand-over per ticket (the default packs alone
   * fire on the stream thread, see {@code RulesSource}).
   */
  private static final List<KafkaThroughput.Variant> VARIANTS = List.of(
      KafkaThroughput.Variant.passThrough(1),
      KafkaThroughput.Variant.triage(1),
      new KafkaThroughput.Variant("triage with a time budget", true, 1,
          b -> b.timeBudget(TriageEngine.defaultTimeBudget())),
      KafkaThroughput.Variant.passThrough(2),
      KafkaThroughput.Variant.triage(2));

  private final Mode mode;
  private final PrintStream log;
  private final Optional<String> external;

  KafkaBench(Mode mode, PrintStream log, Optional<String> externalBootstrap) {
    this.mode = mode;
    this.log = log;
    this.external = externalBootstrap;
  }

  List<Row> rows() throws Exception {
    // Kafka Streams warns once per new Topology() that the global processing exception handler is
    // off, whatever the streams' config says (see TriageStreams.defaultConfig()): not news here
    String quiet = "org.slf4j.simpleLogger.log.org.apache.kafka.streams.StreamsConfig";
    if (System.getProperty(quiet) == null) {
      System.setProperty(quiet, "error");
    }
    int tickets = switch (mode) {
      case FULL -> 40_000;
      case QUICK -> 10_000;
      case SMOKE -> 200;
    };
    int rounds = mode == Mode.SMOKE ? 1 : 3;
    Path state = Files.createTempDirectory("itsm-bench-kafka-");
    try {
      if (external.isPresent()) {
        log.println("  broker: " + external.get() + " (--kafka-bootstrap)");
        return rows(measure(external.get(), tickets, rounds, state), tickets);
      }
      Either classPath = brokerClassPath();
      if (classPath.skipped() != null) {
        return skipped(classPath.skipped());
      }
      try (ChildBroker broker = ChildBroker.start(classPath.classPath(), state, log)) {
        return rows(measure(broker.bootstrap(), tickets, rounds, state), tickets);
      }
    } finally {
      try (Stream<Path> files = Files.walk(state)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** The rounds, after one untimed triage measurement that warms the JIT up (but in smoke). */
  private List<KafkaThroughput.Result> measure(String bootstrap, int tickets, int rounds,
      Path state) throws Exception {
    KafkaThroughput t = new KafkaThroughput(bootstrap, tickets, state, log, b -> { });
    if (mode != Mode.SMOKE) {
      double warm = t.measure(KafkaThroughput.Variant.triage(1));
      log.printf(Locale.ROOT, "  kafka warm-up (triage, 1 thread, not counted): %,.0f tickets/s%n",
          1e9 / warm);
    }
    return t.run(rounds, VARIANTS);
  }

  private static List<Row> rows(List<KafkaThroughput.Result> results, int tickets) {
    List<Row> rows = new ArrayList<>();
    for (KafkaThroughput.Result triage : results) {
      if (!triage.variant().triage()) {
        continue;
      }
      KafkaThroughput.Result floor = results.stream()
          .filter(r -> !r.variant().triage() && r.variant().threads() == triage.variant().threads())
          .findFirst().orElseThrow();
      Stat value = Stat.of(triage.nanosPerTicket(), BenchSuite::time);
      Stat baseline = Stat.of(floor.nanosPerTicket(), BenchSuite::time);
      Row r = BenchSuite.compare(measure(triage.variant(), tickets), value, baseline,
          BenchSuite::time, Target.NONE);
      rows.add(new Row(r.measure(), r.value() + " = " + perSecond(value.value()),
          r.baseline() + " = " + perSecond(baseline.value()), r.ratio(), r.target(), r.met()));
    }
    return rows;
  }

  private static String measure(KafkaThroughput.Variant v, int tickets) {
    return String.format(Locale.ROOT, "Kafka: %s through a local broker, %d stream thread%s,"
        + " per ticket, %,d tickets, exactly-once (baseline: pass-through topology, same broker)",
        v.name(), v.threads(), v.threads() == 1 ? "" : "s", tickets);
  }

  private static String perSecond(double nanosPerTicket) {
    return String.format(Locale.ROOT, "%,.0f/s", 1e9 / nanosPerTicket);
  }

  private List<Row> skipped(String why) {
    log.println("  kafka: skipped: " + why);
    List<Row> rows = new ArrayList<>();
    for (KafkaThroughput.Variant v : VARIANTS) {
      if (v.triage()) {
        rows.add(new Row(String.format(Locale.ROOT, "Kafka: %s through a local broker, %d stream"
            + " thread%s (baseline: pass-through topology, same broker)", v.name(), v.threads(),
            v.threads() == 1 ? "" : "s"), "skipped: " + why, BenchSuite.NO_BASELINE, "—", "—",
            "—"));
      }
    }
    return rows;
  }

  /** A class path for the broker's JVM, or why there is none. */
  record Either(String classPath, String skipped) {}

  static Either brokerClassPath() {
    Path location;
    try {
      location = Path.of(KafkaBench.class.getProtectionDomain().getCodeSource().getLocation()
          .toURI());
    } catch (URISyntaxException | RuntimeException e) {
      return new Either(null, "no broker: cannot locate the suite's jar (" + e + "); pass"
          + " --kafka-bootstrap HOST:PORT");
    }
    return brokerClassPath(KafkaBench.class.getClassLoader(), location,
        System.getProperty("java.class.path"));
  }

  /**
   * The broker JVM's class path: {@code own} if {@code loader} sees the broker, else the jars of
   * {@value #BENCH_LIB} beside {@code location} followed by {@code own}, else why there is none.
   */
  static Either brokerClassPath(ClassLoader loader, Path location, String own) {
    try {
      Class.forName(BROKER_CLASS, false, loader);
      return new Either(own, null);
    } catch (ClassNotFoundException e) {
      // not on this class path: look for the jars the build put beside the suite's jar
    }
    Path lib = location.toAbsolutePath().getParent().resolve(BENCH_LIB);
    List<String> jars = new ArrayList<>();
    boolean hasBroker = false;
    if (Files.isDirectory(lib)) {
      try (DirectoryStream<Path> d = Files.newDirectoryStream(lib, "*.jar")) {
        for (Path jar : d) {
          jars.add(jar.toString());
          hasBroker |= jar.getFileName().toString().startsWith("itsm-kafka-testkit");
        }
      } catch (IOException e) {
        return new Either(null, "no broker: cannot list " + lib + " (" + e + ")");
      }
    }
    if (!hasBroker) {
      return new Either(null, "no broker: the broker is not in itsm.jar and " + lib
          + " has no itsm-kafka-testkit jar; build with `mvn -B -pl itsm-examples -am package"
          + " -DskipTests` (it copies the broker's jars there) or pass --kafka-bootstrap"
          + " HOST:PORT");
    }
    jars.sort(null);
    return new Either(String.join(File.pathSeparator, jars) + File.pathSeparator + own, null);
  }

  /**
   * A {@code KafkaTestBroker} in a child JVM: started with its {@code main}, which prints the
   * bootstrap servers and serves until its standard input closes. The child's standard error goes
   * to a file, shown when it fails to start.
   */
  static final class ChildBroker implements AutoCloseable {

    private final Process process;
    private final String bootstrap;

    private ChildBroker(Process process, String bootstrap) {
      this.process = process;
      this.bootstrap = bootstrap;
    }

    static ChildBroker start(String classPath, Path dir, PrintStream log) throws Exception {
      Path errors = dir.resolve("broker.log");
      List<String> command = List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", classPath,
          BROKER_CLASS);
      long t0 = System.nanoTime();
      Process p = new ProcessBuilder(command).redirectError(errors.toFile()).start();
      CompletableFuture<String> ready = new CompletableFuture<>();
      Thread reader = new Thread(() -> {
        // reads the ready line, then drains the rest so that the child never blocks on a full pipe
        try (BufferedReader out = new BufferedReader(
            new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(READY_LINE)) {
              ready.complete(line.substring(READY_LINE.length()).trim());
            }
          }
        } catch (IOException e) {
          // the child is gone
        } finally {
          ready.complete(null);
        }
      }, "kafka-broker-stdout");
      reader.setDaemon(true);
      reader.start();
      String bootstrap;
      try {
        bootstrap = ready.get(3, TimeUnit.MINUTES);
      } catch (TimeoutException e) {
        bootstrap = null;
      }
      if (bootstrap == null) {
        p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        String err = Files.exists(errors) ? Files.readString(errors, StandardCharsets.UTF_8) : "";
        throw new IllegalStateException("the Kafka broker's JVM did not start (exit "
            + (p.isAlive() ? "none" : String.valueOf(p.exitValue())) + "); its errors:\n"
            + err.substring(Math.max(0, err.length() - 4_000)));
      }
      log.printf(Locale.ROOT, "  broker: KafkaTestBroker in a child JVM on %s, started in %.1f s%n",
          bootstrap, (System.nanoTime() - t0) / 1e9);
      log.flush();
      return new ChildBroker(p, bootstrap);
    }

    String bootstrap() {
      return bootstrap;
    }

    /** Closes the child's standard input (it then stops the broker), waits, else kills it. */
    @Override
    public void close() throws Exception {
      try {
        process.getOutputStream().close();
      } catch (IOException e) {
        // already gone
      }
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        }
      }
    }
  }
}
