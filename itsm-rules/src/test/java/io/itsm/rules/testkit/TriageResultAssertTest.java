package io.itsm.rules.testkit;

import static io.itsm.rules.testkit.TriageAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.incident.Impact;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.SupportLevel;
import io.itsm.core.incident.Urgency;
import io.itsm.core.triage.TriageAttribute;
import io.itsm.core.triage.TriageDecision;
import io.itsm.core.triage.TriageResult;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class TriageResultAssertTest {

  static final String SECURITY = "Security incidents are never below P2";
  static final String MATRIX = "Medium impact and urgency, or high against low, make P3";

  static final TriageResult RESULT =
      TriageResult.of(
          List.of(
              d(TriageAttribute.CATEGORY, "security", "The category with the most keyword hits wins",
                  "1 keyword hit, first 'phishing' (en)"),
              d(TriageAttribute.SUBCATEGORY, "phishing", "Sub", "1 keyword hit"),
              d(TriageAttribute.IMPACT, Impact.MEDIUM, "Unknown impact is medium", ""),
              d(TriageAttribute.URGENCY, Urgency.MEDIUM, "Unknown urgency is medium", ""),
              d(TriageAttribute.PRIORITY, Priority.P2, SECURITY, "security category: raised from P3"),
              d(TriageAttribute.TEAM, "security-ops", "Each category goes to its team", "category security"),
              d(TriageAttribute.SUPPORT_LEVEL, SupportLevel.L2, "Each category goes to its team", ""),
              d(TriageAttribute.APPROVAL_REQUIRED, true, "Approve security", ""),
              d(TriageAttribute.TAG, "phishing", "Tag phishing", "")),
          List.of(d(TriageAttribute.PRIORITY, Priority.P3, MATRIX, "impact MEDIUM x urgency MEDIUM")),
          List.of("The category with the most keyword hits wins", MATRIX, SECURITY,
              "Fired without winning"));

  static final TriageResult EMPTY = TriageResult.empty();

  static TriageDecision d(TriageAttribute a, Object value, String rule, String reason) {
    return new TriageDecision(a, value, rule, reason, 0);
  }

  @Test
  void everyAssertion_passesOnAMatchingResult() {
    assertThat(RESULT)
        .hasCategory("security")
        .hasSubcategory("phishing")
        .hasImpact(Impact.MEDIUM)
        .hasUrgency(Urgency.MEDIUM)
        .hasPriority(Priority.P2)
        .isRoutedTo("security-ops")
        .isRoutedTo("security-ops", SupportLevel.L2)
        .hasSupportLevel(SupportLevel.L2)
        .requiresApproval()
        .hasTag("phishing")
        .wasDecidedBy(SECURITY)
        .wasDecidedBy("Tag phishing")
        .wasDecidedBy(TriageAttribute.PRIORITY, SECURITY)
        .wasDecidedBy(TriageAttribute.TAG, "Tag phishing")
        .overruled(TriageAttribute.PRIORITY, MATRIX);
    assertThat(EMPTY).doesNotRequireApproval();
  }

  @Test
  void valueAssertions_failWithExpectedActualAndTheExplanation() {
    assertThatThrownBy(() -> assertThat(RESULT).hasPriority(Priority.P1))
        .isInstanceOfSatisfying(AssertionFailedError.class, e -> {
          org.assertj.core.api.Assertions.assertThat(e.getExpected().getValue()).isEqualTo("P1");
          org.assertj.core.api.Assertions.assertThat(e.getActual().getValue()).isEqualTo("P2");
        })
        .hasMessageStartingWith(
            "Expected priority P1 but was P2 (by '" + SECURITY + "': security category: raised"
                + " from P3)\ndecided:\n  CATEGORY=security by 'The category with the most keyword"
                + " hits wins': 1 keyword hit, first 'phishing' (en)\n")
        .hasMessageContaining(
            "overruled:\n  PRIORITY=P3 by '" + MATRIX + "': impact MEDIUM x urgency MEDIUM\n"
                + "rules fired (4): 'The category with the most keyword hits wins', '" + MATRIX);
    assertFails(() -> assertThat(RESULT).hasCategory("network"),
        "Expected category network but was security (by 'The category");
    assertFails(() -> assertThat(RESULT).hasSubcategory("malware"),
        "Expected subcategory malware but was phishing (by 'Sub': 1 keyword hit)");
    assertFails(() -> assertThat(RESULT).hasImpact(Impact.HIGH),
        "Expected impact HIGH but was MEDIUM (by 'Unknown impact is medium')");
    assertFails(() -> assertThat(RESULT).hasUrgency(Urgency.LOW),
        "Expected urgency LOW but was MEDIUM");
    assertFails(() -> assertThat(RESULT).isRoutedTo("network-ops"),
        "Expected team network-ops but was security-ops (by 'Each category goes to its team':"
            + " category security)");
    assertFails(() -> assertThat(RESULT).isRoutedTo("security-ops", SupportLevel.L3),
        "Expected supportLevel L3 but was L2");
    assertFails(() -> assertThat(RESULT).hasSupportLevel(SupportLevel.L1),
        "Expected supportLevel L1 but was L2");
    assertFails(() -> assertThat(RESULT).doesNotRequireApproval(),
        "Expected approvalRequired false but was true (by 'Approve security')");
    assertFails(() -> assertThat(EMPTY).requiresApproval(),
        "Expected approvalRequired true but was false\ndecided: nothing\nrules fired (0): none");
    assertFails(() -> assertThat(EMPTY).hasCategory("network"),
        "Expected category network but was (undecided)\n");
  }

  @Test
  void ruleAssertions_failNamingWhatHappened() {
    assertFails(() -> assertThat(RESULT).hasTag("vip"),
        "Expected tag 'vip' but the tags were [phishing]\ndecided:");
    assertFails(() -> assertThat(RESULT).wasDecidedBy("Fired without winning"),
        "Expected a winning decision by 'Fired without winning' but it fired but won nothing");
    assertFails(() -> assertThat(RESULT).wasDecidedBy(MATRIX),
        "Expected a winning decision by '" + MATRIX + "' but it fired but won nothing");
    assertFails(() -> assertThat(RESULT).wasDecidedBy("Nope"),
        "Expected a winning decision by 'Nope' but it did not fire");
    assertFails(() -> assertThat(RESULT).wasDecidedBy(TriageAttribute.PRIORITY, MATRIX),
        "Expected PRIORITY to be decided by '" + MATRIX + "' but it was decided by '" + SECURITY
            + "'");
    assertFails(() -> assertThat(EMPTY).wasDecidedBy(TriageAttribute.TEAM, "x"),
        "Expected TEAM to be decided by 'x' but it was undecided");
    assertFails(() -> assertThat(RESULT).overruled(TriageAttribute.PRIORITY, SECURITY),
        "Expected a PRIORITY decision by '" + SECURITY + "' to be overruled but it won");
    assertFails(() -> assertThat(RESULT).overruled(TriageAttribute.TEAM, MATRIX),
        "Expected a TEAM decision by '" + MATRIX + "' to be overruled but it made no overruled"
            + " TEAM decision");
    assertFails(() -> assertThat(RESULT).overruled(TriageAttribute.TEAM, "Nope"),
        "Expected a TEAM decision by 'Nope' to be overruled but it did not fire");
    assertFails(() -> assertThat(RESULT).as("ticket SC-4").hasCategory("x"),
        "[ticket SC-4] Expected category x");
  }

  private static void assertFails(Runnable assertion, String messageStart) {
    assertThatThrownBy(assertion::run)
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(messageStart);
  }
}
