package io.itsm.core.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.ValidationException;
import io.itsm.core.json.ItsmJson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotificationTemplatesTest {

  private static final List<String> LANGUAGES = List.of("en", "de", "sv", "es", "fr");

  private static NotificationTemplate digest() {
    return new NotificationTemplate("digest", "Digest", Map.of("en", new TemplateText("{digest.count}", "{digest.items}")));
  }

  @Test
  void theDefaults_haveEveryTemplateInFiveLanguages() {
    NotificationTemplates t = NotificationTemplates.defaults();
    assertThat(t.languages()).containsExactlyInAnyOrderElementsOf(LANGUAGES);
    assertThat(t.all()).hasSizeGreaterThanOrEqualTo(15)
        .allSatisfy(x -> assertThat(x.texts().keySet()).containsExactlyInAnyOrderElementsOf(LANGUAGES));
    assertThat(t.names()).contains("incident-logged", "incident-resolved", "incident-known-outage",
        "announcement-published", "announcement-extended", "announcement-ended", "digest");
  }

  @Test
  void anUnknownField_isReportedAtLoadWithTheFieldProbablyMeant() {
    NotificationTemplate bad = new NotificationTemplate("resolved", "Resolved", Map.of(
        "en", new TemplateText("{incident.id} resolved", "Steps: {resolution.step}"),
        "de", new TemplateText("{incident.id} gelöst", "Schritte: {comment.text}")));
    assertThatThrownBy(() -> NotificationTemplates.of("en", LANGUAGES, List.of(bad, digest())))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).getProblems()).containsExactly(
            "template resolved (de) body uses unknown field {comment.text} for Resolved; fields: "
                + String.join(", ", TemplateFields.of("Resolved").orElseThrow()),
            "template resolved (en) body uses unknown field {resolution.step} for Resolved (did you mean"
                + " {resolution.steps}?); fields: " + String.join(", ", TemplateFields.of("Resolved").orElseThrow())));
  }

  @Test
  void aMissingDefaultText_anUnknownLanguage_anUnknownEvent_andNoDigest_areReported() {
    NotificationTemplate germanOnly = new NotificationTemplate("a", "Assigned",
        Map.of("de", new TemplateText("x", ""), "it", new TemplateText("x", "")));
    NotificationTemplate wrongEvent = new NotificationTemplate("b", "Solved", Map.of("en", new TemplateText("x", "")));
    assertThatThrownBy(() -> NotificationTemplates.of("en", LANGUAGES, List.of(germanOnly, wrongEvent)))
        .satisfies(e -> assertThat(((ValidationException) e).getProblems()).containsExactly(
            "template a has no text in the default language 'en' (it has [de, it])",
            "template a has a text in unknown language 'it'; languages: de, en, es, fr, sv",
            "template b is written for unknown event 'Solved'; events: " + String.join(", ", TemplateFields.events()),
            "a template named 'digest' (event Digest) is needed for daily digests"));
  }

  @Test
  void anUnbalancedBrace_isReported() {
    NotificationTemplate bad = new NotificationTemplate("a", "Assigned", Map.of("en", new TemplateText("{incident.id", "")));
    assertThatThrownBy(() -> NotificationTemplates.of("en", LANGUAGES, List.of(bad, digest())))
        .hasMessage("template a (en) subject has an unbalanced { or }");
  }

  @Test
  void templates_roundTripThroughJson() {
    ItsmJson json = ItsmJson.defaults();
    String text = json.notifications().writeTemplates(NotificationTemplates.defaults());
    NotificationTemplates back = json.notifications().readTemplates(text);
    assertThat(back.all()).isEqualTo(NotificationTemplates.defaults().all());
    assertThat(json.notifications().writeTemplates(back)).isEqualTo(text);
  }

  @Test
  void rendering_fillsFieldsAndMarksAbsentOnes() {
    TemplateText t = NotificationTemplates.defaults().render("incident-assigned", "sv",
        Map.of("incident.id", "INC-7", "incident.title", "VPN", "incident.team", "network-ops",
            "incident.priority", "P2"));
    assertThat(t.subject()).isEqualTo("[INC-7] Tilldelat network-ops: VPN");
    assertThat(t.body()).isEqualTo("INC-7 (P2) är nu tilldelat network-ops, handläggare -.\n\nVPN");
  }
}
