package io.itsm.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.itsm.core.approval.Approval;
import io.itsm.core.incident.Assignment;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Channel;
import io.itsm.core.incident.Classification;
import io.itsm.core.incident.Impact;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.IncidentType;
import io.itsm.core.incident.Link;
import io.itsm.core.incident.OnHoldReason;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.Resolution;
import io.itsm.core.incident.Status;
import io.itsm.core.incident.Ticket;
import io.itsm.core.incident.Urgency;
import io.itsm.core.json.Scalars.NotBlank;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An incident snapshot as written in JSON (docs/json.md, "Incidents"): one flat object, property
 * by property in order. This is the only place that knows how {@link Incident} maps to it; when
 * the model's shape changes, {@link #of} and {@link #toIncident} change, and the format does not.
 */
record IncidentDocument(
    @JsonProperty(defaultValue = "1") @JsonDeserialize(using = Scalars.FormatVersion.class)
        Integer formatVersion,
    @NotBlank String id,
    Optional<String> externalId,
    IncidentType type,
    @NotBlank String title,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) String description,
    Optional<Channel> channel,
    Optional<Caller> caller,
    Optional<Integer> affectedUsers,
    Optional<String> service,
    Optional<String> configurationItem,
    List<String> errorCodes,
    List<String> stepsTried,
    List<String> attachments,
    Optional<String> category,
    Optional<String> subcategory,
    Optional<Impact> impact,
    Optional<Urgency> urgency,
    Optional<Priority> priority,
    Optional<Assignment> assignment,
    Status status,
    Optional<OnHoldReason> onHoldReason,
    Optional<Resolution> resolution,
    Optional<Boolean> approvalRequired,
    Optional<Approval> approval,
    Instant openedAt,
    Optional<Instant> updatedAt,
    Optional<Integer> reopenCount,
    Optional<Integer> reassignmentCount,
    List<Link> links,
    Set<String> tags,
    Map<String, String> attributes,
    Optional<Long> version) {

  static IncidentDocument of(Incident i) {
    Ticket t = i.ticket();
    return new IncidentDocument(
        ItsmJson.FORMAT_VERSION, i.id(), t.id(), t.type(), t.title(), t.description(),
        t.channel(), t.caller(), Optional.of(t.affectedUsers()), t.service(),
        t.configurationItem(), t.errorCodes(), t.stepsTried(), t.attachments(), i.category(),
        i.subcategory(), i.impact(), i.urgency(), i.priority(), i.assignment(), i.status(),
        i.onHoldReason(), i.resolution(), Optional.of(i.approvalRequired()), i.approval(),
        i.openedAt(), Optional.of(i.updatedAt()), Optional.of(i.reopenCount()),
        // added after format 1 was published: written only when not 0
        i.reassignmentCount() == 0 ? Optional.empty() : Optional.of(i.reassignmentCount()), i.links(),
        i.tags(), t.attributes(), Optional.of(i.version()));
  }

  Incident toIncident() {
    Ticket ticket =
        Ticket.builder()
            .id(externalId.orElse(null))
            .type(type)
            .title(title)
            .description(description)
            .channel(channel.orElse(null))
            .caller(caller.orElse(null))
            .affectedUsers(affectedUsers.orElse(Ticket.DEFAULT_AFFECTED_USERS))
            .service(service.orElse(null))
            .configurationItem(configurationItem.orElse(null))
            .errorCodes(errorCodes)
            .stepsTried(stepsTried)
            .attachments(attachments)
            .attributes(attributes)
            .openedAt(openedAt)
            .build();
    return new Incident(id, ticket,
        new Classification(category, subcategory, impact, urgency, priority), assignment, status,
        onHoldReason, resolution, approvalRequired.orElse(false), approval,
        reopenCount.orElse(0), reassignmentCount.orElse(0), links, tags,
        updatedAt.orElse(openedAt), version.orElse(0L));
  }
}
