package io.itsm.examples.bench;

import io.itsm.core.incident.Ticket;
import io.itsm.core.triage.TriagePolicy;
import io.itsm.rules.TriageEngine;
import io.itsm.rules.testkit.TicketGenerator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Memory: the heap in use (after full GCs) before building the default engine, after building
 * it, after 10,000 triages and after 1,000,000 triages. The engine must not grow: the last two
 * should be about equal; the second minus the first is the engine's retained heap. With {@code
 * --baseline} the same for {@link HandWrittenTriage}.
 *
 * <p>Run: {@code java -Xmx512m -cp itsm-examples/target/itsm.jar
 * io.itsm.examples.bench.MemoryCheck [--baseline] [--first N] [triages]} (default 10,000 and
 * 1,000,000; about a minute for the engine). {@link BenchSuite} runs it as a child process, once
 * for the engine and once for the baseline, and reads the last line it prints:
 * {@code memory before=B retained=B first=B all=B decisions=N} (bytes; the number of
 * decisions made, which the engine and the baseline must agree on).
 */
public final class MemoryCheck {

  private MemoryCheck() {}

  /**
   * Heap in use after repeated full GCs, in bytes.
   *
   * @return used heap
   */
  static long usedAfterGc() {
    Runtime rt = Runtime.getRuntime();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      used = Math.min(used, rt.totalMemory() - rt.freeMemory());
    }
    return used;
  }

  /**
   * Runs the check and prints the four numbers.
   *
   * @param args {@code --baseline}, {@code --first N} (default 10,000), the number of triages
   *     (default 1,000,000)
   */
  public static void main(String[] args) {
    boolean baseline = false;
    long first = 10_000;
    long total = 1_000_000L;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--baseline" -> baseline = true;
        case "--first" -> first = Long.parseLong(args[++i]);
        default -> total = Long.parseLong(args[i]);
      }
    }
    if (first < 1 || first > total) {
      throw new IllegalArgumentException(
          "--first must be between 1 and the number of triages " + total + ", but was " + first);
    }
    List<Ticket> tickets = TicketGenerator.generate(5_000);
    long before = usedAfterGc();
    TriagePolicy policy =
        baseline ? HandWrittenTriage.withDefaults(Set.of(), Set.of()) : TriageEngine.withDefaults();
    policy.triage(tickets.get(0));
    long built = usedAfterGc();
    long n = 0;
    long sink = 0;
    long afterFirst = 0;
    while (n < total) {
      sink += policy.triage(tickets.get((int) (n % tickets.size()))).decisions().size();
      n++;
      if (n == first) {
        afterFirst = usedAfterGc();
      }
    }
    long afterAll = usedAfterGc();
    String what = baseline ? "baseline" : "engine";
    System.out.printf("heap before %-8s     %8.1f MB%n", what, before / 1e6);
    System.out.printf("%-8s retained heap    %8.1f MB%n", what, (built - before) / 1e6);
    System.out.printf(Locale.ROOT, "heap after %,d %8.1f MB%n", first, afterFirst / 1e6);
    System.out.printf(Locale.ROOT, "heap after %,d %8.1f MB (growth %+.1f MB; %d decisions)%n",
        total, afterAll / 1e6, (afterAll - afterFirst) / 1e6, sink);
    System.out.printf(Locale.ROOT, "memory before=%d retained=%d first=%d all=%d decisions=%d%n",
        before, built - before, afterFirst, afterAll, sink);
  }
}
