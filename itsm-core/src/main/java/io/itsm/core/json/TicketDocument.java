package io.itsm.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.itsm.core.ValidationException;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Channel;
import io.itsm.core.incident.Impact;
import io.itsm.core.incident.IncidentType;
import io.itsm.core.incident.Ticket;
import io.itsm.core.incident.Urgency;
import io.itsm.core.json.Scalars.NotBlank;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A ticket as written in JSON (docs/json.md, "Tickets"), property by property in order. {@link
 * Ticket} is built by a builder, for which Jackson cannot tell a missing property from a default;
 * this record can, and converts.
 */
record TicketDocument(
    Optional<String> id,
    Optional<IncidentType> type,
    @NotBlank String title,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) String description,
    Optional<Channel> channel,
    Optional<Caller> caller,
    Optional<Integer> affectedUsers,
    Optional<String> service,
    Optional<String> configurationItem,
    Optional<Impact> impact,
    Optional<Urgency> urgency,
    Optional<Instant> openedAt,
    List<String> errorCodes,
    List<String> stepsTried,
    List<String> attachments,
    Set<String> tags,
    Map<String, String> attributes) {

  static TicketDocument of(Ticket t) {
    return new TicketDocument(
        t.id(), Optional.of(t.type()), t.title(), t.description(), t.channel(), t.caller(),
        Optional.of(t.affectedUsers()), t.service(), t.configurationItem(), t.impact(), t.urgency(),
        t.openedAt(), t.errorCodes(), t.stepsTried(), t.attachments(), t.tags(), t.attributes());
  }

  Ticket toTicket() {
    if (id.isPresent() && id.get().isBlank()) {
      throw new ValidationException("id must not be blank, but was '" + id.get() + "': leave \"id\""
          + " out to have one assigned");
    }
    Ticket.Builder b = Ticket.builder().id(id.orElse(null)).title(title).description(description);
    type.ifPresent(b::type);
    affectedUsers.ifPresent(b::affectedUsers);
    return b.channel(channel.orElse(null))
        .caller(caller.orElse(null))
        .service(service.orElse(null))
        .configurationItem(configurationItem.orElse(null))
        .impact(impact.orElse(null))
        .urgency(urgency.orElse(null))
        .openedAt(openedAt.orElse(null))
        .errorCodes(errorCodes)
        .stepsTried(stepsTried)
        .attachments(attachments)
        .tags(tags)
        .attributes(attributes)
        .build();
  }
}
