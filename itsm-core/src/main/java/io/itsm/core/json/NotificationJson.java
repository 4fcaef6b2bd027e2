package io.itsm.core.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.itsm.core.access.Role;
import io.itsm.core.notification.DeliveryAttempt;
import io.itsm.core.notification.DeliveryChannel;
import io.itsm.core.notification.DeliveryTiming;
import io.itsm.core.notification.Notification;
import io.itsm.core.notification.NotificationStatus;
import io.itsm.core.notification.NotificationTemplate;
import io.itsm.core.notification.NotificationTemplates;
import io.itsm.core.notification.QuietHours;
import io.itsm.core.notification.Recipient;
import io.itsm.core.notification.TemplateText;
import java.io.Reader;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON form of notifications, their templates and recipients, in the format of {@code
 * docs/notifications.md}. Obtained from {@link ItsmJson#notifications()}.
 *
 * <p>Immutable and thread-safe.
 */
public final class NotificationJson {

  static final List<String> TEMPLATES = List.of("formatVersion", "defaultLanguage", "languages", "templates");
  static final List<String> TEMPLATE = List.of("name", "event", "texts");
  static final List<String> TEXT = List.of("subject", "body");
  static final List<String> NOTIFICATION = List.of("id", "source", "subjectId", "eventType", "recipientId",
      "channel", "address", "language", "template", "subject", "body", "rule", "reason", "createdAt", "timing",
      "scheduledBy", "dueAt", "status", "attempts");
  static final List<String> ATTEMPT = List.of("at", "error");
  static final List<String> RECIPIENTS = List.of("formatVersion", "recipients");
  static final List<String> RECIPIENT = List.of("id", "name", "language", "zone", "addresses", "roles",
      "teams", "services", "quietHours", "digest");
  static final List<String> QUIET = List.of("from", "to");

  private final ItsmJson json;

  NotificationJson(ItsmJson json) {
    this.json = json;
  }

  /**
   * Reads and checks templates (see {@link NotificationTemplates#of}): {@code {"formatVersion": 1,
   * "defaultLanguage": "en", "languages": [...], "templates": [{"name", "event", "texts": {"en":
   * {"subject", "body"}}}]}}.
   *
   * @param text the JSON text
   * @return the templates
   * @throws JsonFormatException if the text is not a valid templates document, or a template is
   *     invalid (an unknown field, a missing default text: the problems are listed)
   */
  public NotificationTemplates readTemplates(String text) {
    Document doc = json.parse(text);
    In in = In.object(doc.root(), "$", doc, TEMPLATES);
    ModelCodec.checkFormatVersion(in);
    List<NotificationTemplate> templates = Values.objects(in, "templates", true, TEMPLATE, t -> {
      Map<String, TemplateText> texts = Values.objectMap(t, "texts", TEXT,
          x -> x.build(() -> new TemplateText(x.string("subject"), x.string("body"))));
      return t.build(() -> new NotificationTemplate(t.nonBlank("name"), t.nonBlank("event"), texts));
    });
    return in.build(() -> NotificationTemplates.of(in.nonBlank("defaultLanguage"), in.strings("languages"), templates));
  }

  /**
   * Writes templates.
   *
   * @param templates the templates
   * @return the JSON text
   */
  public String writeTemplates(NotificationTemplates templates) {
    Objects.requireNonNull(templates, "templates");
    return json.write(new Out().number("formatVersion", ItsmJson.FORMAT_VERSION)
        .string("defaultLanguage", templates.defaultLanguage())
        .sortedStrings("languages", templates.languages())
        .array("templates", templates.all().stream().map(t -> {
          Out o = new Out().string("name", t.name()).string("event", t.event());
          Values.objectMap(o, "texts", t.texts(), x -> new Out().string("subject", x.subject())
              .string("body", x.body()).node());
          return o.node();
        }).toList()).node());
  }

  /**
   * Writes a notification with its delivery attempts.
   *
   * @param n the notification
   * @return the JSON text
   */
  public String writeNotification(Notification n) {
    return json.write(notification(Objects.requireNonNull(n, "notification")));
  }

  /**
   * Reads a notification.
   *
   * @param text the JSON text
   * @return the notification
   * @throws JsonFormatException if the text is not a valid notification
   */
  public Notification readNotification(String text) {
    Document doc = json.parse(text);
    In in = In.object(doc.root(), "$", doc, NOTIFICATION);
    List<DeliveryAttempt> attempts = Values.objects(in, "attempts", false, ATTEMPT,
        a -> a.build(() -> new DeliveryAttempt(a.instant("at"), a.optString("error"))));
    return in.build(() -> new Notification(in.nonBlank("id"), in.nonBlank("source"), in.nonBlank("subjectId"),
        in.nonBlank("eventType"), in.nonBlank("recipientId"), in.enumValue("channel", DeliveryChannel.class),
        in.nonBlank("address"), in.nonBlank("language"), in.nonBlank("template"), in.string("subject"),
        in.string("body"), in.nonBlank("rule"), in.text("reason"), in.instant("createdAt"),
        in.enumValue("timing", DeliveryTiming.class), in.optString("scheduledBy"), in.instant("dueAt"),
        in.enumValue("status", NotificationStatus.class), attempts));
  }

  static ObjectNode notification(Notification n) {
    return new Out().string("id", n.id()).string("source", n.source()).string("subjectId", n.subjectId())
        .string("eventType", n.eventType()).string("recipientId", n.recipientId()).enumValue("channel", n.channel())
        .string("address", n.address()).string("language", n.language()).string("template", n.template())
        .string("subject", n.subject()).string("body", n.body()).string("rule", n.rule())
        .text("reason", n.reason()).instant("createdAt", n.createdAt()).enumValue("timing", n.timing())
        .optString("scheduledBy", n.scheduledBy()).instant("dueAt", n.dueAt()).enumValue("status", n.status())
        .array("attempts", n.attempts().stream().map(a -> new Out().instant("at", a.at())
            .optString("error", a.error()).node()).toList())
        .node();
  }

  /**
   * Reads a recipient directory file: {@code {"formatVersion": 1, "recipients": [...]}}.
   *
   * @param text the JSON text
   * @return the recipients
   * @throws JsonFormatException if the text is not valid
   */
  public List<Recipient> readRecipients(Reader text) {
    Document doc = json.parse(text);
    In in = In.object(doc.root(), "$", doc, RECIPIENTS);
    ModelCodec.checkFormatVersion(in);
    return Values.objects(in, "recipients", true, RECIPIENT, NotificationJson::readRecipient);
  }

  /**
   * Writes recipients as a directory file.
   *
   * @param recipients the recipients
   * @return the JSON text
   */
  public String writeRecipients(List<Recipient> recipients) {
    return json.write(new Out().number("formatVersion", ItsmJson.FORMAT_VERSION)
        .array("recipients", recipients.stream().map(NotificationJson::recipient).toList()).node());
  }

  static ObjectNode recipient(Recipient r) {
    Out out = new Out().string("id", r.id()).string("name", r.name()).optString("language", r.language())
        .string("zone", r.zone().getId());
    Map<String, String> addresses = new java.util.TreeMap<>();
    r.addresses().forEach((k, v) -> addresses.put(k.name(), v));
    return out.stringMap("addresses", addresses)
        .sortedStrings("roles", r.roles().stream().map(Enum::name).toList())
        .sortedStrings("teams", r.teams()).sortedStrings("services", r.services())
        .optValue("quietHours", r.quietHours().map(q -> new Out().string("from", q.from().toString())
            .string("to", q.to().toString()).node()))
        .bool("digest", r.digest()).node();
  }

  static Recipient readRecipient(In in) {
    Map<DeliveryChannel, String> addresses = new EnumMap<>(DeliveryChannel.class);
    for (Map.Entry<String, String> e : in.stringMap("addresses").entrySet()) {
      addresses.put(in.asEnum(com.fasterxml.jackson.databind.node.TextNode.valueOf(e.getKey()),
          Document.child(in.childPath("addresses"), e.getKey()), DeliveryChannel.class), e.getValue());
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    List<com.fasterxml.jackson.databind.JsonNode> r = in.array("roles", false);
    for (int i = 0; i < r.size(); i++) {
      roles.add(in.asEnum(r.get(i), Document.index(in.childPath("roles"), i), Role.class));
    }
    Optional<QuietHours> quiet = in.optObject("quietHours", QUIET)
        .map(q -> q.build(() -> new QuietHours(Values.time(q, "from"), Values.time(q, "to"))));
    return in.build(() -> new Recipient(in.nonBlank("id"), in.string("name"), in.optString("language"),
        in.has("zone") ? Values.zone(in, "zone") : java.time.ZoneOffset.UTC, addresses, roles,
        in.stringSet("teams"), in.stringSet("services"), quiet, in.optBool("digest", false)));
  }
}
