package io.itsm.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.itsm.core.event.Decider;
import io.itsm.core.incident.Assignment;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Channel;
import io.itsm.core.incident.Impact;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.IncidentType;
import io.itsm.core.incident.Link;
import io.itsm.core.incident.LinkType;
import io.itsm.core.incident.OnHoldReason;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.Resolution;
import io.itsm.core.incident.Status;
import io.itsm.core.incident.SupportLevel;
import io.itsm.core.incident.Ticket;
import io.itsm.core.incident.Urgency;
import java.util.ArrayList;
import java.util.List;

/** The JSON form of tickets, callers, incidents and their parts. Stateless. */
final class ModelCodec {

  private ModelCodec() {}

  static final List<String> TICKET =
      List.of(
          "id", "type", "title", "description", "channel", "caller", "affectedUsers", "service",
          "configurationItem", "impact", "urgency", "openedAt", "errorCodes", "stepsTried",
          "attachments", "tags", "attributes");

  static final List<String> CALLER =
      List.of("id", "name", "email", "department", "location", "language", "vip");

  static final List<String> INCIDENT =
      List.of(
          "formatVersion", "id", "externalId", "type", "title", "description", "channel", "caller",
          "affectedUsers", "service", "configurationItem", "errorCodes", "stepsTried",
          "attachments", "category", "subcategory", "impact", "urgency", "priority", "assignment",
          "status", "onHoldReason", "resolution", "approvalRequired", "approval", "openedAt",
          "updatedAt", "reopenCount", "reassignmentCount", "links", "tags", "attributes", "version");

  static final List<String> ASSIGNMENT = List.of("team", "assignee", "level");
  static final List<String> RESOLUTION =
      List.of("code", "steps", "resolvedBy", "resolvedAt", "firstContact");
  static final List<String> LINK = List.of("type", "targetId");
  static final List<String> DECIDER = List.of("kind", "name", "reason");

  // ---- tickets ----

  static ObjectNode writeTicket(Ticket t) {
    return new Out()
        .optString("id", t.id())
        .enumValue("type", t.type())
        .string("title", t.title())
        .text("description", t.description())
        .optEnum("channel", t.channel())
        .optValue("caller", t.caller().map(ModelCodec::writeCaller))
        .number("affectedUsers", t.affectedUsers())
        .optString("service", t.service())
        .optString("configurationItem", t.configurationItem())
        .optEnum("impact", t.impact())
        .optEnum("urgency", t.urgency())
        .optInstant("openedAt", t.openedAt())
        .strings("errorCodes", t.errorCodes())
        .strings("stepsTried", t.stepsTried())
        .strings("attachments", t.attachments())
        .sortedStrings("tags", t.tags())
        .stringMap("attributes", t.attributes())
        .node();
  }

  static Ticket readTicket(JsonNode node, String path, Document doc) {
    In in = In.object(node, path, doc, TICKET);
    Ticket.Builder b = Ticket.builder();
    in.optString("id").ifPresent(b::id);
    in.optEnum("type", IncidentType.class).ifPresent(b::type);
    b.title(in.nonBlank("title"));
    in.optString("description").ifPresent(b::description);
    in.optEnum("channel", Channel.class).ifPresent(b::channel);
    in.optObject("caller", CALLER).ifPresent(c -> b.caller(readCaller(c)));
    b.affectedUsers(in.optInt("affectedUsers", Ticket.DEFAULT_AFFECTED_USERS));
    in.optString("service").ifPresent(b::service);
    in.optString("configurationItem").ifPresent(b::configurationItem);
    in.optEnum("impact", Impact.class).ifPresent(b::impact);
    in.optEnum("urgency", Urgency.class).ifPresent(b::urgency);
    in.optInstant("openedAt").ifPresent(b::openedAt);
    b.errorCodes(in.strings("errorCodes"));
    b.stepsTried(in.strings("stepsTried"));
    b.attachments(in.strings("attachments"));
    b.tags(in.stringSet("tags"));
    b.attributes(in.stringMap("attributes"));
    return in.build(b::build);
  }

  static ObjectNode writeCaller(Caller c) {
    return new Out()
        .string("id", c.id())
        .optString("name", c.name())
        .optString("email", c.email())
        .optString("department", c.department())
        .optString("location", c.location())
        .optString("language", c.language())
        .bool("vip", c.vip())
        .node();
  }

  static Caller readCaller(In in) {
    String id = in.nonBlank("id");
    return in.build(
        () ->
            new Caller(
                id,
                in.optString("name"),
                in.optString("email"),
                in.optString("department"),
                in.optString("location"),
                in.optString("language"),
                in.optBool("vip", false)));
  }

  // ---- incidents ----

  static ObjectNode writeIncident(Incident i, boolean withVersion) {
    Out out = new Out();
    if (withVersion) {
      out.number("formatVersion", ItsmJson.FORMAT_VERSION);
    }
    return out.string("id", i.id())
        .optString("externalId", i.externalId())
        .enumValue("type", i.type())
        .string("title", i.title())
        .text("description", i.description())
        .optEnum("channel", i.channel())
        .optValue("caller", i.caller().map(ModelCodec::writeCaller))
        .number("affectedUsers", i.affectedUsers())
        .optString("service", i.service())
        .optString("configurationItem", i.configurationItem())
        .strings("errorCodes", i.errorCodes())
        .strings("stepsTried", i.stepsTried())
        .strings("attachments", i.attachments())
        .optString("category", i.category())
        .optString("subcategory", i.subcategory())
        .optEnum("impact", i.impact())
        .optEnum("urgency", i.urgency())
        .optEnum("priority", i.priority())
        .optValue("assignment", i.assignment().map(ModelCodec::writeAssignment))
        .enumValue("status", i.status())
        .optEnum("onHoldReason", i.onHoldReason())
        .optValue("resolution", i.resolution().map(ModelCodec::writeResolution))
        .bool("approvalRequired", i.approvalRequired())
        .optValue("approval", i.approval().map(ApprovalCodec::write))
        .instant("openedAt", i.openedAt())
        .instant("updatedAt", i.updatedAt())
        .number("reopenCount", i.reopenCount())
        .optNumber("reassignmentCount", i.reassignmentCount())
        .array("links", i.links().stream().map(ModelCodec::writeLink).toList())
        .sortedStrings("tags", i.tags())
        .stringMap("attributes", i.attributes())
        .number("version", i.version())
        .node();
  }

