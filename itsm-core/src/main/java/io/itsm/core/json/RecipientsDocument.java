package io.itsm.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.itsm.core.notification.Recipient;
import java.util.List;

/**
 * A recipient file as written in JSON (docs/notifications.md, "Recipients"): {@code
 * {"formatVersion": 1, "recipients": [...]}}.
 */
record RecipientsDocument(
    @JsonProperty(defaultValue = "1") @JsonDeserialize(using = Scalars.FormatVersion.class)
        Integer formatVersion,
    @JsonProperty(required = true) @JsonInclude(JsonInclude.Include.ALWAYS)
        List<Recipient> recipients) {

  RecipientsDocument {
    recipients = List.copyOf(recipients);
  }

  static RecipientsDocument of(List<Recipient> recipients) {
    return new RecipientsDocument(ItsmJson.FORMAT_VERSION, recipients);
  }
}
