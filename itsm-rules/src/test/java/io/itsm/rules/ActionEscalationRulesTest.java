package io.itsm.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.core.access.Role;
import io.itsm.core.escalation.EscalationAction;
import io.itsm.core.event.EscalationKind;
import io.itsm.core.review.PreventiveAction;
import io.itsm.core.review.PreventiveActionHistory;
import io.itsm.core.review.PreventiveActionOpened;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The default ladder of overdue preventive actions {@code action-escalation.drl}. */
class ActionEscalationRulesTest {

  static final String LEAD = "An overdue preventive action is reported to the team lead";
  static final String MANAGER = "A preventive action a week overdue is reported to the manager";
  static final String SENIOR =
      "A preventive action a month overdue is reported to senior management";

  private static final ActionEscalationEngine ENGINE = ActionEscalationEngine.withDefaults();
  private static final Instant DUE = Instant.parse("2026-03-20T17:00:00Z");
  private static final PreventiveAction ACTION = PreventiveActionHistory.apply(null,
      new PreventiveActionOpened("PA-000002", 1, DUE.minus(Duration.ofDays(10)), "sofia",
          "PIR-000001", "Alert on supply failure", "nina", "network-ops", DUE, Optional.empty()));

  private static List<Role> after(Duration overdue) {
    List<EscalationAction> actions = ENGINE.decide(ACTION, DUE.plus(overdue));
    assertThat(actions).allSatisfy(a -> assertThat(a.kind()).isEqualTo(EscalationKind.HIERARCHICAL));
    return actions.stream().map(a -> a.notified().orElseThrow()).toList();
  }

  @Test
  void ruleNames_areTheThreeSentences() {
    assertThat(ENGINE.ruleNames()).containsExactlyInAnyOrder(LEAD, MANAGER, SENIOR);
  }

  @Test
  void theLadder_climbsWithTheDaysOverdue() {
    assertThat(after(Duration.ofMinutes(1))).containsExactly(Role.TEAM_LEAD);
    assertThat(after(Duration.ofDays(6).plusHours(23))).containsExactly(Role.TEAM_LEAD);
    assertThat(after(Duration.ofDays(7))).containsExactly(Role.TEAM_LEAD, Role.MANAGER);
    assertThat(after(Duration.ofDays(30)))
        .containsExactly(Role.TEAM_LEAD, Role.MANAGER, Role.SENIOR_MANAGER);
  }

  @Test
  void eachAction_namesItsRule_andSaysWhy() {
    EscalationAction lead = ENGINE.decide(ACTION, DUE.plus(Duration.ofDays(8))).get(0);
    assertThat(lead.rule()).isEqualTo(LEAD);
    assertThat(lead.reason()).isEqualTo("PA-000002 'Alert on supply failure' of PIR-000001 (owner"
        + " nina, network-ops) was due 2026-03-20");
    assertThat(ENGINE.decide(ACTION, DUE.plus(Duration.ofDays(8))).get(1).reason())
        .isEqualTo("PA-000002 'Alert on supply failure' is 8 days overdue (owner nina, due"
            + " 2026-03-20)");
    assertThat(ENGINE.ruleFireCounts().get(LEAD)).isPositive();
  }
}