  static Incident readIncident(JsonNode node, String path, Document doc) {
    In in = In.object(node, path, doc, INCIDENT);
    checkFormatVersion(in);
    Incident.Builder b = Incident.builder();
    b.id(in.nonBlank("id"));
    in.optString("externalId").ifPresent(b::externalId);
    b.type(in.enumValue("type", IncidentType.class));
    b.title(in.nonBlank("title"));
    b.description(in.text("description"));
    in.optEnum("channel", Channel.class).ifPresent(b::channel);
    in.optObject("caller", CALLER).ifPresent(c -> b.caller(readCaller(c)));
    b.affectedUsers(in.optInt("affectedUsers", Ticket.DEFAULT_AFFECTED_USERS));
    in.optString("service").ifPresent(b::service);
    in.optString("configurationItem").ifPresent(b::configurationItem);
    b.errorCodes(in.strings("errorCodes"));
    b.stepsTried(in.strings("stepsTried"));
    b.attachments(in.strings("attachments"));
    in.optString("category").ifPresent(b::category);
    in.optString("subcategory").ifPresent(b::subcategory);
    in.optEnum("impact", Impact.class).ifPresent(b::impact);
    in.optEnum("urgency", Urgency.class).ifPresent(b::urgency);
    in.optEnum("priority", Priority.class).ifPresent(b::priority);
    in.optObject("assignment", ASSIGNMENT).ifPresent(a -> b.assignment(readAssignment(a)));
    b.status(in.enumValue("status", Status.class));
    in.optEnum("onHoldReason", OnHoldReason.class).ifPresent(b::onHoldReason);
    in.optObject("resolution", RESOLUTION).ifPresent(r -> b.resolution(readResolution(r)));
    b.approvalRequired(in.optBool("approvalRequired", false));
    in.optObject("approval", ApprovalCodec.APPROVAL)
        .ifPresent(a -> b.approval(ApprovalCodec.read(a)));
    b.openedAt(in.instant("openedAt"));
    in.optInstant("updatedAt").ifPresent(b::updatedAt);
    b.reopenCount(in.optInt("reopenCount", 0));
    b.reassignmentCount(in.optInt("reassignmentCount", 0));
    List<Link> links = new ArrayList<>();
    List<JsonNode> linkNodes = in.array("links", false);
    for (int k = 0; k < linkNodes.size(); k++) {
      links.add(
          readLink(In.object(linkNodes.get(k), Document.index(in.childPath("links"), k), doc, LINK)));
    }
    b.links(links);
    b.tags(in.stringSet("tags"));
    b.attributes(in.stringMap("attributes"));
    b.version(in.optLong("version", 0));
    return in.build(b::build);
  }

  /** Accepts an absent {@code formatVersion} (meaning 1) or exactly {@value ItsmJson#FORMAT_VERSION}. */
  static void checkFormatVersion(In in) {
    if (in.has("formatVersion")) {
      long v = in.longValue("formatVersion");
      if (v != ItsmJson.FORMAT_VERSION) {
        throw in.failAt(
            "formatVersion",
            "this reader understands format version "
                + ItsmJson.FORMAT_VERSION
                + ", but the document has "
                + v);
      }
    }
  }

  // ---- parts ----

  static ObjectNode writeAssignment(Assignment a) {
    return new Out()
        .string("team", a.team())
        .optString("assignee", a.assignee())
        .enumValue("level", a.level())
        .node();
  }

  static Assignment readAssignment(In in) {
    String team = in.nonBlank("team");
    return in.build(
        () -> new Assignment(team, in.optString("assignee"), in.enumValue("level", SupportLevel.class)));
  }

  static ObjectNode writeResolution(Resolution r) {
    Out out = new Out()
        .string("code", r.code())
        .string("steps", r.steps())
        .string("resolvedBy", r.resolvedBy())
        .instant("resolvedAt", r.resolvedAt());
    if (r.firstContact()) {
      out.bool("firstContact", true);
    }
    return out.node();
  }

  static Resolution readResolution(In in) {
    return in.build(
        () ->
            new Resolution(
                in.nonBlank("code"),
                in.nonBlank("steps"),
                in.string("resolvedBy"),
                in.instant("resolvedAt"),
                in.optBool("firstContact", false)));
  }

  static ObjectNode writeLink(Link l) {
    return new Out().enumValue("type", l.type()).string("targetId", l.targetId()).node();
  }

  static Link readLink(In in) {
    return in.build(() -> new Link(in.enumValue("type", LinkType.class), in.nonBlank("targetId")));
  }

  static ObjectNode writeDecider(Decider d) {
    return new Out()
        .enumValue("kind", d.kind())
        .string("name", d.name())
        .text("reason", d.reason())
        .node();
  }

  static Decider readDecider(In in) {
    return in.build(
        () ->
            new Decider(
                in.enumValue("kind", Decider.Kind.class), in.nonBlank("name"), in.text("reason")));
  }
}
