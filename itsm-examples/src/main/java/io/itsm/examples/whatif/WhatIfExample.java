package io.itsm.examples.whatif;

import io.itsm.core.json.ItsmJson;
import io.itsm.core.json.TicketReader;
import io.itsm.examples.customrules.CustomRulesExample;
import io.itsm.rules.TriageEngine;
import io.itsm.rules.testkit.WhatIf;
import io.itsm.rules.testkit.WhatIfReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * What-if before deploying: run the candidate policy (the default packs plus {@code
 * vip-routing.drl}) and the current one (the default packs) over past tickets, and see what would
 * change — per attribute, as transitions with counts, and the first changed tickets with both
 * explanations. The command line does the same with {@code itsm diff}.
 *
 * <p>Run it with {@code java -cp itsm-examples/target/itsm.jar
 * io.itsm.examples.whatif.WhatIfExample}.
 */
public final class WhatIfExample {

  /** Ten past tickets as JSON Lines, in five languages. */
  public static final String PAST_TICKETS = "/io/itsm/examples/whatif/past-tickets.jsonl";

  private WhatIfExample() {}

  /**
   * Compares the current and the candidate policy over the past tickets.
   *
   * @param maxExamples how many changed tickets to show in full
   * @return the report
   */
  public static WhatIfReport compare(int maxExamples) {
    TriageEngine current = TriageEngine.withDefaults();
    TriageEngine candidate = CustomRulesExample.vipRouting();
    try (InputStream in = WhatIfExample.class.getResourceAsStream(PAST_TICKETS);
        TicketReader lines = ItsmJson.defaults().ticketReader(in)) {
      return WhatIf.compare(current, candidate, lines, maxExamples);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Prints the report.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    System.out.println(compare(2).toText());
  }
}
