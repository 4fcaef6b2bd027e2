package io.itsm.examples.bench;

import io.itsm.core.incident.Ticket;
import io.itsm.rules.TriageEngine;
import io.itsm.rules.testkit.TicketGenerator;
import java.util.List;

/**
 * Memory: the heap in use (after full GCs) before building the default engine, after building
 * it, after 10,000 triages and after 1,000,000 triages. The engine must not grow: the last two
 * should be about equal; the second minus the first is the engine's retained heap.
 *
 * <p>Run: {@code java -Xmx512m -cp itsm-examples/target/itsm.jar
 * io.itsm.examples.bench.MemoryCheck [triages]} (default 1,000,000; about a minute).
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
   * @param args optional number of triages
   */
  public static void main(String[] args) {
    long total = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
    List<Ticket> tickets = TicketGenerator.generate(5_000);
    long before = usedAfterGc();
    TriageEngine engine = TriageEngine.withDefaults();
    engine.triage(tickets.get(0));
    long built = usedAfterGc();
    long n = 0;
    long sink = 0;
    long after10k = 0;
    while (n < total) {
      sink += engine.triage(tickets.get((int) (n % tickets.size()))).decisions().size();
      n++;
      if (n == 10_000) {
        after10k = usedAfterGc();
      }
    }
    long afterAll = usedAfterGc();
    System.out.printf("heap before engine      %8.1f MB%n", before / 1e6);
    System.out.printf("engine retained heap    %8.1f MB%n", (built - before) / 1e6);
    System.out.printf("heap after 10,000       %8.1f MB%n", after10k / 1e6);
    System.out.printf("heap after %,d %8.1f MB (growth %+.1f MB; %d decisions)%n", total,
        afterAll / 1e6, (afterAll - after10k) / 1e6, sink);
  }
}
