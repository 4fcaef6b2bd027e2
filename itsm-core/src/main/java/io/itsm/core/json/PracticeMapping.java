package io.itsm.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.itsm.core.announcement.Announcement;
import io.itsm.core.announcement.AnnouncementApprovalDecided;
import io.itsm.core.announcement.AnnouncementCancelled;
import io.itsm.core.announcement.AnnouncementContent;
import io.itsm.core.announcement.AnnouncementEnded;
import io.itsm.core.announcement.AnnouncementEvent;
import io.itsm.core.announcement.AnnouncementRevision;
import io.itsm.core.announcement.AnnouncementText;
import io.itsm.core.announcement.Feedback;
import io.itsm.core.announcement.IncidentLinked;
import io.itsm.core.cmdb.AffectedCi;
import io.itsm.core.cmdb.AttributeChange;
import io.itsm.core.cmdb.ChangeApprovalDecided;
import io.itsm.core.cmdb.ChangeEvent;
import io.itsm.core.cmdb.ChangePlan;
import io.itsm.core.cmdb.ChangeRequest;
import io.itsm.core.cmdb.ChangeStarted;
import io.itsm.core.cmdb.CiDefinition;
import io.itsm.core.cmdb.CiEvent;
import io.itsm.core.cmdb.CiUpdate;
import io.itsm.core.cmdb.CiUpdateSet;
import io.itsm.core.cmdb.CiUpdated;
import io.itsm.core.cmdb.CmdbExport;
import io.itsm.core.cmdb.ConfigurationItem;
import io.itsm.core.cmdb.Relation;
import io.itsm.core.json.Scalars.FreeText;
import io.itsm.core.json.Scalars.NotBlank;
import io.itsm.core.notification.Notification;
import io.itsm.core.notification.NotificationTemplate;
import io.itsm.core.notification.NotificationTemplates;
import io.itsm.core.notification.Recipient;
import io.itsm.core.notification.TemplateText;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The mapping of the CMDB's, announcements' and notifications' records (docs/cmdb.md,
 * docs/announcements.md, docs/notifications.md, "JSON"), under the same rules as the incident
 * records ({@link FormatRules}): records by their components in declaration order, events with
 * {@code "type"} first (the simple name of the record, every record a sealed event interface
 * permits), mixins saying only what differs. {@link ConfigurationItem}, {@link CmdbExport},
 * {@link NotificationTemplates} and {@link Recipient} map through records shaped as their JSON.
 *
 * <p>Durations are ISO-8601 strings ({@code "PT72H"}), time zones their ids ({@code
 * "Europe/Berlin"}), times of day {@code "22:00"}; all three read strictly ({@link Scalars}).
 */
final class PracticeMapping {

  private PracticeMapping() {}

  /** Adds the value formats and the documents to the module of {@link Mapping}. */
  static void documents(SimpleModule formats) {
    formats.addDeserializer(Duration.class, new Scalars.IsoDuration());
    formats.addDeserializer(ZoneId.class, new Scalars.Zone());
    formats.addDeserializer(LocalTime.class, new Scalars.TimeOfDay());
    formats.addSerializer(LocalTime.class, ToStringSerializer.instance);
    Mapping.document(formats, ConfigurationItem.class, CiDocument.class, CiDocument::of,
        CiDocument::toItem);
    Mapping.document(formats, CmdbExport.class, CmdbExportDocument.class, CmdbExportDocument::of,
        CmdbExportDocument::toExport);
    Mapping.document(formats, NotificationTemplates.class, TemplatesDocument.class,
        TemplatesDocument::of, TemplatesDocument::toTemplates);
    Mapping.document(formats, Recipient.class, RecipientDocument.class, RecipientDocument::of,
        RecipientDocument::toRecipient);
  }

