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
}
