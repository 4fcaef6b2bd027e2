package io.itsm.core.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.ValidationException;
import io.itsm.core.incident.Impact;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.SupportLevel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Decisions keep their type; text is converted once, at the edge, with clear errors. */
class TriageDecisionTest {

  @Test
  void attribute_knowsItsValueType_andParsesTextOnce() {
    assertThat(TriageAttribute.PRIORITY.valueType()).isEqualTo(Priority.class);
    assertThat(TriageAttribute.APPROVAL_REQUIRED.valueType()).isEqualTo(Boolean.class);
    assertThat(TriageAttribute.TEAM.valueType()).isEqualTo(String.class);
    assertThat(TriageAttribute.PRIORITY.parse("P2")).isSameAs(Priority.P2);
    assertThat(TriageAttribute.APPROVAL_REQUIRED.parse("false")).isEqualTo(false);
    assertThat(TriageAttribute.CATEGORY.parse("network")).isEqualTo("network");
    assertThat(TriageAttribute.SUPPORT_LEVEL.format(SupportLevel.VENDOR)).isEqualTo("VENDOR");
    assertThat(TriageAttribute.SUPPORT_LEVEL.allowedValues()).containsExactly("L1", "L2", "L3", "VENDOR");
    assertThat(TriageAttribute.TAG.allowedValues()).isEmpty();
  }