  /** Adds the mixins and the event types. */
  static void mixins(MapperBuilder<?, ?> b) {
    b.addMixIn(CiEvent.class, CiEventMixin.class)
        .addMixIn(ChangeEvent.class, ChangeEventMixin.class)
        .addMixIn(AnnouncementEvent.class, AnnouncementEventMixin.class)
        .addMixIn(CiDefinition.class, DefinitionMixin.class)
        .addMixIn(Relation.class, RelationMixin.class)
        .addMixIn(AttributeChange.class, FieldMixin.class)
        .addMixIn(CiUpdate.class, FieldMixin.class)
        .addMixIn(CiUpdateSet.class, UpdateSetMixin.class)
        .addMixIn(CiUpdated.class, UpdatedMixin.class)
        .addMixIn(AffectedCi.class, AffectedMixin.class)
        .addMixIn(ChangePlan.class, PlanMixin.class)
        .addMixIn(ChangeRequest.class, ChangeMixin.class)
        .addMixIn(ChangeStarted.class, NoteMixin.class)
        .addMixIn(ChangeApprovalDecided.class, CommentMixin.class)
        .addMixIn(AnnouncementContent.class, ContentMixin.class)
        .addMixIn(AnnouncementText.class, TextMixin.class)
        .addMixIn(Announcement.class, AnnouncementMixin.class)
        .addMixIn(AnnouncementRevision.class, RevisionMixin.class)
        .addMixIn(Feedback.class, FeedbackMixin.class)
        .addMixIn(AnnouncementApprovalDecided.class, CommentMixin.class)
        .addMixIn(AnnouncementEnded.class, NoteMixin.class)
        .addMixIn(AnnouncementCancelled.class, RequiredReasonMixin.class)
        .addMixIn(IncidentLinked.class, LinkedMixin.class)
        .addMixIn(Notification.class, NotificationMixin.class)
        .addMixIn(NotificationTemplate.class, TemplateMixin.class);
    for (Class<?> base : List.of(CiEvent.class, ChangeEvent.class, AnnouncementEvent.class)) {
      for (Class<?> type : base.getPermittedSubclasses()) {
        b.registerSubtypes(new NamedType(type, type.getSimpleName()));
      }
    }
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
  interface CiEventMixin {
    @NotBlank String ciId();

    @NotBlank String actor();
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
  interface ChangeEventMixin {
    @NotBlank String changeId();

    @NotBlank String actor();
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
  interface AnnouncementEventMixin {
    @NotBlank String announcementId();

    @NotBlank String actor();
  }

  interface DefinitionMixin {
    @NotBlank String id();

    @NotBlank String name();
  }

  interface RelationMixin {
    @NotBlank String from();

    @NotBlank String to();
  }

  interface FieldMixin {
    @NotBlank String field();
  }

  interface UpdatedMixin {
    @JsonProperty(required = true) List<AttributeChange> changes();
  }

  interface UpdateSetMixin {
    @NotBlank String ciId();

    @JsonProperty(required = true) List<CiUpdate> updates();
  }

  /** A reason the record requires: written even when empty, so the model names the problem. */
  interface RequiredReasonMixin {
    @JsonProperty(required = true) String reason();
  }

  /** Free text left out when empty, as the practices' documents always had it. */
  interface NoteMixin {
    @JsonInclude(JsonInclude.Include.NON_EMPTY) String note();
  }

  interface CommentMixin {
    @JsonInclude(JsonInclude.Include.NON_EMPTY) String comment();
  }

  interface AffectedMixin {
    @NotBlank String id();

    @NotBlank String name();

    @NotBlank String via();
  }

  interface PlanMixin {
    @NotBlank String title();

    @JsonInclude(JsonInclude.Include.NON_EMPTY) String description();
  }

  interface ChangeMixin {
    @NotBlank String id();

    @NotBlank String requestedBy();
  }

  interface ContentMixin {
    @NotBlank String defaultLanguage();
  }

  interface TextMixin {
    @FreeText String cause();

    @FreeText String expectedImpact();

    @FreeText String workaround();
  }

  interface AnnouncementMixin {
    @NotBlank String id();

    @JsonProperty(required = true) List<AnnouncementRevision> revisions();

    @NotBlank String createdBy();
  }

  interface RevisionMixin {
    @NotBlank String actor();
  }

  interface FeedbackMixin {
    @NotBlank String userId();

    @JsonInclude(JsonInclude.Include.NON_EMPTY) String comment();
  }

  interface LinkedMixin {
    @NotBlank String incidentId();
  }

  interface NotificationMixin {
    @NotBlank String id();

    @NotBlank String source();

    @NotBlank String subjectId();

    @NotBlank String eventType();

    @NotBlank String recipientId();

    @NotBlank String address();

    @NotBlank String language();

    @NotBlank String template();

    @NotBlank String rule();

    @JsonInclude(JsonInclude.Include.NON_EMPTY) String reason();
  }

  interface TemplateMixin {
    @NotBlank String name();

    @NotBlank String event();

    @JsonProperty(required = true) Map<String, TemplateText> texts();
  }
}
