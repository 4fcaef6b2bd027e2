package io.itsm.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.itsm.core.announcement.Announcement;
import io.itsm.core.announcement.AnnouncementApprovalDecided;
import io.itsm.core.announcement.AnnouncementArchived;
import io.itsm.core.announcement.AnnouncementCancelled;
import io.itsm.core.announcement.AnnouncementContent;
import io.itsm.core.announcement.AnnouncementDrafted;
import io.itsm.core.announcement.AnnouncementEnded;
import io.itsm.core.announcement.AnnouncementEvent;
import io.itsm.core.announcement.AnnouncementKind;
import io.itsm.core.announcement.AnnouncementPublished;
import io.itsm.core.announcement.AnnouncementRevised;
import io.itsm.core.announcement.AnnouncementRevision;
import io.itsm.core.announcement.AnnouncementStatus;
import io.itsm.core.announcement.AnnouncementSubmitted;
import io.itsm.core.announcement.AnnouncementText;
import io.itsm.core.announcement.Feedback;
import io.itsm.core.announcement.FeedbackGiven;
import io.itsm.core.announcement.IncidentLinked;
import io.itsm.core.announcement.OutageWindow;
import io.itsm.core.approval.Verdict;
import io.itsm.core.notification.DeliveryChannel;
import java.io.Reader;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The JSON form of announcements: their content, stored state, events and a list document, in
 * the format of {@code docs/announcements.md}. Obtained from {@link ItsmJson#announcements()}.
 *
 * <p>Immutable and thread-safe.
 */
public final class AnnouncementJson {

  static final List<String> CONTENT = List.of("kind", "services", "cis", "window", "contact", "channels",
      "defaultLanguage", "texts", "majorIncidentId");
  static final List<String> WINDOW = List.of("start", "estimatedEnd", "zone");
  static final List<String> TEXT = List.of("title", "cause", "expectedImpact", "workaround");
  static final List<String> ANNOUNCEMENT = List.of("id", "content", "reach", "status", "revisions",
      "approval", "leadTime", "createdBy", "createdAt", "updatedAt", "publishedAt", "endedAt", "feedback",
      "linkedIncidents", "version");
  static final List<String> REVISION = List.of("number", "at", "actor", "whatChanged");
  static final List<String> FEEDBACK = List.of("userId", "at", "helpful", "comment");
  static final List<String> LIST = List.of("formatVersion", "announcements");

  private static final List<String> HEADER = List.of("type", "announcementId", "sequence", "at", "actor");
  private static final Map<String, List<String>> KINDS = new LinkedHashMap<>();

  static {
    kind("AnnouncementDrafted", "content", "reach");
    kind("AnnouncementRevised", "content", "reach", "revision", "whatChanged", "windowExtended");
    kind("AnnouncementSubmitted", "approval", "leadTime", "reasons");
    kind("AnnouncementApprovalDecided", "approval", "verdict", "comment");
    kind("AnnouncementPublished");
    kind("AnnouncementEnded", "note");
    kind("AnnouncementArchived");
    kind("AnnouncementCancelled", "reason");
    kind("FeedbackGiven", "feedback");
    kind("IncidentLinked", "incidentId");
  }

  private static void kind(String type, String... own) {
    List<String> known = new ArrayList<>(HEADER);
    known.addAll(List.of(own));
    KINDS.put(type, List.copyOf(known));
  }

  private final ItsmJson json;

  AnnouncementJson(ItsmJson json) {
    this.json = json;
  }

  /**
   * Writes an announcement's content (what {@code Announcements.draft} takes).
   *
   * @param c the content
   * @return the JSON text
   */
  public String writeContent(AnnouncementContent c) {
    return json.write(content(Objects.requireNonNull(c, "content")));
  }

  /**
   * Reads an announcement's content.
   *
   * @param text the JSON text
   * @return the content
   * @throws JsonFormatException if the text is not valid content
   */
  public AnnouncementContent readContent(String text) {
    Document doc = json.parse(text);
    return readContent(In.object(doc.root(), "$", doc, CONTENT));
  }

  /**
   * Writes a stored announcement.
   *
   * @param a the announcement
   * @return the JSON text
   */
  public String writeAnnouncement(Announcement a) {
    return json.write(announcement(Objects.requireNonNull(a, "announcement")));
  }

  /**
   * Reads a stored announcement.
   *
   * @param text the JSON text
   * @return the announcement
   * @throws JsonFormatException if the text is not a valid announcement
   */
  public Announcement readAnnouncement(String text) {
    Document doc = json.parse(text);
    return readAnnouncement(In.object(doc.root(), "$", doc, ANNOUNCEMENT));
  }

  /**
   * Writes a list of announcements: {@code {"formatVersion": 1, "announcements": [...]}}.
   *
   * @param list the announcements
   * @return the JSON text
   */
  public String writeList(List<Announcement> list) {
    return json.write(new Out().number("formatVersion", ItsmJson.FORMAT_VERSION)
        .array("announcements", list.stream().map(AnnouncementJson::announcement).toList()).node());
  }

  /**
   * Reads a list of announcements from a character stream. Does not close it.
   *
   * @param text the JSON text
   * @return the announcements
   * @throws JsonFormatException if the text is not a valid list
   */
  public List<Announcement> readList(Reader text) {
    Document doc = json.parse(text);
    In in = In.object(doc.root(), "$", doc, LIST);
    ModelCodec.checkFormatVersion(in);
    return Values.objects(in, "announcements", false, ANNOUNCEMENT, AnnouncementJson::readAnnouncement);
  }

  /**
   * Writes an announcement event, its {@code "type"} first.
   *
   * @param e the event
   * @return the JSON text
   */
  public String writeEvent(AnnouncementEvent e) {
    return json.write(event(Objects.requireNonNull(e, "event")));
  }

  /**
   * Reads an announcement event.
   *
   * @param text the JSON text
   * @return the event
   * @throws JsonFormatException if the text is not a valid event
   */
  public AnnouncementEvent readEvent(String text) {
    Document doc = json.parse(text);
    return readEvent(doc.root(), "$", doc);
  }

  // ---------------------------------------------------------------- mapping

  static ObjectNode content(AnnouncementContent c) {
    Out out = new Out().enumValue("kind", c.kind()).sortedStrings("services", c.services())
        .sortedStrings("cis", c.cis())
        .value("window", new Out().instant("start", c.window().start())
            .optInstant("estimatedEnd", c.window().estimatedEnd()).string("zone", c.window().zone().getId()).node())
        .string("contact", c.contact())
        .strings("channels", c.channels().stream().map(Enum::name).toList())
        .string("defaultLanguage", c.defaultLanguage());
    Values.objectMap(out, "texts", c.texts(), t -> new Out().string("title", t.title()).text("cause", t.cause())
        .text("expectedImpact", t.expectedImpact()).text("workaround", t.workaround()).node());
    return out.optString("majorIncidentId", c.majorIncidentId()).node();
  }

  static AnnouncementContent readContent(In in) {
    In w = in.object("window", WINDOW);
    OutageWindow window = w.build(() -> new OutageWindow(w.instant("start"), w.optInstant("estimatedEnd"),
        Values.zone(w, "zone")));
    Set<DeliveryChannel> channels = EnumSet.noneOf(DeliveryChannel.class);
    List<JsonNode> ch = in.array("channels", true);
    for (int i = 0; i < ch.size(); i++) {
      channels.add(in.asEnum(ch.get(i), Document.index(in.childPath("channels"), i), DeliveryChannel.class));
    }
    Map<String, AnnouncementText> texts = Values.objectMap(in, "texts", TEXT, t -> t.build(() ->
        new AnnouncementText(t.string("title"), t.text("cause"), t.text("expectedImpact"), t.text("workaround"))));
    return in.build(() -> new AnnouncementContent(in.enumValue("kind", AnnouncementKind.class),
        in.stringSet("services"), in.stringSet("cis"), window, in.string("contact"), channels,
        in.nonBlank("defaultLanguage"), texts, in.optString("majorIncidentId")));
  }

  static ObjectNode announcement(Announcement a) {
    return new Out().string("id", a.id()).value("content", content(a.content())).strings("reach", a.reach())
        .enumValue("status", a.status())
        .array("revisions", a.revisions().stream().map(r -> new Out().number("number", r.number())
            .instant("at", r.at()).string("actor", r.actor()).string("whatChanged", r.whatChanged()).node()).toList())
        .optValue("approval", a.approval().map(ApprovalCodec::write))
        .string("leadTime", a.leadTime().toString()).string("createdBy", a.createdBy())
        .instant("createdAt", a.createdAt()).instant("updatedAt", a.updatedAt())
        .optInstant("publishedAt", a.publishedAt()).optInstant("endedAt", a.endedAt())
        .array("feedback", a.feedback().stream().map(AnnouncementJson::feedback).toList())
        .strings("linkedIncidents", a.linkedIncidents()).number("version", a.version()).node();
  }

  static Announcement readAnnouncement(In in) {
    AnnouncementContent content = readContent(in.object("content", CONTENT));
    List<AnnouncementRevision> revisions = Values.objects(in, "revisions", true, REVISION, r -> r.build(() ->
        new AnnouncementRevision(r.integer("number"), r.instant("at"), r.nonBlank("actor"), r.string("whatChanged"))));
    var approval = in.optObject("approval", ApprovalCodec.APPROVAL).map(ApprovalCodec::read);
    List<Feedback> feedback = Values.objects(in, "feedback", false, FEEDBACK, AnnouncementJson::readFeedback);
    return in.build(() -> new Announcement(in.nonBlank("id"), content, in.strings("reach"),
        in.enumValue("status", AnnouncementStatus.class), revisions, approval, Values.duration(in, "leadTime"),
        in.nonBlank("createdBy"), in.instant("createdAt"), in.instant("updatedAt"), in.optInstant("publishedAt"),
        in.optInstant("endedAt"), feedback, in.strings("linkedIncidents"), in.longValue("version")));
  }

  static ObjectNode feedback(Feedback f) {
    return new Out().string("userId", f.userId()).instant("at", f.at()).bool("helpful", f.helpful())
        .text("comment", f.comment()).node();
  }

  static Feedback readFeedback(In in) {
    return in.build(() -> new Feedback(in.nonBlank("userId"), in.instant("at"), in.bool("helpful"), in.text("comment")));
  }

  static ObjectNode event(AnnouncementEvent e) {
    Out out = new Out().string("type", e.type()).string("announcementId", e.announcementId())
        .number("sequence", e.sequence()).instant("at", e.at()).string("actor", e.actor());
    if (e instanceof AnnouncementDrafted x) {
      out.value("content", content(x.content())).strings("reach", x.reach());
    } else if (e instanceof AnnouncementRevised x) {
      out.value("content", content(x.content())).strings("reach", x.reach()).number("revision", x.revision())
          .string("whatChanged", x.whatChanged()).bool("windowExtended", x.windowExtended());
    } else if (e instanceof AnnouncementSubmitted x) {
      out.value("approval", ApprovalCodec.write(x.approval())).string("leadTime", x.leadTime().toString())
          .strings("reasons", x.reasons());
    } else if (e instanceof AnnouncementApprovalDecided x) {
      out.value("approval", ApprovalCodec.write(x.approval())).enumValue("verdict", x.verdict())
          .text("comment", x.comment());
    } else if (e instanceof AnnouncementEnded x) {
      out.text("note", x.note());
    } else if (e instanceof AnnouncementCancelled x) {
      out.string("reason", x.reason());
    } else if (e instanceof FeedbackGiven x) {
      out.value("feedback", feedback(x.feedback()));
    } else if (e instanceof IncidentLinked x) {
      out.string("incidentId", x.incidentId());
    }
    return out.node();
  }

  static AnnouncementEvent readEvent(JsonNode node, String path, Document doc) {
    String type = CmdbJson.type(node, path, doc, KINDS.keySet());
    In in = In.object(node, path, doc, KINDS.get(type));
    String id = in.nonBlank("announcementId");
    long seq = in.longValue("sequence");
    java.time.Instant at = in.instant("at");
    String actor = in.nonBlank("actor");
    return in.build(() -> switch (type) {
      case "AnnouncementDrafted" -> new AnnouncementDrafted(id, seq, at, actor,
          readContent(in.object("content", CONTENT)), in.strings("reach"));
      case "AnnouncementRevised" -> new AnnouncementRevised(id, seq, at, actor,
          readContent(in.object("content", CONTENT)), in.strings("reach"), in.integer("revision"),
          in.string("whatChanged"), in.bool("windowExtended"));
      case "AnnouncementSubmitted" -> new AnnouncementSubmitted(id, seq, at, actor,
          ApprovalCodec.read(in.object("approval", ApprovalCodec.APPROVAL)), Values.duration(in, "leadTime"),
          in.strings("reasons"));
      case "AnnouncementApprovalDecided" -> new AnnouncementApprovalDecided(id, seq, at, actor,
          ApprovalCodec.read(in.object("approval", ApprovalCodec.APPROVAL)), in.enumValue("verdict", Verdict.class),
          in.text("comment"));
      case "AnnouncementPublished" -> new AnnouncementPublished(id, seq, at, actor);
      case "AnnouncementEnded" -> new AnnouncementEnded(id, seq, at, actor, in.text("note"));
      case "AnnouncementArchived" -> new AnnouncementArchived(id, seq, at, actor);
      case "AnnouncementCancelled" -> new AnnouncementCancelled(id, seq, at, actor, in.string("reason"));
      case "FeedbackGiven" -> new FeedbackGiven(id, seq, at, actor, readFeedback(in.object("feedback", FEEDBACK)));
      default -> new IncidentLinked(id, seq, at, actor, in.nonBlank("incidentId"));
    });
  }
}
