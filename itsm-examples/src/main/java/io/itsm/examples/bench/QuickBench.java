package io.itsm.examples.bench;

import java.util.List;

/**
 * The first two measures of {@code BenchSuite --quick} (one ticket through the default packs on 1
 * and 2 threads, and the scaling with 10 to 10,000 entries) on their own, about a minute:
 *
 * <pre>
 * java -cp itsm-examples/target/itsm.jar io.itsm.examples.bench.QuickBench
 * </pre>
 *
 * <p>The same as {@code BenchSuite --quick --only triage,floor,scaling}; see {@link BenchSuite}.
 */
public final class QuickBench {

  private QuickBench() {}

  /**
   * Runs the two measures and prints their table.
   *
   * @param args none
   * @throws Exception if a measure fails
   */
  public static void main(String[] args) throws Exception {
    BenchSuite.run(BenchSuite.Mode.QUICK, false, List.of("triage", "floor", "scaling"), System.out);
  }
}
