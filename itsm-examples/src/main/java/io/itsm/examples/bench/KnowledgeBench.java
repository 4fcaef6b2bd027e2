package io.itsm.examples.bench;

import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.incident.Incident;
import io.itsm.core.knowledge.KnowledgeArticle;
import io.itsm.core.knowledge.KnowledgeBase;
import io.itsm.core.knowledge.event.KnowledgeEvent;
import io.itsm.examples.bench.BenchSuite.Mode;
import io.itsm.examples.bench.BenchSuite.Row;
import io.itsm.examples.bench.BenchSuite.Stat;
import io.itsm.examples.bench.BenchSuite.Target;
import io.itsm.rules.knowledge.KnowledgeIndex;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The knowledge measures of {@link BenchSuite} (issue #14), in one JVM in every mode:
 *
 * <ul>
 *   <li>indexing: {@link KnowledgeIndex#indexAll} of N published articles ({@link
 *       KnowledgeBenchData}: five languages, a quarter of the others also in English), as time per
 *       article; the target, 5,000 articles/s, is 200 µs per article;
 *   <li>the index's size on its files after a commit;
 *   <li>{@code KnowledgeBase.suggest(agent, incident, 5)} over the N articles, end to end (the
 *       Lucene search in the caller's language with the English fallback, loading the articles,
 *       recording five {@code ArticleSuggested} events), each call timed, two threads at once
 *       (the two cores the target names): the 99th percentile, with the median and the range of
 *       the rounds' 99th percentiles; beside it the 99th percentile of each call's CPU time on its
 *       thread (what a call costs when it is not waiting for a core: under load, the time on the
 *       clock is mostly waiting).
 * </ul>
 *
 * <p>The baseline, measured in the same run ({@link HandWrittenKnowledgeSearch}): a hand-written
 * inverted index over the same articles (filled in the same rounds as the Lucene index) and its
 * top five for the same incidents on the same two threads, rounds alternating.
 *
 * <p>Counts by mode (full / quick / smoke): 100,000 / 100,000 / 1,000 articles; 20,000 / 4,000 /
 * 100 suggestions per round.
 *
 * <p>Not thread-safe.
 */
final class KnowledgeBench {

  private static final Actor AGENT = Actor.of("bench.agent", Role.AGENT, "service-desk");

  private final Mode mode;
  private final PrintStream log;

  KnowledgeBench(Mode mode, PrintStream log) {
    this.mode = mode;
    this.log = log;
  }

