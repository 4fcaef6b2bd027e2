package io.itsm.examples.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.rules.testkit.WhatIfReport;
import org.junit.jupiter.api.Test;

class WhatIfExampleTest {

  @Test
  void vipRouting_wouldMoveTheFiveVipTicketsToTheVipDesk_andNothingElse() {
    WhatIfReport report = WhatIfExample.compare(2);

    assertThat(report.ticketsRead()).isEqualTo(10);
    assertThat(report.badLineCount()).isZero();
    assertThat(report.ticketsChanged()).isEqualTo(5);
    // the five VIP tickets (T-1, T-3, T-5, T-7, T-10) change team; only the service desk's was L1
    assertThat(report.transitions()).extracting(WhatIfReport.Transition::text).containsExactly(
        "supportLevel L1→L2",
        "team desktop-support→vip-desk",
        "team network-ops→vip-desk",
        "team performance-eng→vip-desk",
        "team security-ops→vip-desk",
        "team service-desk→vip-desk");
    assertThat(report.transitions()).extracting(WhatIfReport.Transition::count).containsOnly(1L);
    assertThat(report.examples()).hasSize(2);
    assertThat(report.toText()).startsWith("What-if: 10 tickets read, 5 changed (50.0 %)");
  }
}
