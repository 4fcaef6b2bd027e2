package io.itsm.examples.bench;

import io.itsm.core.ServiceDesk;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.incident.Ticket;
import io.itsm.core.sla.BusinessCalendar;
import io.itsm.core.sla.SlaClock;
import io.itsm.core.sla.SlaPolicy;
import io.itsm.core.triage.TriagePolicy;
import io.itsm.core.triage.TriageOutcome;
import io.itsm.core.triage.TriageResult;
import io.itsm.examples.cli.ItsmCommand;
import io.itsm.rules.TeamMap;
import io.itsm.rules.TriageEngine;
import io.itsm.rules.keywords.KeywordDictionary;
import io.itsm.rules.testkit.TicketGenerator;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;
import java.util.function.DoubleFunction;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The whole performance suite of issue #6 in one command: every measure with its plain-Java
 * baseline, measured in the same run, and one table at the end: measure | value | baseline |
 * ratio | target | met?
 *
 * <pre>
 * mvn -B -q -pl itsm-examples -am package -DskipTests
 * java -cp itsm-examples/target/itsm.jar io.itsm.examples.bench.BenchSuite --quick   # ≤ 2 min
 * java -cp itsm-examples/target/itsm.jar io.itsm.examples.bench.BenchSuite           # 15-25 min
 * </pre>
 *
 * <p><b>Full</b> (no option): the in-process measures run as JMH benchmarks with the settings
 * published in {@code docs/performance.md} ({@link TriageBench}, {@link ScalingBench}, {@link
 * RebuildBench}, {@link SlaBenchmark}, {@link LifecycleBench}, {@link ImpactBench}, {@link CmdbTriageBench}; JMH forks its own JVMs); the
 * process-level measures (cold start, memory, the command line on 25,000 tickets) run as child
 * JVMs with the same {@code java} and class path, timed from outside, several times each (median
 * and range).
 *
 * <p><b>{@code --quick}</b>: everything in this JVM with short warm-ups, engine and baseline
 * alternating round by round (median and range of the rounds), and smaller process-level counts
 * (memory after 10,000 vs 100,000 triages, the command line on 5,000 tickets, fewer cold starts).
 * The settings are printed above the table. Use the full suite for numbers to publish.
 *
 * <p>{@code --smoke}: the quick suite with minimal counts (seconds); {@code BenchSuiteTest} runs
 * it so that the suite cannot rot. Its numbers mean nothing. {@code --only a,b} runs only the
 * named measures ({@link #MEASURES}); {@code --jmh-short} runs the full suite's JMH benchmarks with
 * one 1-second warm-up and measurement iteration, to check the runner.
 *
 * <p>Each in-process measure first checks that the engine and its baseline decide alike on the
 * tickets it is about to use (the tests check far more); the command-line measure compares the
 * two processes' output files byte for byte, the cold-start measure the first decision they print.
 *
 * <p>Adding a row: write a method {@code List<Row> name()} that measures and returns its rows
 * (with {@code compare(...)}, {@link Stat} and {@link Target}), add it to {@code measures()} and
 * its name to {@link #MEASURES}.
 *
 * <p>Not thread-safe; one suite runs at a time.
 */
public final class BenchSuite {

  /** The names of the measures, in table order, as {@code --only} takes them. */
  public static final List<String> MEASURES =
      List.of("triage", "bulk", "floor", "scaling", "rebuild", "cold-start", "memory", "sla", "lifecycle", "cmdb",
          "cli", "tick", "comment", "learning", "metrics", "import", "store", "knowledge", "kafka");

  /** How much to measure. */
  public enum Mode {
    /** JMH with the published settings, process-level measures at full size. */
    FULL,
    /** In-process alternating rounds with short warm-ups, smaller process-level counts. */
    QUICK,
    /** Minimal counts, to test the suite itself. */
    SMOKE
  }

  /**
   * The counts of one mode.
   *
   * @param warmupNanos warm-up of the default engine before the triage rows (in-process modes)
   * @param shortWarmupNanos warm-up of every other in-process measure
   * @param rounds alternating rounds per in-process comparison
   * @param tickets tickets per triage round
   * @param scalingTickets tickets per scaling round
   * @param lifecycles lifecycles per round
   * @param coldRuns fresh JVMs per cold-start variant (default packs, baseline)
   * @param teamRuns fresh JVMs per cold-start variant with team rules
   * @param teamRules the number of generated team rules
   * @param memoryFirst triages before the first heap measurement
   * @param memoryTotal triages before the last heap measurement
   * @param cliTickets tickets in the command line's input
   * @param cliRuns processes per command-line variant
   */
  record Settings(
      long warmupNanos,
      long shortWarmupNanos,
      int rounds,
      int tickets,
      int scalingTickets,
      int lifecycles,
      int coldRuns,
      int teamRuns,
      int teamRules,
      int memoryFirst,
      int memoryTotal,
      int cliTickets,
      int cliRuns) {

    static Settings of(Mode mode) {
      return switch (mode) {
        case FULL -> new Settings(0, 0, 0, 0, 0, 0, 5, 3, 1_000, 10_000, 1_000_000, 25_000, 5);
        case QUICK ->
            new Settings(s(10), s(2), 7, 2_000, 1_000, 500, 3, 1, 1_000, 10_000, 100_000, 5_000, 2);
        case SMOKE -> new Settings(0, 0, 1, 50, 50, 20, 1, 1, 10, 1_000, 2_000, 100, 1);
      };
    }

    private static long s(int seconds) {
      return TimeUnit.SECONDS.toNanos(seconds);
    }

    String describe(Mode mode, boolean jmhShort) {
      String processes = String.format(Locale.ROOT,
          "cold start: fresh JVMs per variant %d (with %,d team rules %d); memory after %,d vs %,d"
              + " triages; CLI on %,d tickets, processes per variant %d",
          coldRuns, teamRules, teamRuns, memoryFirst, memoryTotal, cliTickets, cliRuns);
      return switch (mode) {
        case FULL -> (jmhShort
                ? "full with --jmh-short: JMH with 1 x 1 s warm-up and measurement (numbers mean"
                    + " nothing)"
                : "full: JMH, one fork each, with the published settings (warm-up × s,"
                    + " measurement × s): TriageBench 10×2, 5×2; ScalingBench 8×2, 5×1;"
                    + " RebuildBench 3×5, 5×5; SlaBenchmark 5×1, 5×1; LifecycleBench 8×2, 5×2;"
                    + " DroolsFloorBench 10×2, 5×2; ImpactBench 5×2, 5×2; CmdbTriageBench 10×2, 5×2;"
                    + " TickBench 5×2, 5×2; CommentBench 20, 30 batches of 1,000; StoreBench 5×2, 5×2;"
                    + " StoreFindBench 5×1, 5×1")
            + "; "
            + processes;
        case QUICK, SMOKE -> String.format(Locale.ROOT,
            "%s: in one JVM, engine warm-up %d s (other measures %d s), median and range of %d"
                + " alternating rounds (%,d tickets per triage round, %,d lifecycles); %s",
            mode.name().toLowerCase(Locale.ROOT), TimeUnit.NANOSECONDS.toSeconds(warmupNanos),
            TimeUnit.NANOSECONDS.toSeconds(shortWarmupNanos), rounds, tickets, lifecycles,
            processes);
      };
    }
  }

  /**
   * One line of the table. Every field is already formatted; {@code "—"} when it does not apply.
   *
   * @param measure what is measured
   * @param value the library's value
   * @param baseline the plain-Java baseline's value, or {@link #NO_BASELINE}
   * @param ratio value / baseline
   * @param target the target of the issue
   * @param met {@code yes}, {@code no} or {@code —}
   */
  public record Row(
      String measure, String value, String baseline, String ratio, String target, String met) {}

  /** What a row without a baseline shows in the baseline column. */
  public static final String NO_BASELINE = "none";

  /**
   * A measured value: the median (or JMH score) and how far it spread.
   *
   * @param value the median or score, in the measure's unit (nanoseconds, bytes)
   * @param spread the range ({@code min–max}) or JMH's error, formatted, or empty
   */
  public record Stat(double value, String spread) {

    /**
     * The median and range of samples.
     *
     * @param samples the samples
     * @param format formats one sample
     * @return the stat
     */
    static Stat of(List<Double> samples, DoubleFunction<String> format) {
      double[] s = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      double median = s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
      return new Stat(median, s.length == 1 ? "" : format.apply(s[0]) + "–" + format.apply(s[s.length - 1]));
    }
  }

  /**
   * A target of the issue and how to decide whether a row meets it.
   *
   * @param text as shown
   * @param met decides from (value, baseline); null for a row without target
   */
  public record Target(String text, BiPredicate<Double, Double> met) {

    /** No target. */
    static final Target NONE = new Target("—", null);

    static Target ratioAtMost(double max) {
      return new Target("≤ " + plain(max) + " ×", (v, b) -> v / b <= max);
    }

    static Target nanosAtMost(double max) {
      String text = max >= 1e9 ? plain(max / 1e9) + " s"
          : max >= 1e6 ? plain(max / 1e6) + " ms" : max >= 1e3 ? plain(max / 1e3) + " µs"
          : plain(max) + " ns";
      return new Target("≤ " + text, (v, b) -> v <= max);
    }

    private static String plain(double v) {
      return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    String met(double value, double baseline) {
      return met == null ? "—" : met.test(value, baseline) ? "yes" : "**no**";
    }
  }

  private final Mode mode;
  private final Settings settings;
  private final boolean jmhShort;
  private final PrintStream log;
  private final Optional<String> kafkaBootstrap;
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "bench-suite");
    t.setDaemon(true);
    return t;
  });
  private TriageEngine engine;
  private HandWrittenTriage baseline;
  private List<Ticket> tickets;

  BenchSuite(Mode mode, boolean jmhShort, PrintStream log, Optional<String> kafkaBootstrap) {
    this.mode = mode;
    this.settings = Settings.of(mode);
    this.jmhShort = jmhShort;
    this.log = log;
    this.kafkaBootstrap = kafkaBootstrap;
  }

  /** The measures, in table order: name → method. Adding a row is adding an entry here. */
  private Map<String, Measure> measures() {
    Map<String, Measure> m = new LinkedHashMap<>();
    m.put("triage", this::triage);
    m.put("bulk", this::bulk);
    m.put("floor", this::floor);
    m.put("scaling", this::scaling);
    m.put("rebuild", this::rebuild);
    m.put("cold-start", this::coldStart);
    m.put("memory", this::memory);
    m.put("sla", this::sla);
    m.put("lifecycle", this::lifecycle);
    m.put("cmdb", this::cmdb);
    m.put("cli", this::cli);
    m.put("tick", this::tick);
    m.put("comment", this::comment);
    m.put("learning", () -> new LearningBench(mode, log).rows());
    m.put("metrics", () -> new MetricsMeasures(mode, log).metrics());
    m.put("import", () -> new MetricsMeasures(mode, log).importRows());
    m.put("store", this::store);
    m.put("knowledge", () -> new KnowledgeBench(mode, log).rows());
    m.put("kafka", () -> new KafkaBench(mode, log, kafkaBootstrap).rows());
    return m;
  }

  /** One measure: measures and returns its rows. */
  @FunctionalInterface
  interface Measure {
    List<Row> run() throws Exception;
  }

  /**
   * Runs the suite and prints the table.
   *
   * @param args {@code --quick} or {@code --smoke} (default: full), {@code --only a,b}, {@code
   *     --jmh-short}, {@code --kafka-bootstrap HOST:PORT} (the {@code kafka} rows on that broker
   *     instead of a test broker in a child JVM)
   * @throws Exception if a measure fails
   */
  public static void main(String[] args) throws Exception {
    Mode mode = Mode.FULL;
    boolean jmhShort = false;
    List<String> only = MEASURES;
    Optional<String> kafka = Optional.empty();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> mode = Mode.QUICK;
        case "--smoke" -> mode = Mode.SMOKE;
        case "--jmh-short" -> jmhShort = true;
        case "--only" -> only = List.of(args[++i].split(","));
        case "--kafka-bootstrap" -> kafka = Optional.of(args[++i]);
        default -> {
          System.err.println("usage: BenchSuite [--quick | --smoke] [--only "
              + String.join(",", MEASURES) + "] [--jmh-short] [--kafka-bootstrap HOST:PORT]");
          System.exit(2);
        }
      }
    }
    if (!MEASURES.containsAll(only)) {
      System.err.println("--only takes " + String.join(",", MEASURES) + ", but was " + only);
      System.exit(2);
    }
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    run(mode, jmhShort, only, System.out, kafka);
    System.exit(0); // JMH leaves non-daemon threads behind
  }

  /**
   * Runs the measures and prints the header and the table to {@code out}.
   *
   * @param mode how much to measure
   * @param jmhShort in the full mode, JMH with 1 × 1 s warm-up and measurement
   * @param only the names of the measures to run
   * @param out where progress and the table go
   * @return the rows
   * @throws Exception if a measure fails
   */
  static List<Row> run(Mode mode, boolean jmhShort, List<String> only, PrintStream out)
      throws Exception {
    return run(mode, jmhShort, only, out, Optional.empty());
  }

  /**
   * Runs the measures and prints the header and the table to {@code out}.
   *
   * @param mode how much to measure
   * @param jmhShort in the full mode, JMH with 1 × 1 s warm-up and measurement
   * @param only the names of the measures to run
   * @param out where progress and the table go
   * @param kafkaBootstrap the broker of the {@code kafka} rows; empty: a test broker in a child JVM
   * @return the rows
   * @throws Exception if a measure fails
   */
  static List<Row> run(Mode mode, boolean jmhShort, List<String> only, PrintStream out,
      Optional<String> kafkaBootstrap) throws Exception {
    BenchSuite suite = new BenchSuite(mode, jmhShort, out, kafkaBootstrap);
    long start = System.nanoTime();
    String loadBefore = load();
    List<Row> rows = new ArrayList<>();
    try {
      for (Map.Entry<String, Measure> e : suite.measures().entrySet()) {
        if (only.contains(e.getKey())) {
          out.printf("== %s%n", e.getKey());
          out.flush();
          long t0 = System.nanoTime();
          rows.addAll(e.getValue().run());
          out.printf(Locale.ROOT, "== %s: %.0f s%n", e.getKey(), (System.nanoTime() - t0) / 1e9);
        }
      }
    } finally {
      suite.pool.shutdownNow();
    }
    out.println();
    out.println(suite.header(loadBefore, System.nanoTime() - start));
    out.println();
    out.print(table(rows));
    out.flush();
    return rows;
  }

  private String header(String loadBefore, long nanos) {
    return String.format(Locale.ROOT,
        "itsm bench suite, %s; %s; %s, %d CPUs; JDK %s; load average %s before, %s after;"
            + " %.0f s wall.%n%s",
        mode.name().toLowerCase(Locale.ROOT),
        ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
        cpu(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"),
        loadBefore, load(), nanos / 1e9, settings.describe(mode, jmhShort));
  }

  /**
   * Formats rows as a Markdown table.
   *
   * @param rows the rows
   * @return the table, one line per row after the header
   */
  static String table(List<Row> rows) {
    List<String[]> cells = new ArrayList<>();
    cells.add(new String[] {"measure", "value", "baseline", "ratio", "target", "met?"});
    for (Row r : rows) {
      cells.add(new String[] {r.measure(), r.value(), r.baseline(), r.ratio(), r.target(), r.met()});
    }
    int[] width = new int[6];
    for (String[] c : cells) {
      for (int i = 0; i < 6; i++) {
        width[i] = Math.max(width[i], c[i].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int line = 0; line < cells.size(); line++) {
      String[] c = cells.get(line);
      sb.append('|');
      for (int i = 0; i < 6; i++) {
        sb.append(' ').append(c[i]).append(" ".repeat(width[i] - c[i].length())).append(" |");
      }
      sb.append('\n');
      if (line == 0) {
        sb.append('|');
        for (int i = 0; i < 6; i++) {
          sb.append("-".repeat(width[i] + 2)).append('|');
        }
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  // ------------------------------------------------------------------------------------------
  // the measures

  /** 1. One ticket through the default packs, 1 and 2 threads. */
  private List<Row> triage() throws Exception {
    String m1 = "one ticket, default packs, 1 thread";
    String m2 = "one ticket, default packs, 2 threads (per thread)";
    Target target = Target.ratioAtMost(1.3);
    if (mode == Mode.FULL) {
      Map<String, RunResult> r = jmh(TriageBench.class, 10, 2, 5, 2);
      return List.of(
          compare(m1, jmhStat(r, "engine"), jmhStat(r, "baseline"), BenchSuite::time, target),
          compare(m2, jmhStat(r, "engine2Threads"), jmhStat(r, "baseline2Threads"),
              BenchSuite::time, target));
    }
    defaults();
    warmUp(settings.warmupNanos(), () -> perTicket(engine, tickets), () -> perTicket(baseline, tickets));
    List<Row> rows = new ArrayList<>();
    for (int threads = 1; threads <= 2; threads++) {
      Stat[] s = alternate(settings.rounds(), triageRound(engine, tickets, threads),
          triageRound(baseline, tickets, threads));
      rows.add(compare(threads == 1 ? m1 : m2, s[0], s[1], BenchSuite::time, target));
    }
    return rows;
  }

  /** Tickets per {@code triageAll} call in the bulk measure (and the CLI's batches). */
  public static final int BULK_BATCH = 1_000;

  /**
   * 1a. Bulk triage ({@link TriageEngine#triageAll(List)}, batches of {@value #BULK_BATCH})
   * against the baseline one ticket at a time, in the same run. First checks, on {@link
   * #bulkCheckTickets()} generated tickets, that every bulk outcome equals one triage per ticket
   * (decisions, explanations, overruled candidates, fired rules) and the baseline's decision; a
   * difference fails the suite.
   */
  private List<Row> bulk() throws Exception {
    TriageEngine checked = BenchData.generatedTicketsEngine();
    HandWrittenTriage hand = BenchData.generatedTicketsBaseline();
    int count = bulkCheckTickets();
    List<Ticket> all = TicketGenerator.generate(count, 42L);
    for (int from = 0; from < all.size(); from += BULK_BATCH) {
      List<Ticket> batch = all.subList(from, Math.min(all.size(), from + BULK_BATCH));
      List<TriageOutcome> outcomes = checked.triageAll(batch);
      for (int i = 0; i < batch.size(); i++) {
        Ticket t = batch.get(i);
        TriageResult one = checked.triage(t);
        TriageResult bulk = outcomes.get(i).orElseThrow();
        if (!bulk.equals(one) || !bulk.decisions().equals(one.decisions())
            || !bulk.overruled().equals(one.overruled())
            || !bulk.firedRules().equals(one.firedRules())) {
          throw new IllegalStateException("bulk: triageAll decided " + t + " as " + bulk
              + " but triage as " + one);
        }
        if (from < 10 * BULK_BATCH && !bulk.equals(hand.triage(t))) {
          throw new IllegalStateException("bulk: the engine and the baseline decide " + t
              + " differently");
        }
      }
    }
    log.printf(Locale.ROOT, "bulk: %,d generated tickets decided identically in bulk and one at a"
        + " time%n", count);
    String m1 = String.format(Locale.ROOT,
        "bulk triage per ticket, default packs, batches of %,d, 1 thread", BULK_BATCH);
    String m2 = "one ticket at a time, same run (for comparison), 1 thread";
    Stat[] s;
    if (mode == Mode.FULL) {
      Map<String, RunResult> r = jmh(TriageBench.class, "(bulk|engine|baseline)$", Map.of(),
          10, 2, 5, 2);
      s = new Stat[] {jmhStat(r, "bulk"), jmhStat(r, "engine"), jmhStat(r, "baseline")};
    } else {
      defaults();
      Round bulk = () -> perTicketInBulk(engine, tickets);
      Round single = () -> perTicket(engine, tickets);
      Round hand1 = () -> perTicket(baseline, tickets);
      warmUp(settings.warmupNanos(), bulk, hand1);
      warmUp(settings.shortWarmupNanos(), single, single);
      List<Double> b = new ArrayList<>();
      List<Double> o = new ArrayList<>();
      List<Double> h = new ArrayList<>();
      for (int r = 0; r < settings.rounds(); r++) {
        b.add(bulk.run());
        o.add(single.run());
        h.add(hand1.run());
      }
      s = new Stat[] {Stat.of(b, BenchSuite::time), Stat.of(o, BenchSuite::time),
          Stat.of(h, BenchSuite::time)};
    }
    return List.of(compare(m1, s[0], s[2], BenchSuite::time, Target.ratioAtMost(2.0)),
        compare(m2, s[1], s[2], BenchSuite::time, Target.NONE));
  }

  /** How many generated tickets the bulk measure checks before it measures. */
  private int bulkCheckTickets() {
    return switch (mode) {
      case FULL, QUICK -> 100_000;
      case SMOKE -> 2_000;
    };
  }

  private static double perTicketInBulk(TriageEngine engine, List<Ticket> tickets) {
    long t0 = System.nanoTime();
    for (int from = 0; from < tickets.size(); from += BULK_BATCH) {
      sink = engine.triageAll(tickets.subList(from, Math.min(tickets.size(), from + BULK_BATCH)));
    }
    return (System.nanoTime() - t0) / (double) tickets.size();
  }

  /**
   * 1b. The evidence for measure 1: the least Drools work per ticket ({@link DroolsFloor}, kept
   * sessions, no {@code DecidedSoFar} updates: the cheapest design) against the baseline, and the best
   * ratio any per-ticket Drools design could reach, (baseline + floor) / baseline. Full: JMH
   * ({@link DroolsFloorBench}, the same settings as {@link TriageBench}); else alternating rounds.
   */
  private List<Row> floor() throws Exception {
    Stat[] s;
    if (mode == Mode.FULL) {
      Map<String, RunResult> r = jmh(DroolsFloorBench.class, "(floor|baseline)$",
          Map.of("design", "KEEP", "updates", "false"), 10, 2, 5, 2);
      s = new Stat[] {jmhStat(r, "floor:design=KEEP:updates=false"), jmhStat(r, "baseline")};
    } else {
      defaults();
      TriagePolicy floor =
          DroolsFloor.forGeneratedTickets(tickets, DroolsFloor.Design.KEEP, false).asPolicy();
      warmUp(settings.warmupNanos(), () -> perTicket(floor, tickets), () -> perTicket(baseline, tickets));
      s = alternate(settings.rounds(), triageRound(floor, tickets, 1),
          triageRound(baseline, tickets, 1));
    }
    double bound = (s[1].value() + s[0].value()) / s[1].value();
    List<Row> rows = new ArrayList<>(List.of(
        compare("Drools floor: the engine's facts, 8 stages, rules that never match", s[0], s[1],
            BenchSuite::time, Target.NONE),
        new Row("best ratio of any per-ticket Drools design: (baseline + floor) / baseline",
            num(bound) + " ×", time(s[1].value()) + spread(s[1]), num(bound) + " ×", "≤ 1.3 ×",
            bound <= 1.3 ? "yes" : "**no**")));
    rows.addAll(bulkFloor());
    return rows;
  }

  /**
   * 1c. The evidence for the bulk measure: the floor with the seven {@code DecidedSoFar} updates
   * per ticket that the default packs cause, one ticket at a time in a kept session (what {@code
   * triageAll} does) and a whole batch in one session (eight stage fires per batch: what a bulk
   * design that shares one session could save), against the baseline; alternating rounds in every
   * mode.
   */
  private List<Row> bulkFloor() throws Exception {
    defaults();
    DroolsFloor kept = DroolsFloor.forGeneratedTickets(tickets, DroolsFloor.Design.KEEP, true);
    DroolsFloor shared = DroolsFloor.forGeneratedTickets(tickets, DroolsFloor.Design.SHARED, true);
    Round keptRound = () -> floorPerTicket(kept, tickets);
    Round sharedRound = () -> floorPerTicket(shared, tickets);
    Round baselineRound = () -> perTicket(baseline, tickets);
    warmUp(settings.warmupNanos(), keptRound, sharedRound, baselineRound);
    Stat[] s = alternate(settings.rounds(), keptRound, sharedRound, baselineRound);
    double bound = (s[2].value() + s[1].value()) / s[2].value();
    String batches = String.format(Locale.ROOT, "%,d", BULK_BATCH);
    return List.of(
        compare("Drools floor + 7 DecidedSoFar updates per ticket, a kept session per ticket",
            s[0], s[2], BenchSuite::time, Target.NONE),
        compare("Drools floor + 7 DecidedSoFar updates per ticket, one session per batch of "
            + batches + " (8 stage fires per batch)", s[1], s[2], BenchSuite::time, Target.NONE),
        new Row("best ratio of a one-session bulk design: (baseline + batch floor) / baseline",
            num(bound) + " ×", time(s[2].value()) + spread(s[2]), num(bound) + " ×", "—", "—"),
        new Row("what one session per batch saves per ticket: kept floor − batch floor, against"
            + " the kept floor", time(s[0].value() - s[1].value()),
            time(s[0].value()) + spread(s[0]),
            num((s[0].value() - s[1].value()) / s[0].value()) + " ×", "—", "—"));
  }

  /** The floor's Drools work per ticket, in batches of {@value #BULK_BATCH}. */
  private static double floorPerTicket(DroolsFloor floor, List<Ticket> tickets) {
    long t0 = System.nanoTime();
    for (int from = 0; from < tickets.size(); from += BULK_BATCH) {
      sink = floor.runAll(tickets.subList(from, Math.min(tickets.size(), from + BULK_BATCH)));
    }
    return (System.nanoTime() - t0) / (double) tickets.size();
  }

  /** 2. Per-ticket cost with 10 to 10,000 dictionary and routing entries. */
  private List<Row> scaling() throws Exception {
    int[] sizes = {10, 100, 1_000, 10_000};
    Stat[][] stats = new Stat[sizes.length][];
    Map<String, RunResult> r = mode == Mode.FULL ? jmh(ScalingBench.class, 8, 2, 5, 1) : null;
    for (int i = 0; i < sizes.length; i++) {
      int size = sizes[i];
      if (r != null) {
        stats[i] = new Stat[] {
          jmhStat(r, "engine:size=" + size), jmhStat(r, "baseline:size=" + size)};
        continue;
      }
      KeywordDictionary keywords = BenchData.dictionary(size);
      TeamMap teams = BenchData.teams(size);
      TriageEngine e = TriageEngine.builder().keywords(keywords).teams(teams).build();
      HandWrittenTriage b = new HandWrittenTriage(
          keywords, teams, TriageEngine.DEFAULT_AFFECTED_USERS_THRESHOLD, Set.of(), Set.of());
      List<Ticket> synthetic = BenchData.tickets(settings.scalingTickets(), 42);
      checkSame(e, b, synthetic);
      // a new rule base needs its own warm-up (constraints are compiled after some evaluations)
      warmUp(settings.shortWarmupNanos(), () -> perTicket(e, synthetic), () -> perTicket(b, synthetic));
      stats[i] = alternate(settings.rounds(), triageRound(e, synthetic, 1), triageRound(b, synthetic, 1));
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < sizes.length; i++) {
      rows.add(compare(String.format(Locale.ROOT, "scaling: %,d dictionary + routing entries", sizes[i]),
          stats[i][0], stats[i][1], BenchSuite::time, Target.NONE));
    }
    Stat[] small = stats[0];
    Stat[] large = stats[sizes.length - 1];
    double engineGrowth = large[0].value() / small[0].value();
    double baselineGrowth = large[1].value() / small[1].value();
    rows.add(new Row("scaling: cost at 10,000 / cost at 10", num(engineGrowth) + " ×",
        num(baselineGrowth) + " ×", "—", "≤ 2 ×", engineGrowth <= 2 ? "yes" : "**no**"));
    return rows;
  }

  /** 3a. Warm rebuild of the default packs against building the hand-written baseline. */
  private List<Row> rebuild() throws Exception {
    String m = "warm rebuild of the default packs";
    if (mode == Mode.FULL) {
      Map<String, RunResult> r = jmh(RebuildBench.class, 3, 5, 5, 5);
      return List.of(compare(m, jmhStat(r, "rebuildDefaults"), jmhStat(r, "rebuildBaseline"),
          BenchSuite::time, Target.NONE));
    }
    RebuildBench bench = new RebuildBench();
    checkSame(bench.rebuildDefaults(), bench.rebuildBaseline(),
        TicketGenerator.generate(Math.min(500, settings.tickets())));
    int builds = mode == Mode.SMOKE ? 1 : 5;
    Round engineRound = () -> nanosPer(builds, bench::rebuildDefaults);
    Round baselineRound = () -> nanosPer(builds, bench::rebuildBaseline);
    warmUp(settings.shortWarmupNanos(), engineRound, baselineRound);
    Stat[] s = alternate(settings.rounds(), engineRound, baselineRound);
    return List.of(compare(m, s[0], s[1], BenchSuite::time, Target.NONE));
  }

  private static final Pattern FIRST_DECISION = Pattern.compile("first decision (.*), \\d+ ms");

  /**
   * 3b. Cold start: a fresh JVM to the first decision, the whole process timed from outside: the
   * default packs; with generated team rules compiled from DRL; and with the same team rules read
   * from the compiled-rules cache after a first start stored them.
   */
  private List<Row> coldStart() throws Exception {
    List<Row> rows = new ArrayList<>();
    rows.add(coldStartRow("cold start, fresh JVM to first decision (whole process)",
        settings.coldRuns(), List.of(), Target.nanosAtMost(0.8e9), null));
    appCdsRow().ifPresent(rows::add);
    List<String> team = List.of("--rules", String.valueOf(settings.teamRules()));
    rows.add(coldStartRow(String.format(Locale.ROOT,
            "cold start with %,d team rules compiled from DRL (whole process)",
            settings.teamRules()),
        settings.teamRuns(), team, Target.NONE, null));
    Path cache = Files.createTempDirectory("itsm-bench-rules-cache");
    try {
      List<String> cached = new ArrayList<>(team);
      cached.addAll(List.of("--cache", cache.toString()));
      String first = child(new Spec(List.of(), ColdStart.class, cached)).output();
      if (!first.contains("cache: STORED")) {
        throw new IllegalStateException("cold start: the first start did not store the compiled"
            + " rules: " + first);
      }
      rows.add(coldStartRow(String.format(Locale.ROOT,
              "cold start with %,d team rules, compiled-rules cache after the first start"
                  + " (whole process)", settings.teamRules()),
          settings.coldRuns(), cached, Target.nanosAtMost(1.5e9), "cache: LOADED"));
    } finally {
      try (Stream<Path> files = Files.walk(cache)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    return rows;
  }

  /**
   * The default-pack cold start of a deployment that gives the JVM an application class-data
   * archive (JDK 13+: {@code -XX:ArchiveClassesAtExit} once, then {@code -XX:SharedArchiveFile}):
   * a JVM setting, not the library's; the library's target is measured without it. The archive is
   * written by one engine start; engine and baseline then both start with it. None when the JVM
   * writes no archive (it archives classes from jar files only, so not on a class path of
   * directories, as in the build's tests).
   */
  private Optional<Row> appCdsRow() throws Exception {
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (Files.isDirectory(Path.of(entry))) {
        return skipAppCds("the class path holds a directory (" + entry + "), which the JVM"
            + " refuses to archive");
      }
    }
    Path dir = Files.createTempDirectory("itsm-bench-cds");
    try {
      Path archive = dir.resolve("itsm.jsa");
      try {
        child(new Spec(List.of("-XX:ArchiveClassesAtExit=" + archive), ColdStart.class,
            List.of()));
      } catch (IllegalStateException e) {
        return skipAppCds("the JVM could not write the archive: " + e.getMessage().strip());
      }
      if (!Files.isRegularFile(archive)) {
        return skipAppCds("the JVM wrote no class-data archive");
      }
      return Optional.of(coldStartRow("cold start with an application class-data archive (AppCDS; JVM"
              + " setting, whole process)", settings.coldRuns(),
          List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto"), List.of(),
          Target.NONE, null));
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private Optional<Row> skipAppCds(String why) {
    synchronized (log) {
      log.println("  cold start with AppCDS: skipped, " + why);
      log.flush();
    }
    return Optional.empty();
  }

  private Row coldStartRow(String measure, int runs, List<String> args, Target target,
      String engineMustSay) throws Exception {
    return coldStartRow(measure, runs, List.of(), args, target, engineMustSay);
  }

  private Row coldStartRow(String measure, int runs, List<String> jvm, List<String> args,
      Target target, String engineMustSay) throws Exception {
    List<Double> engineTimes = new ArrayList<>();
    List<Double> baselineTimes = new ArrayList<>();
    List<String> withBaseline = new ArrayList<>(args);
    withBaseline.add("--baseline");
    for (int i = 0; i < runs; i++) {
      List<Child> c = children(
          new Spec(jvm, ColdStart.class, args), new Spec(jvm, ColdStart.class, withBaseline));
      Child e = c.get(0);
      Child b = c.get(1);
      String ed = e.group(FIRST_DECISION, 1);
      String bd = b.group(FIRST_DECISION, 1);
      if (!ed.equals(bd)) {
        throw new IllegalStateException(
            measure + ": the engine decided " + ed + " but the baseline " + bd);
      }
      if (engineMustSay != null && !e.output().contains(engineMustSay)) {
        throw new IllegalStateException(measure + ": the engine did not say '" + engineMustSay
            + "': " + e.output());
      }
      engineTimes.add(e.nanos());
      baselineTimes.add(b.nanos());
    }
    return compare(measure, Stat.of(engineTimes, BenchSuite::seconds),
        Stat.of(baselineTimes, BenchSuite::seconds), BenchSuite::seconds, target);
  }

  private static final Pattern MEMORY =
      Pattern.compile("memory before=(\\d+) retained=(-?\\d+) first=(\\d+) all=(\\d+) decisions=(\\d+)");

  /** 4. Memory: retained heap, heap after the first and after all triages, in child JVMs. */
  private List<Row> memory() throws Exception {
    List<String> args = List.of("--first", String.valueOf(settings.memoryFirst()),
        String.valueOf(settings.memoryTotal()));
    List<String> baselineArgs = new ArrayList<>(args);
    baselineArgs.add(0, "--baseline");
    List<String> jvm = List.of("-Xmx512m");
    // heap sizes do not depend on the load: the two processes run at the same time
    List<Child> c = children(true,
        new Spec(jvm, MemoryCheck.class, args), new Spec(jvm, MemoryCheck.class, baselineArgs));
    Matcher e = c.get(0).match(MEMORY);
    Matcher b = c.get(1).match(MEMORY);
    if (!e.group(5).equals(b.group(5))) {
      throw new IllegalStateException("memory: the engine made " + e.group(5)
          + " decisions but the baseline " + b.group(5));
    }
    double eRetained = Double.parseDouble(e.group(2));
    double bRetained = Double.parseDouble(b.group(2));
    double eGrowth = Double.parseDouble(e.group(4)) - Double.parseDouble(e.group(3));
    String growth = String.format(Locale.ROOT, "heap after %s triages vs after %s",
        count(settings.memoryTotal()), count(settings.memoryFirst()));
    double tolerance = 1e6;
    return List.of(
        compare("retained heap of the default engine", new Stat(eRetained, ""),
            new Stat(bRetained, ""), BenchSuite::megabytes, Target.NONE),
        new Row(growth, growth(e), growth(b), "—", "no growth (≤ +1 MB)",
            eGrowth <= tolerance ? "yes" : "**no**"));
  }

  private static String growth(Matcher m) {
    double first = Double.parseDouble(m.group(3));
    double all = Double.parseDouble(m.group(4));
    return String.format(Locale.ROOT, "%+.1f MB (%.1f → %.1f MB)",
        (all - first) / 1e6, first / 1e6, all / 1e6);
  }

  /** 5. SLA arithmetic: the due date against the day-by-day loop, a whole incident's evaluation. */
  private List<Row> sla() throws Exception {
    String due = "SLA due date, 30 business days, 20 holidays a year";
    String whole = "SLA evaluation of a whole incident (15 events)";
    if (mode == Mode.FULL) {
      Map<String, RunResult> r = jmh(SlaBenchmark.class, 5, 1, 5, 1);
      return List.of(
          compare(due, jmhStat(r, "dueDate"), jmhStat(r, "dueDateDayByDay"), BenchSuite::time,
              Target.nanosAtMost(2_000)),
          withoutBaseline(whole, jmhStat(r, "evaluateIncident"), Target.nanosAtMost(5_000)));
    }
    BusinessCalendar calendar = SlaBenchmark.calendar();
    DayByDayCalendar dayByDay = SlaBenchmark.baseline();
    Instant[] starts = SlaBenchmark.starts();
    for (Instant s : starts) {
      if (!calendar.addBusinessTime(s, SlaBenchmark.THIRTY_BUSINESS_DAYS)
          .equals(dayByDay.addBusinessTime(s, SlaBenchmark.THIRTY_BUSINESS_DAYS))) {
        throw new IllegalStateException("SLA: the due dates from " + s + " differ");
      }
    }
    int ops = mode == Mode.SMOKE ? 100 : 20_000;
    Round library = () -> nanosPer(ops, i -> calendar.addBusinessTime(
        starts[i & (SlaBenchmark.STARTS - 1)], SlaBenchmark.THIRTY_BUSINESS_DAYS));
    Round loop = () -> nanosPer(ops / 10, i -> dayByDay.addBusinessTime(
        starts[i & (SlaBenchmark.STARTS - 1)], SlaBenchmark.THIRTY_BUSINESS_DAYS));
    io.itsm.core.MutableClock clock = io.itsm.core.MutableClock.at(Instant.parse("2026-11-23T08:30:00Z"));
    List<IncidentEvent> history = SlaBenchmark.history(clock);
    Instant at = clock.instant().plus(Duration.ofHours(3));
    SlaPolicy policy = SlaPolicy.defaults();
    Round evaluate = () -> nanosPer(ops, i -> SlaClock.evaluate(history, policy, at));
    warmUp(settings.shortWarmupNanos(), library, loop);
    warmUp(settings.shortWarmupNanos() / 2, evaluate, evaluate);
    Stat[] d = alternate(settings.rounds(), library, loop);
    Stat[] w = alternate(settings.rounds(), evaluate, evaluate);
    return List.of(compare(due, d[0], d[1], BenchSuite::time, Target.nanosAtMost(2_000)),
        withoutBaseline(whole, w[0], Target.nanosAtMost(5_000)));
  }

  /** 6. Full lifecycle on the in-memory desk, 1 and 2 threads on one desk. */
  private List<Row> lifecycle() throws Exception {
    String m1 = "full lifecycle, in-memory desk, 1 thread";
    String m2 = "full lifecycle, 2 threads on one desk (per thread)";
    if (mode == Mode.FULL) {
      Map<String, RunResult> r = jmh(LifecycleBench.class, 8, 2, 5, 2);
      return List.of(
          lifecycleRow(m1, 1, jmhStat(r, "engine"), jmhStat(r, "baseline")),
          lifecycleRow(m2, 2, jmhStat(r, "engine2Threads"), jmhStat(r, "baseline2Threads")));
    }
    defaults();
    List<Ticket> withCaller = tickets.stream().filter(t -> t.caller().isPresent()).toList();
    Clock clock = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);
    ServiceDesk a = Lifecycle.desk(engine, clock);
    ServiceDesk b = Lifecycle.desk(baseline, clock);
    for (Ticket t : withCaller.subList(0, Math.min(200, withCaller.size()))) {
      if (!Lifecycle.run(a, t).equals(Lifecycle.run(b, t))) {
        throw new IllegalStateException("lifecycle: the closed incidents of " + t + " differ");
      }
    }
    List<Ticket> sample = withCaller.subList(0, Math.min(settings.lifecycles(), withCaller.size()));
    List<Row> rows = new ArrayList<>();
    for (int threads = 1; threads <= 2; threads++) {
      Round e = lifecycleRound(engine, sample, threads);
      Round h = lifecycleRound(baseline, sample, threads);
      warmUp(settings.shortWarmupNanos(), e, h);
      Stat[] s = alternate(settings.rounds(), e, h);
      rows.add(lifecycleRow(threads == 1 ? m1 : m2, threads, s[0], s[1]));
    }
    return rows;
  }

  /**
   * 8. Due work: a tick on a desk with 1,000 open incidents and 1,000,000 closed ones against the
   * same tick with the 1,000 open ones only; once with every open incident due, once with nothing
   * due. The baseline is the small store: the target is that the stored closed incidents do not
   * matter.
   */
  private List<Row> tick() throws Exception {
    int closed = switch (mode) {
      case FULL -> 1_000_000;
      case QUICK -> 200_000;
      case SMOKE -> 2_000;
    };
    int open = mode == Mode.SMOKE ? 100 : TickBench.OPEN;
    String due = String.format(Locale.ROOT,
        "tick, %,d open incidents due, %,d closed stored (baseline: %,d stored)", open, closed, open);
    String idle = String.format(Locale.ROOT,
        "tick, nothing due, %,d closed stored (baseline: %,d stored)", closed, open);
    Target target = Target.ratioAtMost(2.0);
    if (mode == Mode.FULL) {
      Map<String, RunResult> r = jmh(TickBench.class, 5, 2, 5, 2);
      return List.of(
          compare(due, jmhStat(r, "tickAllOpenDue:closed=1000000"), jmhStat(r, "tickAllOpenDue:closed=0"),
              BenchSuite::time, target),
          compare(idle, jmhStat(r, "tickNothingDue:closed=1000000"), jmhStat(r, "tickNothingDue:closed=0"),
              BenchSuite::time, target));
    }
    TickBench.Built large = TickBench.build(closed, open);
    TickBench.Built small = TickBench.build(0, open);
    if (!large.desk().tick(TickBench.TICK_AT).isEmpty() || !small.desk().tick(TickBench.TICK_AT).isEmpty()) {
      throw new IllegalStateException("tick: a second tick at the same instant changed incidents");
    }
    int ticks = mode == Mode.SMOKE ? 2 : 20;
    Round bigDue = () -> tickAllDue(large, ticks);
    Round smallDue = () -> tickAllDue(small, ticks);
    Round bigIdle = () -> nanosPer(ticks * 50, () -> large.desk().tick(TickBench.TICK_AT));
    Round smallIdle = () -> nanosPer(ticks * 50, () -> small.desk().tick(TickBench.TICK_AT));
    warmUp(settings.shortWarmupNanos(), bigDue, smallDue);
    Stat[] d = alternate(settings.rounds(), bigDue, smallDue);
    warmUp(settings.shortWarmupNanos() / 2, bigIdle, smallIdle);
    Stat[] i = alternate(settings.rounds(), bigIdle, smallIdle);
    return List.of(compare(due, d[0], d[1], BenchSuite::time, target),
        compare(idle, i[0], i[1], BenchSuite::time, target));
  }

  /** Marks every open incident due (not timed), then times a tick; the mean of {@code ticks}. */
  private static double tickAllDue(TickBench.Built b, int ticks) {
    long total = 0;
    for (int t = 0; t < ticks; t++) {
      for (String id : b.open()) {
        b.repository().reschedule(id, b.repository().find(id).orElseThrow().version(),
            java.util.Optional.of(Instant.EPOCH));
      }
      long t0 = System.nanoTime();
      sink = b.desk().tick(TickBench.TICK_AT);
      total += System.nanoTime() - t0;
    }
    return total / (double) ticks;
  }

  /**
   * 9. One comment on an incident with 100,000 events against one with 10,000: an append no longer
   * copies the history.
   */
  private List<Row> comment() throws Exception {
    int small = mode == Mode.SMOKE ? 1_000 : 10_000;
    int large = mode == Mode.SMOKE ? 10_000 : 100_000;
    String measure = String.format(Locale.ROOT,
        "comment on an incident of %,d events (baseline: of %,d events)", large, small);
    Target target = Target.ratioAtMost(2.0);
    if (mode == Mode.FULL) {
      Map<String, RunResult> r = jmh(CommentBench.class, 20, 1, 30, 1);
      Stat big = perComment(jmhStat(r, "comment:events=100000"), r.get("comment:events=100000"));
      Stat little = perComment(jmhStat(r, "comment:events=10000"), r.get("comment:events=10000"));
      return List.of(compare(measure, big, little, BenchSuite::time, target));
    }
    int batch = mode == Mode.SMOKE ? 100 : CommentBench.BATCH;
    Round big = () -> commentBatch(large, batch);
    Round little = () -> commentBatch(small, batch);
    warmUp(settings.shortWarmupNanos(), big, little);
    Stat[] c = alternate(settings.rounds(), big, little);
    return List.of(compare(measure, c[0], c[1], BenchSuite::time, target));
  }

  /** A batch's JMH score as the time of one comment, with the error scaled alike. */
  private static Stat perComment(Stat batch, RunResult result) {
    double error = batch.value() / result.getPrimaryResult().getScore()
        * result.getPrimaryResult().getScoreError() / CommentBench.BATCH;
    return new Stat(batch.value() / CommentBench.BATCH, Double.isNaN(error) ? "" : "± " + time(error));
  }

  /** A fresh incident of {@code events} events (not timed), then {@code batch} timed comments. */
  private static double commentBatch(int events, int batch) {
    Object[] d = CommentBench.incidentWith(events);
    ServiceDesk desk = (ServiceDesk) d[0];
    String id = (String) d[1];
    io.itsm.core.access.Actor agent = io.itsm.core.access.Actor.of("agent", io.itsm.core.access.Role.AGENT);
    long t0 = System.nanoTime();
    for (int i = 0; i < batch; i++) {
      sink = desk.comment(agent, id, "c" + i, io.itsm.core.event.Visibility.INTERNAL);
    }
    return (System.nanoTime() - t0) / (double) batch;
  }

  private static Row lifecycleRow(String measure, int threads, Stat engine, Stat baseline) {
    return new Row(measure,
        time(engine.value()) + spread(engine) + ", " + perSecond(threads, engine.value()),
        time(baseline.value()) + spread(baseline) + ", " + perSecond(threads, baseline.value()),
        ratio(engine.value(), baseline.value()), "—", "—");
  }

  private static String perSecond(int threads, double nanosPerOp) {
    return String.format(Locale.ROOT, "%,.0f/s", threads * 1e9 / nanosPerOp);
  }

  /** 7. The command line on a JSON Lines file, whole process, against the baseline process. */
  /**
   * 6b. Issue #16: impact analysis on 100,000 configuration items and 500,000 relations (a database
   * and a storage array failing; the CMDB's graph index against a plain hash-map walk; target
   * ≤ 10 ms), and triage with CMDB and announcement facts against the default packs alone (target
   * ≤ 1.3 ×). Full: JMH ({@link ImpactBench}, {@link CmdbTriageBench}); else alternating rounds
   * (the smoke mode on 2,000 items).
   */
  private List<Row> cmdb() throws Exception {
    int items = mode == Mode.SMOKE ? 2_000 : CmdbBenchData.ITEMS;
    CmdbBenchData data = CmdbBenchData.generate(items);
    String size = String.format(Locale.ROOT, "%,d CIs / %,d relations", items, data.relations());
    String db = "impact analysis, " + size + ": a database fails";
    String st = "impact analysis, " + size + ": a storage array fails";
    String tr = "triage with CMDB and announcement facts (baseline: default packs alone)";
    String trCpu = tr + ", thread CPU";
    Target tenMillis = Target.nanosAtMost(10_000_000);
    Target ratio = Target.ratioAtMost(1.3);
    String factsCpu = "triage with CMDB and announcement facts but the cmdb and announcements packs"
        + " left out (the facts' own cost; baseline: default packs alone), thread CPU";
    if (mode == Mode.FULL) {
      Map<String, RunResult> r = jmh(ImpactBench.class, 5, 2, 5, 2);
      Map<String, RunResult> t = jmh(CmdbTriageBench.class, 10, 2, 5, 2);
      // JMH runs the two triage benchmarks one after the other, at whatever load each meets: the
      // interleaved thread-CPU rows below compare them in the same moments
      List<Row> rows = new ArrayList<>(List.of(
          compare(db, jmhStat(r, "database"), jmhStat(r, "databaseBaseline"), BenchSuite::time, tenMillis),
          compare(st, jmhStat(r, "storage"), jmhStat(r, "storageBaseline"), BenchSuite::time, tenMillis),
          compare(tr, jmhStat(t, "withCmdb"), jmhStat(t, "without"), BenchSuite::time, ratio)));
      rows.addAll(cmdbTriageCpu(data, trCpu, factsCpu, ratio));
      return rows;
    }
    io.itsm.core.cmdb.internal.CiGraph graph = data.graph();
    CmdbBenchData.NaiveImpact naive = data.naive();
    List<String> dbs = data.ids(io.itsm.core.cmdb.CiType.DATABASE);
    List<String> storage = data.ids(io.itsm.core.cmdb.CiType.STORAGE);
    for (String id : dbs.subList(0, Math.min(100, dbs.size()))) {
      if (graph.impactOf(id).affected().size() != naive.impactOf(id)[0]) {
        throw new IllegalStateException("CMDB: the graph index and the baseline disagree on " + id);
      }
    }
    int ops = mode == Mode.SMOKE ? 20 : 200;
    Round dbLib = () -> nanosPer(ops, i -> graph.impactOf(dbs.get(i % dbs.size())));
    Round dbBase = () -> nanosPer(ops, i -> naive.impactOf(dbs.get(i % dbs.size())));
    Round stLib = () -> nanosPer(ops / 10 + 1, i -> graph.impactOf(storage.get(i % storage.size())));
    Round stBase = () -> nanosPer(ops / 10 + 1, i -> naive.impactOf(storage.get(i % storage.size())));
    warmUp(settings.shortWarmupNanos(), dbLib, dbBase);
    warmUp(settings.shortWarmupNanos(), stLib, stBase);
    Stat[] d = alternate(settings.rounds(), dbLib, dbBase);
    Stat[] s = alternate(settings.rounds(), stLib, stBase);
    io.itsm.core.cmdb.Cmdb cmdb = data.cmdb();
    TriageEngine withCmdb = TriageEngine.builder().cmdb(cmdb).announcements(data.announcements(cmdb)).build();
    TriageEngine without = TriageEngine.withDefaults();
    List<Ticket> cmdbTickets = data.tickets(settings.tickets());
    Round w = () -> perTicket(withCmdb, cmdbTickets);
    Round wo = () -> perTicket(without, cmdbTickets);
    warmUp(settings.warmupNanos() / 2, w, wo);
    Stat[] t = alternate(settings.rounds(), w, wo);
    List<Row> rows = new ArrayList<>(List.of(compare(db, d[0], d[1], BenchSuite::time, tenMillis),
        compare(st, s[0], s[1], BenchSuite::time, tenMillis),
        compare(tr, t[0], t[1], BenchSuite::time, ratio)));
    rows.addAll(cmdbTriageCpu(data, trCpu, factsCpu, ratio));
    return rows;
  }

  /**
   * Triage with CMDB and announcement facts against the default packs alone in the thread's CPU
   * time, in alternating rounds (on a loaded machine the wall time of a round measures the other
   * processes as much as the triage), and the same with the facts but without the two packs: what
   * the facts cost, apart from the rules that decide from them.
   */
  private List<Row> cmdbTriageCpu(CmdbBenchData data, String trCpu, String factsCpu, Target ratio)
      throws Exception {
    io.itsm.core.cmdb.Cmdb cmdb = data.cmdb();
    io.itsm.core.announcement.Announcements announcements = data.announcements(cmdb);
    TriageEngine withCmdb = TriageEngine.builder().cmdb(cmdb).announcements(announcements).build();
    TriageEngine factsOnly = TriageEngine.builder().cmdb(cmdb).announcements(announcements)
        .withoutPack(TriageEngine.PACK_CMDB).withoutPack(TriageEngine.PACK_ANNOUNCEMENTS).build();
    TriageEngine without = TriageEngine.withDefaults();
    List<Ticket> cmdbTickets = data.tickets(settings.tickets());
    java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    Round wc = () -> cpuPerTicket(mx, withCmdb, cmdbTickets);
    Round fc = () -> cpuPerTicket(mx, factsOnly, cmdbTickets);
    Round woc = () -> cpuPerTicket(mx, without, cmdbTickets);
    warmUp(settings.warmupNanos() / 2, wc, woc);
    warmUp(settings.shortWarmupNanos(), fc, woc);
    Stat[] c = alternate(settings.rounds(), wc, woc);
    Stat[] f = alternate(settings.rounds(), fc, woc);
    return List.of(compare(trCpu, c[0], c[1], BenchSuite::time, ratio),
        compare(factsCpu, f[0], f[1], BenchSuite::time, ratio));
  }

  private List<Row> cli() throws Exception {
    Path dir = Files.createTempDirectory("itsm-bench");
    try {
      Path input = BenchData.writeTickets(dir.resolve("tickets.jsonl"), settings.cliTickets());
      Path engineOut = dir.resolve("itsm.jsonl");
      Path baselineOut = dir.resolve("baseline.jsonl");
      List<Double> e = new ArrayList<>();
      List<Double> b = new ArrayList<>();
      for (int i = 0; i < settings.cliRuns(); i++) {
        List<Child> c = children(
            new Spec(List.of(), ItsmCommand.class,
                List.of("triage", "--input", input.toString(), "--output", engineOut.toString())),
            new Spec(List.of(), BaselineTriageCli.class,
                List.of(input.toString(), baselineOut.toString())));
        e.add(c.get(0).nanos());
        b.add(c.get(1).nanos());
        if (!Arrays.equals(Files.readAllBytes(engineOut), Files.readAllBytes(baselineOut))) {
          throw new IllegalStateException("CLI: itsm triage and the baseline wrote different output");
        }
      }
      return List.of(compare(
          String.format(Locale.ROOT, "CLI triage of %s tickets (JSONL, whole process)",
              count(settings.cliTickets())),
          Stat.of(e, BenchSuite::seconds), Stat.of(b, BenchSuite::seconds), BenchSuite::seconds,
          // issue #18's goal is for 25,000 tickets; fewer are mostly the two processes' starts
          settings.cliTickets() >= 25_000 ? Target.ratioAtMost(2.0) : Target.NONE));
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** 8. The JDBC store: lifecycle against the plain-JDBC floor and memory; find on a full store. */
  private List<Row> store() throws Exception {
    int stored = StoreMeasure.stored(mode);
    if (mode == Mode.FULL) {
      Map<String, RunResult> life = jmh(StoreBench.class, 5, 2, 5, 2);
      Map<String, RunResult> find = jmh(StoreFindBench.class, "", Map.of("stored", String.valueOf(stored)),
          5, 1, 5, 1);
      return StoreMeasure.fromJmh(life, find, BenchSuite::jmhStat, stored);
    }
    return StoreMeasure.inProcess(mode, settings.rounds(), mode == Mode.SMOKE ? 5 : 100,
        settings.shortWarmupNanos());
  }

  // ------------------------------------------------------------------------------------------
  // rows

  /**
   * A row comparing the library with its baseline: medians (or scores) with their spread, the
   * ratio of the two, and whether the target is met.
   *
   * @param measure what is measured
   * @param value the library
   * @param baseline the baseline
   * @param unit formats a value
   * @param target the target
   * @return the row
   */
  static Row compare(String measure, Stat value, Stat baseline,
      DoubleFunction<String> unit, Target target) {
    return new Row(measure, unit.apply(value.value()) + spread(value),
        unit.apply(baseline.value()) + spread(baseline), ratio(value.value(), baseline.value()),
        target.text(), target.met(value.value(), baseline.value()));
  }

  static Row withoutBaseline(String measure, Stat value, Target target) {
    return new Row(measure, time(value.value()) + spread(value), NO_BASELINE, "—", target.text(),
        target.met(value.value(), Double.NaN));
  }

  private static String spread(Stat s) {
    return s.spread().isEmpty() ? "" : " (" + s.spread() + ")";
  }

  private static String ratio(double value, double baseline) {
    return num(value / baseline) + " ×";
  }

  static String num(double v) {
    return v >= 100 ? String.format(Locale.ROOT, "%.0f", v)
        : v >= 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2f", v);
  }

  /** Nanoseconds as ns, µs, ms or s. */
  static String time(double nanos) {
    if (nanos < 1e3) {
      return num(nanos) + " ns";
    } else if (nanos < 1e6) {
      return num(nanos / 1e3) + " µs";
    } else if (nanos < 1e9) {
      return num(nanos / 1e6) + " ms";
    }
    return num(nanos / 1e9) + " s";
  }

  private static String seconds(double nanos) {
    return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
  }

  private static String megabytes(double bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
  }

  private static String count(int n) {
    return n % 1_000_000 == 0 ? n / 1_000_000 + "M" : n % 1_000 == 0 ? String.format(Locale.ROOT, "%,d", n) : String.valueOf(n);
  }

  // ------------------------------------------------------------------------------------------
  // in-process timing

  /** One round of a comparison; returns nanoseconds per operation (and thread). */
  @FunctionalInterface
  interface Round {
    double run() throws Exception;
  }

  private void defaults() {
    if (engine == null) {
      engine = BenchData.generatedTicketsEngine();
      baseline = BenchData.generatedTicketsBaseline();
      tickets = TicketGenerator.generate(settings.tickets());
      checkSame(engine, baseline, tickets);
    }
  }

  private static void checkSame(TriagePolicy engine, TriagePolicy baseline, List<Ticket> tickets) {
    for (Ticket t : tickets.subList(0, Math.min(1_000, tickets.size()))) {
      TriageResult a = engine.triage(t);
      TriageResult b = baseline.triage(t);
      if (!a.equals(b)) {
        throw new IllegalStateException(
            "the engine and the baseline decide " + t + " differently: " + a + " vs " + b);
      }
    }
  }

  static void warmUp(long nanos, Round... measures) throws Exception {
    long end = System.nanoTime() + nanos;
    while (System.nanoTime() < end) {
      for (Round m : measures) {
        m.run();
      }
    }
  }

  /**
   * Alternating rounds, one of each measure per round; returns a stat per measure in the order
   * given (library first, baseline last), each the median and range of its rounds.
   */
  static Stat[] alternate(int rounds, Round... measures) throws Exception {
    List<List<Double>> values = new ArrayList<>();
    for (int m = 0; m < measures.length; m++) {
      values.add(new ArrayList<>());
    }
    for (int r = 0; r < rounds; r++) {
      for (int m = 0; m < measures.length; m++) {
        values.get(m).add(measures[m].run());
      }
    }
    Stat[] out = new Stat[measures.length];
    for (int m = 0; m < measures.length; m++) {
      out[m] = Stat.of(values.get(m), BenchSuite::time);
    }
    return out;
  }

  private static volatile Object sink;

  private static double perTicket(TriagePolicy policy, List<Ticket> tickets) {
    long t0 = System.nanoTime();
    for (Ticket t : tickets) {
      sink = policy.triage(t);
    }
    return (System.nanoTime() - t0) / (double) tickets.size();
  }

  private static double cpuPerTicket(java.lang.management.ThreadMXBean mx, TriagePolicy policy,
      List<Ticket> tickets) {
    long t0 = mx.getCurrentThreadCpuTime();
    for (Ticket t : tickets) {
      sink = policy.triage(t);
    }
    return (mx.getCurrentThreadCpuTime() - t0) / (double) tickets.size();
  }

  private static double nanosPer(int ops, Supplier<?> op) {
    long t0 = System.nanoTime();
    for (int i = 0; i < ops; i++) {
      sink = op.get();
    }
    return (System.nanoTime() - t0) / (double) ops;
  }

  private static double nanosPer(int ops, IntFunction<?> op) {
    long t0 = System.nanoTime();
    for (int i = 0; i < ops; i++) {
      sink = op.apply(i);
    }
    return (System.nanoTime() - t0) / (double) ops;
  }

  private Round triageRound(TriagePolicy policy, List<Ticket> tickets, int threads) {
    return () -> parallel(threads, tickets.size(), (offset, i) -> {
      sink = policy.triage(tickets.get((offset + i) % tickets.size()));
    });
  }

  private Round lifecycleRound(TriagePolicy policy, List<Ticket> tickets, int threads) {
    return () -> {
      ServiceDesk desk = Lifecycle.desk(policy, Clock.systemUTC()); // fresh: the repository stays small
      return parallel(threads, tickets.size(), (offset, i) -> {
        sink = Lifecycle.run(desk, tickets.get((offset + i) % tickets.size()));
      });
    };
  }

  /** An operation of thread {@code offset}'s share: the i-th of its operations. */
  @FunctionalInterface
  private interface Op {
    void run(int offset, int i);
  }

  /**
   * Runs {@code ops} operations on each of {@code threads} threads started together; returns the
   * mean of the threads' nanoseconds per operation.
   */
  private double parallel(int threads, int ops, Op op) throws Exception {
    CyclicBarrier start = new CyclicBarrier(threads);
    List<Future<Double>> results = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int offset = t * ops / threads;
      results.add(pool.submit(() -> {
        start.await();
        long t0 = System.nanoTime();
        for (int i = 0; i < ops; i++) {
          op.run(offset, i);
        }
        return (System.nanoTime() - t0) / (double) ops;
      }));
    }
    double sum = 0;
    for (Future<Double> f : results) {
      sum += f.get();
    }
    return sum / threads;
  }

  // ------------------------------------------------------------------------------------------
  // JMH

  /**
   * Runs one JMH class, one fork, with the settings published in {@code docs/performance.md}
   * (iterations and seconds per iteration of warm-up and measurement; the class's annotations
   * give the rest, such as the forks' heap), or one 1-second iteration each with {@code
   * --jmh-short}; returns the results by method name, with {@code :param=value} for parameterized
   * benchmarks.
   */
  private Map<String, RunResult> jmh(Class<?> benchmarks, int warmups, int warmupSeconds,
      int iterations, int seconds) throws RunnerException {
    return jmh(benchmarks, "", Map.of(), warmups, warmupSeconds, iterations, seconds);
  }

  /** {@link #jmh(Class, int, int, int, int)} for the methods matching a regex, with fixed params. */
  private Map<String, RunResult> jmh(Class<?> benchmarks, String methods, Map<String, String> params,
      int warmups, int warmupSeconds, int iterations, int seconds) throws RunnerException {
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include("^" + Pattern.quote(benchmarks.getName()) + "\\." + methods)
        .forks(1)
        .shouldFailOnError(true);
    params.forEach(options::param);
    if (jmhShort) {
      options.warmupIterations(1).warmupTime(TimeValue.seconds(1))
          .measurementIterations(1).measurementTime(TimeValue.seconds(1));
    } else {
      options.warmupIterations(warmups).warmupTime(TimeValue.seconds(warmupSeconds))
          .measurementIterations(iterations).measurementTime(TimeValue.seconds(seconds));
    }
    Collection<RunResult> results = new Runner(options.build()).run();
    Map<String, RunResult> byName = new LinkedHashMap<>();
    for (RunResult r : results) {
      String method = r.getParams().getBenchmark();
      StringBuilder key = new StringBuilder(method.substring(method.lastIndexOf('.') + 1));
      for (String p : r.getParams().getParamsKeys()) {
        key.append(':').append(p).append('=').append(r.getParams().getParam(p));
      }
      byName.put(key.toString(), r);
    }
    return byName;
  }

  /** A JMH score in nanoseconds (per operation and thread), with its error. */
  private static Stat jmhStat(Map<String, RunResult> results, String key) {
    RunResult r = results.get(key);
    if (r == null) {
      throw new IllegalStateException("no JMH result for " + key + ", only " + results.keySet());
    }
    var primary = r.getPrimaryResult();
    double toNanos = switch (primary.getScoreUnit()) {
      case "ns/op" -> 1;
      case "us/op" -> 1e3;
      case "ms/op" -> 1e6;
      case "s/op" -> 1e9;
      default -> throw new IllegalStateException("unexpected JMH unit " + primary.getScoreUnit());
    };
    double error = primary.getScoreError() * toNanos;
    return new Stat(primary.getScore() * toNanos, Double.isNaN(error) ? "" : "± " + time(error));
  }

  // ------------------------------------------------------------------------------------------
  // child JVMs

  /** A finished child JVM: its wall time (from start to exit) and its output. */
  private record Child(double nanos, String output) {

    Matcher match(Pattern p) {
      Matcher m = p.matcher(output);
      if (!m.find()) {
        throw new IllegalStateException("expected " + p + " in the output:\n" + output);
      }
      return m;
    }

    String group(Pattern p, int group) {
      return match(p).group(group);
    }
  }

  /** A child JVM to run: JVM options, main class, arguments. */
  private record Spec(List<String> jvmArgs, Class<?> main, List<String> args) {}

  /**
   * Runs the children one after the other, or all at once in the smoke mode (whose numbers mean
   * nothing anyway), and returns them in the order given.
   */
  private List<Child> children(Spec... specs) throws Exception {
    return children(mode == Mode.SMOKE, specs);
  }

  /**
   * Runs the children one after the other, or all at once, and returns them in the order given.
   */
  private List<Child> children(boolean together, Spec... specs) throws Exception {
    if (!together) {
      List<Child> done = new ArrayList<>();
      for (Spec s : specs) {
        done.add(child(s));
      }
      return done;
    }
    List<Future<Child>> running = new ArrayList<>();
    for (Spec s : specs) {
      running.add(pool.submit(() -> child(s)));
    }
    List<Child> done = new ArrayList<>();
    for (Future<Child> f : running) {
      done.add(f.get());
    }
    return done;
  }

  /**
   * Runs a fresh JVM with this JVM's {@code java} and class path and waits for it; the wall time
   * covers the whole process. Fails unless it exits with 0.
   */
  private Child child(Spec spec) throws Exception {
    List<String> jvmArgs = spec.jvmArgs();
    Class<?> main = spec.main();
    List<String> args = spec.args();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArgs);
    command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(args);
    Path out = Files.createTempFile("itsm-bench", ".out");
    try {
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(out.toFile());
      long t0 = System.nanoTime();
      Process p = pb.start();
      int code = p.waitFor();
      long nanos = System.nanoTime() - t0;
      String output = Files.readString(out, StandardCharsets.UTF_8);
      if (code != 0) {
        throw new IllegalStateException(main.getSimpleName() + " " + String.join(" ", args)
            + " exited with " + code + ":\n" + output);
      }
      synchronized (log) {
        log.printf(Locale.ROOT, "  %s %s: %.2f s%n", main.getSimpleName(), String.join(" ", args),
            nanos / 1e9);
        log.flush();
      }
      return new Child(nanos, output);
    } finally {
      Files.deleteIfExists(out);
    }
  }

  // ------------------------------------------------------------------------------------------
  // the machine

  private static String cpu() {
    try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
      return lines.filter(l -> l.startsWith("model name")).findFirst()
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(System.getProperty("os.arch"));
    } catch (IOException | RuntimeException e) {
      return System.getProperty("os.arch");
    }
  }

  private static String load() {
    double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return l < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", l);
  }
}
