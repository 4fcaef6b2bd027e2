package io.itsm.core.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.itsm.core.access.Role;
import io.itsm.core.json.Scalars.NotBlank;
import io.itsm.core.notification.DeliveryChannel;
import io.itsm.core.notification.QuietHours;
import io.itsm.core.notification.Recipient;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A recipient as written in a recipient file (docs/notifications.md, "Recipients"): the record's
 * components, with {@code zone} optional (UTC when absent) and {@code digest} false when absent.
 */
record RecipientDocument(
    @NotBlank String id,
    String name,
    Optional<String> language,
    Optional<ZoneId> zone,
    Map<DeliveryChannel, String> addresses,
    Set<Role> roles,
    Set<String> teams,
    Set<String> services,
    Optional<QuietHours> quietHours,
    @JsonProperty(defaultValue = "false") boolean digest) {

  static RecipientDocument of(Recipient r) {
    return new RecipientDocument(r.id(), r.name(), r.language(), Optional.of(r.zone()),
        r.addresses(), r.roles(), r.teams(), r.services(), r.quietHours(), r.digest());
  }

  Recipient toRecipient() {
    return new Recipient(id, name, language, zone.orElse(ZoneOffset.UTC), addresses, roles, teams,
        services, quietHours, digest);
  }
}