  @Test
  void parse_ofTextThatIsNoValue_namesTheAllowedValues() {
    assertThatThrownBy(() -> TriageAttribute.PRIORITY.parse("p2"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("PRIORITY must be one of P1, P2, P3, P4, P5, but was 'p2'");
    assertThatThrownBy(() -> TriageAttribute.APPROVAL_REQUIRED.parse("yes"))
        .hasMessage("APPROVAL_REQUIRED must be one of true, false, but was 'yes'");
    assertThatThrownBy(() -> TriageAttribute.TEAM.parse(" "))
        .hasMessage("TEAM must not be blank, but was ' '");
  }

  @Test
  void decision_ofTheWrongType_isRejected_namingTypeAndRule() {
    assertThatThrownBy(() -> new TriageDecision(TriageAttribute.PRIORITY, "P2", "r", "", 0))
        .isInstanceOf(ValidationException.class)
        .hasMessage("PRIORITY takes a Priority (one of P1, P2, P3, P4, P5), but was String 'P2' (rule 'r')");
    assertThatThrownBy(() -> new TriageDecision(TriageAttribute.IMPACT, Priority.P1, "r", "", 0))
        .hasMessageStartingWith("IMPACT takes an Impact (one of HIGH, MEDIUM, LOW), but was Priority 'P1'");
    assertThatThrownBy(() -> new TriageDecision(TriageAttribute.CATEGORY, Impact.HIGH, "r", "", 0))
        .hasMessageStartingWith("CATEGORY takes a code (String), but was Impact 'HIGH'");
    assertThatThrownBy(() -> new TriageDecision(TriageAttribute.CATEGORY, "x", " ", "", 0))
        .hasMessageContaining("rule must not be blank");
  }

  @Test
  void decision_printsItsValueAsText() {
    TriageDecision d = new TriageDecision(TriageAttribute.PRIORITY, Priority.P2, "VIP", "raised from P3", 0);
    assertThat(d).hasToString("PRIORITY=P2 by 'VIP': raised from P3");
    assertThat(d.value(Priority.class)).isSameAs(Priority.P2);
    assertThat(d.valueText()).isEqualTo("P2");
  }

  @Test
  void resolve_highestPrecedenceWins_thenTheLaterDecision_andTagsAreKeptOnce() {
    TriageDecision matrix = new TriageDecision(TriageAttribute.PRIORITY, Priority.P3, "matrix", "", 0);
    TriageDecision team = new TriageDecision(TriageAttribute.PRIORITY, Priority.P4, "team", "", 100);
    TriageDecision vip = new TriageDecision(TriageAttribute.PRIORITY, Priority.P2, "vip", "", 0);
    TriageDecision tagA = new TriageDecision(TriageAttribute.TAG, "a", "tagger", "", 0);
    TriageDecision tagA2 = new TriageDecision(TriageAttribute.TAG, "a", "tagger 2", "", 0);
    TriageDecision early = new TriageDecision(TriageAttribute.TEAM, "desk", "early", "", 0);
    TriageDecision late = new TriageDecision(TriageAttribute.TEAM, "lab", "late", "", 0);

    TriageResult r = TriageResult.resolve(List.of(matrix, early, tagA, team, vip, late, tagA2), List.of());

    assertThat(r.priority()).contains(Priority.P4);
    assertThat(r.team()).contains("lab");
    assertThat(r.tags()).containsExactly("a");
    assertThat(r.decisions()).containsExactly(team, late, tagA);
    assertThat(r.overruled()).containsExactly(matrix, early, vip, tagA2);
    assertThat(r.overruled(TriageAttribute.PRIORITY)).containsExactly(matrix, vip);
    assertThat(r.value(TriageAttribute.PRIORITY)).contains(Priority.P4);
    assertThat(r.approvalRequired()).isFalse();
  }

  @Test
  void of_refusesTwoWinnersForOneAttribute() {
    TriageDecision a = new TriageDecision(TriageAttribute.TEAM, "a", "r1", "", 0);
    TriageDecision b = new TriageDecision(TriageAttribute.TEAM, "b", "r2", "", 0);
    assertThatThrownBy(() -> TriageResult.of(List.of(a, b), List.of(), List.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("one winning decision per attribute, but TEAM has several");
  }
  private static TriageDecision bound(TriageDecision.Effect effect, Object value, String rule, int precedence) {
    TriageAttribute a = value instanceof Priority ? TriageAttribute.PRIORITY
        : value instanceof Impact ? TriageAttribute.IMPACT : TriageAttribute.SUPPORT_LEVEL;
    return new TriageDecision(a, value, rule, "", precedence, effect);
  }

  private static TriageDecision set(Priority p, String rule, int precedence) {
    return new TriageDecision(TriageAttribute.PRIORITY, p, rule, "", precedence);
  }

  @Test
  void atLeast_raisesALowerValue_andLeavesAHigherOne() {
    TriageDecision atLeastP2 = bound(TriageDecision.Effect.AT_LEAST, Priority.P2, "at least P2", 100);
    TriageDecision p4 = set(Priority.P4, "matrix", 0);
    TriageResult raised = TriageResult.resolve(List.of(p4, atLeastP2), List.of());
    assertThat(raised.priority()).contains(Priority.P2);
    assertThat(raised.decision(TriageAttribute.PRIORITY)).contains(atLeastP2);
    assertThat(raised.contributing(TriageAttribute.PRIORITY)).containsExactly(p4, atLeastP2);
    assertThat(raised.overruled()).isEmpty();

    TriageDecision p1 = set(Priority.P1, "matrix", 0);
    TriageResult kept = TriageResult.resolve(List.of(p1, atLeastP2), List.of());
    assertThat(kept.priority()).contains(Priority.P1);
    assertThat(kept.contributing(TriageAttribute.PRIORITY)).containsExactly(p1);
    assertThat(kept.overruled()).containsExactly(atLeastP2);
  }

  @Test
  void atMost_lowersAHigherValue_andLeavesALowerOne() {
    TriageDecision atMostP3 = bound(TriageDecision.Effect.AT_MOST, Priority.P3, "at most P3", 100);
    assertThat(TriageResult.resolve(List.of(set(Priority.P1, "m", 0), atMostP3), List.of()).priority())
        .contains(Priority.P3);
    assertThat(TriageResult.resolve(List.of(set(Priority.P4, "m", 0), atMostP3), List.of()).priority())
        .contains(Priority.P4);
    // support levels rank L1 < L2 < L3 < VENDOR; impact HIGH above LOW
    assertThat(TriageResult.resolve(List.of(
            new TriageDecision(TriageAttribute.SUPPORT_LEVEL, SupportLevel.VENDOR, "team", "", 0),
            bound(TriageDecision.Effect.AT_MOST, SupportLevel.L3, "cap", 0)), List.of()).supportLevel())
        .contains(SupportLevel.L3);
    assertThat(TriageResult.resolve(List.of(
            new TriageDecision(TriageAttribute.IMPACT, Impact.LOW, "reported", "", 0),
            bound(TriageDecision.Effect.AT_LEAST, Impact.HIGH, "many users", 0)), List.of()).impact())
        .contains(Impact.HIGH);
  }

  @Test
  void aBound_appliesAfterTheSetValue_whateverTheOrderMade_butNotBelowItsPrecedence() {
    TriageDecision vip = bound(TriageDecision.Effect.AT_LEAST, Priority.P3, "vip", 0);
    TriageDecision audit = set(Priority.P4, "audits are P4", 100);
    TriageDecision later = set(Priority.P5, "later default", 0);

    TriageResult r = TriageResult.resolve(List.of(vip, audit, later), List.of());

    assertThat(r.priority()).contains(Priority.P4); // the default bound does not move the team's set
    assertThat(r.overruled()).containsExactly(vip, later);
    // of equal precedence the bound applies, even when made before the set value
    assertThat(TriageResult.resolve(List.of(vip, later), List.of()).priority()).contains(Priority.P3);
  }

  @Test
  void bounds_applyInOrderOfPrecedence_soTheHighestHasTheLastWord() {
    TriageDecision teamCap = bound(TriageDecision.Effect.AT_MOST, Priority.P3, "team cap", 100);
    TriageDecision security = bound(TriageDecision.Effect.AT_LEAST, Priority.P2, "security", 0);
    TriageDecision matrix = set(Priority.P4, "matrix", 0);

    TriageResult r = TriageResult.resolve(List.of(matrix, teamCap, security), List.of());

    assertThat(r.priority()).contains(Priority.P3);
    assertThat(r.contributing(TriageAttribute.PRIORITY)).containsExactly(matrix, security, teamCap);
    assertThat(TriageResult.winners(List.of(matrix, teamCap, security))[TriageAttribute.PRIORITY.ordinal()])
        .isEqualTo(teamCap);
  }

  @Test
  void aBoundAlone_setsTheValue() {
    TriageDecision atLeastP2 = bound(TriageDecision.Effect.AT_LEAST, Priority.P2, "at least P2", 100);
    TriageResult r = TriageResult.resolve(List.of(atLeastP2), List.of());
    assertThat(r.priority()).contains(Priority.P2);
    assertThat(r.decisions()).containsExactly(atLeastP2);
  }

  @Test
  void aBound_ofAnAttributeWithoutOrder_isRejected() {
    assertThatThrownBy(() -> new TriageDecision(TriageAttribute.TEAM, "desk", "r", "", 0,
            TriageDecision.Effect.AT_LEAST))
        .isInstanceOf(ValidationException.class)
        .hasMessage("TEAM has no order, so it cannot be bounded (AT_LEAST); only IMPACT, URGENCY,"
            + " PRIORITY and SUPPORT_LEVEL can (rule 'r')");
    assertThat(new TriageDecision(TriageAttribute.PRIORITY, Priority.P2, "r", "why", 0,
            TriageDecision.Effect.AT_LEAST))
        .hasToString("PRIORITY at least P2 by 'r': why");
  }
}