  List<Row> rows() throws Exception {
    int articles = mode == Mode.SMOKE ? 1_000 : 100_000;
    int calls = switch (mode) {
      case FULL -> 20_000;
      case QUICK -> 4_000;
      case SMOKE -> 100;
    };
    int rounds = mode == Mode.SMOKE ? 1 : mode == Mode.QUICK ? 3 : 5;
    List<Row> rows = new ArrayList<>();

    List<List<KnowledgeEvent>> histories = KnowledgeBenchData.histories(articles);
    List<KnowledgeArticle> all = new ArrayList<>(articles);
    var repository = KnowledgeBenchData.repository(histories, all);
    histories = null;
    List<Double> perArticle = new ArrayList<>();
    List<Double> basePerArticle = new ArrayList<>();
    KnowledgeIndex index = null;
    HandWrittenKnowledgeSearch baseline = null;
    for (int r = 0; r < (mode == Mode.SMOKE ? 1 : 3); r++) {
      if (index != null) {
        index.close();
      }
      index = KnowledgeIndex.inMemory();
      long t0 = System.nanoTime();
      index.indexAll(all);
      index.size(); // the refresh that makes them searchable
      double nanos = System.nanoTime() - t0;
      perArticle.add(nanos / articles);
      baseline = null;
      long b0 = System.nanoTime();
      HandWrittenKnowledgeSearch filled = new HandWrittenKnowledgeSearch();
      for (KnowledgeArticle a : all) {
        filled.add(a);
      }
      double baseNanos = System.nanoTime() - b0;
      baseline = filled;
      basePerArticle.add(baseNanos / articles);
      log.printf(Locale.ROOT, "   indexed %,d articles in %.1f s (%,.0f articles/s); hand-written"
              + " index %.1f s%n", articles, nanos / 1e9, articles / (nanos / 1e9),
          baseNanos / 1e9);
    }
    Stat indexing = Stat.of(perArticle, BenchSuite::time);
    Stat baseIndexing = Stat.of(basePerArticle, BenchSuite::time);
    Row perArticleRow = BenchSuite.compare(String.format(Locale.ROOT, "knowledge: index %,d"
            + " articles (5 languages), per article", articles), indexing, baseIndexing,
        BenchSuite::time, Target.nanosAtMost(200_000));
    rows.add(new Row(perArticleRow.measure(), perArticleRow.value() + " = "
            + String.format(Locale.ROOT, "%,.0f/s", 1e9 / indexing.value()),
        perArticleRow.baseline(), perArticleRow.ratio(), "≥ 5,000/s (≤ 200 µs)",
        perArticleRow.met()));
    long bytes = index.sizeInBytes();
    rows.add(new Row(String.format(Locale.ROOT, "knowledge: index size of %,d articles", articles),
        String.format(Locale.ROOT, "%.1f MB (%,d bytes/article)", bytes / 1e6, bytes / articles),
        BenchSuite.NO_BASELINE, "—", "reported", "—"));

    KnowledgeIndex searched = index;
    HandWrittenKnowledgeSearch handWritten = baseline;
    KnowledgeBase kb = KnowledgeBase.builder().repository(repository).index(searched).build();
    List<Incident> incidents = KnowledgeBenchData.incidents(Math.max(calls, 1_000));
    checkBothFind(kb, handWritten, incidents);
    long warmEnd = System.nanoTime() + (mode == Mode.SMOKE ? 0 : mode == Mode.QUICK ? 5 : 20)
        * 1_000_000_000L;
    int w = 0;
    do {
      Incident inc = incidents.get(w++ % incidents.size());
      kb.suggest(AGENT, inc, 5);
      handWritten.suggest(inc, 5);
    } while (System.nanoTime() < warmEnd);
    List<Double> p99s = new ArrayList<>();
    List<Double> p50s = new ArrayList<>();
    List<Double> baseP99s = new ArrayList<>();
    List<Double> cpuP99s = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int r = 0; r < rounds; r++) {
        long[] cpu = new long[calls];
        long[] times = timed(pool, calls, inc -> kb.suggest(AGENT, inc, 5), incidents, cpu);
        cpuP99s.add(p99(cpu));
        long[] baseTimes = timed(pool, calls, inc -> handWritten.suggest(inc, 5), incidents);
        p99s.add(p99(times));
        p50s.add((double) times[calls / 2]);
        baseP99s.add(p99(baseTimes));
        log.printf(Locale.ROOT, "   suggest over %,d articles, 2 threads: p50 %s, p99 %s (CPU"
                + " time p50 %s, p99 %s); hand-written p50 %s, p99 %s%n", articles,
            BenchSuite.time(p50s.get(r)), BenchSuite.time(p99s.get(r)),
            BenchSuite.time(cpu[calls / 2]), BenchSuite.time(cpuP99s.get(r)),
            BenchSuite.time(baseTimes[calls / 2]), BenchSuite.time(baseP99s.get(r)));
      }
    } finally {
      pool.shutdownNow();
      searched.close();
    }
    Stat p99 = Stat.of(p99s, BenchSuite::time);
    Stat p50 = Stat.of(p50s, BenchSuite::time);
    Stat baseP99 = Stat.of(baseP99s, BenchSuite::time);
    Stat cpuP99 = Stat.of(cpuP99s, BenchSuite::time);
    Target target = articles == 100_000 ? Target.nanosAtMost(5e6) : Target.NONE;
    Row suggest = BenchSuite.compare(String.format(Locale.ROOT, "knowledge: suggest 5 of %,d"
            + " articles for an incident, p99, 2 threads", articles), p99, baseP99,
        BenchSuite::time, target);
    rows.add(new Row(suggest.measure(), suggest.value() + " (p50 " + BenchSuite.time(p50.value())
        + "; CPU time p99 " + BenchSuite.time(cpuP99.value()) + ")", suggest.baseline(),
        suggest.ratio(), suggest.target(), suggest.met()));
    return rows;
  }

  /** Each call's time, sorted, half of the calls on each of two threads. */
  private static long[] timed(ExecutorService pool, int calls, Consumer<Incident> call,
      List<Incident> incidents) throws Exception {
    return timed(pool, calls, call, incidents, null);
  }

  /**
   * Each call's time, sorted, half of the calls on each of two threads; each call's CPU time of
   * its thread into {@code cpu} (sorted) if given.
   */
  private static long[] timed(ExecutorService pool, int calls, Consumer<Incident> call,
      List<Incident> incidents, long[] cpu) throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[] times = new long[calls];
    List<Future<?>> halves = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      int from = t * calls / 2;
      int to = (t + 1) * calls / 2;
      halves.add(pool.submit(() -> {
        for (int i = from; i < to; i++) {
          Incident inc = incidents.get(i % incidents.size());
          long c0 = cpu == null ? 0 : threads.getCurrentThreadCpuTime();
          long t0 = System.nanoTime();
          call.accept(inc);
          times[i] = System.nanoTime() - t0;
          if (cpu != null) {
            cpu[i] = threads.getCurrentThreadCpuTime() - c0;
          }
        }
      }));
    }
    for (Future<?> f : halves) {
      f.get();
    }
    Arrays.sort(times);
    if (cpu != null) {
      Arrays.sort(cpu);
    }
    return times;
  }

  private static double p99(long[] sorted) {
    return sorted[(int) Math.ceil(0.99 * sorted.length) - 1];
  }

  /**
   * Checks, before timing, that both sides find articles for most incidents and that the
   * baseline's first article is often among the library's five (they rank differently: the
   * library stems, boosts by scope and falls back to English).
   */
  private void checkBothFind(KnowledgeBase kb, HandWrittenKnowledgeSearch baseline,
      List<Incident> incidents) {
    int sample = Math.min(200, incidents.size());
    int libraryFound = 0;
    int baselineFound = 0;
    int agree = 0;
    for (Incident inc : incidents.subList(0, sample)) {
      List<String> lib = kb.suggest(AGENT, inc, 5).stream().map(h -> h.article().articleId()).toList();
      List<KnowledgeArticle> base = baseline.suggest(inc, 5);
      libraryFound += lib.isEmpty() ? 0 : 1;
      baselineFound += base.isEmpty() ? 0 : 1;
      agree += !base.isEmpty() && lib.contains(base.get(0).id()) ? 1 : 0;
    }
    log.printf(Locale.ROOT, "   of %d incidents: library found articles for %d, hand-written for"
        + " %d; the hand-written first among the library's five for %d%n", sample, libraryFound,
        baselineFound, agree);
    if (libraryFound < sample / 2 || baselineFound < sample / 2) {
      throw new IllegalStateException("the knowledge benchmark's searches find too little to be"
          + " timed: library " + libraryFound + ", hand-written " + baselineFound + " of " + sample);
    }
  }
}
