package io.itsm.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import io.itsm.core.approval.Approval;
import io.itsm.core.approval.ApprovalDecision;
import io.itsm.core.approval.ApprovalStage;
import io.itsm.core.approval.ApprovalSubject;
import io.itsm.core.event.Categorized;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.event.IncidentLogged;
import io.itsm.core.event.Provenance;
import io.itsm.core.event.Reopened;
import io.itsm.core.incident.Assignment;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Link;
import io.itsm.core.incident.Resolution;
import io.itsm.core.json.Scalars.NotBlank;
import io.itsm.core.knowledge.event.KnowledgeEvent;
import java.util.List;

/**
 * The Jackson annotations of the model's records, kept out of the model. Records map by their
 * components, in declaration order, under {@link FormatRules}; a mixin here says only what differs:
 * strings that must not be blank, a property written only when not empty, a default, a name.
 *
 * <p>Events are written with {@code "type"} first, the simple name of the record; every record
 * permitted by {@link IncidentEvent} and by {@link KnowledgeEvent} is registered, so a new event
 * type needs nothing here.
 */
final class Mixins {

  private Mixins() {}

  static void register(MapperBuilder<?, ?> b) {
    b.addMixIn(IncidentEvent.class, Event.class)
        .addMixIn(Categorized.class, CategorizedMixin.class)
        .addMixIn(Reopened.class, ReopenedMixin.class)
        .addMixIn(IncidentLogged.class, IncidentLoggedMixin.class)
        .addMixIn(Provenance.class, ProvenanceMixin.class)
        .addMixIn(Caller.class, CallerMixin.class)
        .addMixIn(Assignment.class, AssignmentMixin.class)
        .addMixIn(Resolution.class, ResolutionMixin.class)
        .addMixIn(Link.class, LinkMixin.class)
        .addMixIn(Approval.class, ApprovalMixin.class)
        .addMixIn(ApprovalSubject.class, SubjectMixin.class)
        .addMixIn(ApprovalDecision.class, DecisionMixin.class);
    for (Class<?> type : IncidentEvent.class.getPermittedSubclasses()) {
      b.registerSubtypes(new NamedType(type, type.getSimpleName()));
    }
    b.addMixIn(KnowledgeEvent.class, ArticleEvent.class);
    for (Class<?> type : KnowledgeEvent.class.getPermittedSubclasses()) {
      b.registerSubtypes(new NamedType(type, type.getSimpleName()));
    }
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
  interface Event {
    @NotBlank String incidentId();
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
  interface ArticleEvent {
    @NotBlank String articleId();
  }

  interface CategorizedMixin {
    @NotBlank String category();
  }

  interface ReopenedMixin {
    @JsonProperty(defaultValue = "false") boolean onBehalfOfCaller();

    // added after format 1 was published: optional, written only when true
    @JsonProperty(defaultValue = "false") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    boolean fromClosed();
  }

  interface IncidentLoggedMixin {
    // added after format 1 was published: optional, written only when true
    @JsonProperty(defaultValue = "false") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    boolean selfReported();
  }

  interface ProvenanceMixin {
    @NotBlank String name();
    @JsonInclude(JsonInclude.Include.NON_EMPTY) String reason();
  }

  interface CallerMixin {
    @NotBlank String id();
    @JsonProperty(defaultValue = "false") boolean vip();
  }

  interface AssignmentMixin {
    @NotBlank String team();
  }

  interface ResolutionMixin {
    @NotBlank String code();
    @NotBlank String steps();

    // added after format 1 was published: optional, written only when true
    @JsonProperty(defaultValue = "false") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    boolean firstContact();
  }

  interface LinkMixin {
    @NotBlank String targetId();
  }

  interface ApprovalMixin {
    @NotBlank String id();
    @JsonProperty(required = true) List<ApprovalStage> stages();
    @NotBlank String requestedBy();
  }

  interface SubjectMixin {
    @NotBlank String reference();
  }

  interface DecisionMixin {
    @NotBlank String approverId();
    @JsonInclude(JsonInclude.Include.NON_EMPTY) String comment();
  }
}
