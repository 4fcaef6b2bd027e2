package io.itsm.core.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.itsm.core.json.Scalars.NotBlank;
import io.itsm.core.notification.NotificationTemplate;
import io.itsm.core.notification.NotificationTemplates;
import java.util.List;
import java.util.Set;

/**
 * Notification templates as written in JSON (docs/notifications.md, "Templates"): {@code
 * {"formatVersion": 1, "defaultLanguage": "en", "languages": [...], "templates": [...]}}. Read,
 * they are checked by {@link NotificationTemplates#of}, whose problems are reported at the
 * document.
 */
record TemplatesDocument(
    @JsonProperty(defaultValue = "1") @JsonDeserialize(using = Scalars.FormatVersion.class)
        Integer formatVersion,
    @NotBlank String defaultLanguage,
    Set<String> languages,
    @JsonProperty(required = true) List<NotificationTemplate> templates) {

  static TemplatesDocument of(NotificationTemplates t) {
    return new TemplatesDocument(ItsmJson.FORMAT_VERSION, t.defaultLanguage(), t.languages(),
        t.all());
  }

  NotificationTemplates toTemplates() {
    return NotificationTemplates.of(defaultLanguage, languages, templates);
  }
}
