package io.itsm.examples.bench;

import io.itsm.core.incident.Ticket;
import io.itsm.rules.RuleExecutionException;
import io.itsm.rules.TriageEngine;
import io.itsm.rules.testkit.TicketGenerator;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a consequence that never returns still costs once the time budget stopped its triage:
 * how long the caller waits, the CPU the stuck worker burns, how fast the next triages are, and
 * when the engine starts refusing work. Prints one line per measure:
 *
 * <pre>
 * java -cp itsm-examples/target/itsm.jar io.itsm.examples.bench.StuckRuleCost [triages]
 * </pre>
 *
 * <p>The spinning rule is {@code while (!released) { }} (trusted, so that this program can let it
 * go at the end); a contained {@code while (true) { }} costs the same and never ends.
 */
public final class StuckRuleCost {

  private static volatile boolean released;

  private StuckRuleCost() {}

  /**
   * Whether the spinning rule may return.
   *
   * @return whether it was released
   */
  public static boolean released() {
    return released;
  }

  /**
   * Measures and prints.
   *
   * @param args optionally the number of triages per latency sample (default 2000)
   * @throws Exception if interrupted
   */
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
    for (String line : measure(n, 4)) {
      System.out.println(line);
    }
  }

  /**
   * Runs the measurement.
   *
   * @param n triages per latency sample
   * @param maxStuck the engine's stuck-run limit
   * @return the report lines
   * @throws InterruptedException if interrupted
   */
  public static List<String> measure(int n, int maxStuck) throws InterruptedException {
    released = false;
    String drl = "package team;\nimport io.itsm.rules.facts.*;\n"
        + "global io.itsm.rules.facts.RuleDecisions decide;\n"
        + "rule \"Spins\" ruleflow-group \"route\"\n"
        + "when TicketFact(title == \"spin\")\n"
        + "then while (!io.itsm.examples.bench.StuckRuleCost.released()) { }\nend\n";
    TriageEngine engine = TriageEngine.builder().addRules("spin.drl", drl).trustRules()
        .timeBudget(TriageEngine.DEFAULT_TIME_BUDGET).maxStuckRuns(maxStuck).build();
    List<Ticket> tickets = TicketGenerator.generate(n);
    try {
      double before = latencyMicros(engine, tickets);
      long t0 = System.nanoTime();
      try {
        engine.triage(Ticket.builder().title("spin").build());
      } catch (RuleExecutionException expected) {
        // the budget stopped it
      }
      double callerMillis = (System.nanoTime() - t0) / 1e6;
      double cpuShare = stuckCpuShare(Duration.ofSeconds(1));
      double during = latencyMicros(engine, tickets);
      int refusedAfter = 1;
      while (refusedAfter < maxStuck + 1) {
        try {
          engine.triage(Ticket.builder().title("spin").build());
        } catch (RuleExecutionException e) {
          if (e.getMessage().contains("refuses new runs")) {
            break;
          }
        }
        refusedAfter++;
      }
      return List.of(
          String.format(Locale.ROOT, "caller waited for its answer:   %.0f ms (budget %d ms)",
              callerMillis, TriageEngine.DEFAULT_TIME_BUDGET.toMillis()),
          String.format(Locale.ROOT, "stuck worker's CPU:             %.0f %% of one core", cpuShare
              * 100),
          String.format(Locale.ROOT, "triage before / while stuck:   %.1f / %.1f us (mean of %d)",
              before, during, n),
          "new triages refused after:      " + refusedAfter + " stuck runs (maxStuckRuns "
              + maxStuck + ")",
          "cores available:                " + Runtime.getRuntime().availableProcessors());
    } finally {
      released = true;
    }
  }

  private static double latencyMicros(TriageEngine engine, List<Ticket> tickets) {
    for (Ticket t : tickets) {
      engine.triage(t); // warm
    }
    long t0 = System.nanoTime();
    for (Ticket t : tickets) {
      engine.triage(t);
    }
    return (System.nanoTime() - t0) / 1e3 / tickets.size();
  }

  private static double stuckCpuShare(Duration window) throws InterruptedException {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[] ids = Arrays.stream(threads.dumpAllThreads(false, false))
        .filter(i -> i.getThreadName().startsWith("itsm-rules-")
            && i.getThreadState() == Thread.State.RUNNABLE)
        .mapToLong(ThreadInfo::getThreadId).toArray();
    long cpu0 = 0;
    for (long id : ids) {
      cpu0 += Math.max(0, threads.getThreadCpuTime(id));
    }
    Thread.sleep(window.toMillis());
    long cpu1 = 0;
    for (long id : ids) {
      cpu1 += Math.max(0, threads.getThreadCpuTime(id));
    }
    return (cpu1 - cpu0) / (double) window.toNanos();
  }
}
