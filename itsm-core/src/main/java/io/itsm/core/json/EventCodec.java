package io.itsm.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.itsm.core.access.Role;
import io.itsm.core.approval.Verdict;
import io.itsm.core.event.ApprovalDecided;
import io.itsm.core.event.ApprovalExpired;
import io.itsm.core.event.ApprovalRequested;
import io.itsm.core.event.ApprovalRequirementDecided;
import io.itsm.core.event.Assigned;
import io.itsm.core.event.Cancelled;
import io.itsm.core.event.Categorized;
import io.itsm.core.event.CloseReason;
import io.itsm.core.event.Closed;
import io.itsm.core.event.CommentAdded;
import io.itsm.core.event.Escalated;
import io.itsm.core.event.EscalationKind;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.event.IncidentLogged;
import io.itsm.core.event.Linked;
import io.itsm.core.event.Prioritized;
import io.itsm.core.event.PutOnHold;
import io.itsm.core.event.Reopened;
import io.itsm.core.event.ResolutionProposed;
import io.itsm.core.event.Resolved;
import io.itsm.core.event.Resumed;
import io.itsm.core.event.SlaBreached;
import io.itsm.core.event.SlaKind;
import io.itsm.core.event.SlaThresholdReached;
import io.itsm.core.event.StatusChanged;
import io.itsm.core.event.Tagged;
import io.itsm.core.event.Visibility;
import io.itsm.core.incident.Impact;
import io.itsm.core.incident.OnHoldReason;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.Status;
import io.itsm.core.incident.Urgency;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of incident events: {@code {"type": "<record's simple name>", "incidentId",
 * "sequence", "at", "actor", ...the record's other components in declaration order}}. Stateless.
 */
final class EventCodec {

  private EventCodec() {}

  private static final List<String> HEADER = List.of("type", "incidentId", "sequence", "at", "actor");

  /** The common components, read before the type's own. */
  private record Header(String incidentId, long sequence, Instant at, String actor) {}

  /** Reads the type's own components. */
  @FunctionalInterface
  private interface Reader {
    IncidentEvent read(Header h, In in);
  }

  private record Kind(List<String> known, Reader reader) {}

  /** Event types by name, in the order of {@link IncidentEvent}'s {@code permits} clause. */
  private static final Map<String, Kind> KINDS = new LinkedHashMap<>();

  private static void kind(Class<? extends IncidentEvent> type, List<String> own, Reader reader) {
    List<String> known = new ArrayList<>(HEADER);
    known.addAll(own);
    KINDS.put(type.getSimpleName(), new Kind(List.copyOf(known), reader));
  }

  static {
    kind(
        IncidentLogged.class,
        List.of("ticket", "openedAt", "selfReported", "verifiedCaller"),
        (h, in) ->
            new IncidentLogged(
                h.incidentId, h.sequence, h.at, h.actor,
                ModelCodec.readTicket(in.require("ticket"), in.childPath("ticket"), in.doc()),
                in.instant("openedAt"), in.optBool("selfReported", false),
                in.optObject("verifiedCaller", ModelCodec.CALLER).map(ModelCodec::readCaller)));
    kind(
        Categorized.class,
        List.of("category", "subcategory", "decidedBy"),
        (h, in) ->
            new Categorized(
                h.incidentId, h.sequence, h.at, h.actor, in.nonBlank("category"),
                in.optString("subcategory"), decider(in)));
    kind(
        Prioritized.class,
        List.of("impact", "urgency", "priority", "decidedBy"),
        (h, in) ->
            new Prioritized(
                h.incidentId, h.sequence, h.at, h.actor, in.enumValue("impact", Impact.class),
                in.enumValue("urgency", Urgency.class), in.enumValue("priority", Priority.class),
                decider(in)));
    kind(
        Assigned.class,
        List.of("assignment", "status", "decidedBy"),
        (h, in) ->
            new Assigned(
                h.incidentId, h.sequence, h.at, h.actor,
                ModelCodec.readAssignment(in.object("assignment", ModelCodec.ASSIGNMENT)),
                in.enumValue("status", Status.class), decider(in)));
    kind(
        ApprovalRequirementDecided.class,
        List.of("required", "decidedBy"),
        (h, in) ->
            new ApprovalRequirementDecided(
                h.incidentId, h.sequence, h.at, h.actor, in.bool("required"), decider(in)));
    kind(
        Tagged.class,
        List.of("tags", "decidedBy"),
        (h, in) ->
            new Tagged(h.incidentId, h.sequence, h.at, h.actor, in.stringSet("tags"), decider(in)));
    kind(
        StatusChanged.class,
        List.of("from", "to", "reason"),
        (h, in) ->
            new StatusChanged(
                h.incidentId, h.sequence, h.at, h.actor, in.enumValue("from", Status.class),
                in.enumValue("to", Status.class), in.text("reason")));
    kind(
        PutOnHold.class,
        List.of("reason", "note"),
        (h, in) ->
            new PutOnHold(
                h.incidentId, h.sequence, h.at, h.actor, in.enumValue("reason", OnHoldReason.class),
                in.text("note")));
    kind(
        Resumed.class,
        List.of("note"),
        (h, in) -> new Resumed(h.incidentId, h.sequence, h.at, h.actor, in.text("note")));
    kind(
        CommentAdded.class,
        List.of("text", "visibility"),
        (h, in) ->
            new CommentAdded(
                h.incidentId, h.sequence, h.at, h.actor, in.string("text"),
                in.enumValue("visibility", Visibility.class)));
    kind(
        ResolutionProposed.class,
        List.of("resolution"),
        (h, in) ->
            new ResolutionProposed(
                h.incidentId, h.sequence, h.at, h.actor,
                ModelCodec.readResolution(in.object("resolution", ModelCodec.RESOLUTION))));
    kind(
        ApprovalRequested.class,
        List.of("approval"),
        (h, in) ->
            new ApprovalRequested(h.incidentId, h.sequence, h.at, h.actor, approval(in)));
    kind(
        ApprovalDecided.class,
        List.of("approval", "verdict", "comment"),
        (h, in) ->
            new ApprovalDecided(
                h.incidentId, h.sequence, h.at, h.actor, approval(in),
                in.enumValue("verdict", Verdict.class), in.text("comment")));
    kind(
        ApprovalExpired.class,
        List.of("approval"),
        (h, in) -> new ApprovalExpired(h.incidentId, h.sequence, h.at, h.actor, approval(in)));
    kind(
        Resolved.class,
        List.of("resolution"),
        (h, in) ->
            new Resolved(
                h.incidentId, h.sequence, h.at, h.actor,
                ModelCodec.readResolution(in.object("resolution", ModelCodec.RESOLUTION))));
    kind(
        Reopened.class,
        List.of("reason", "reopenCount", "onBehalfOfCaller", "fromClosed"),
        (h, in) ->
            new Reopened(
                h.incidentId, h.sequence, h.at, h.actor, in.text("reason"),
                in.integer("reopenCount"), in.optBool("onBehalfOfCaller", false),
                in.optBool("fromClosed", false)));
    kind(
        Closed.class,
        List.of("closeReason", "note", "closeCode"),
        (h, in) ->
            new Closed(
                h.incidentId, h.sequence, h.at, h.actor,
                in.enumValue("closeReason", CloseReason.class), in.text("note"),
                in.optString("closeCode")));
    kind(
        Cancelled.class,
        List.of("reason"),
        (h, in) -> new Cancelled(h.incidentId, h.sequence, h.at, h.actor, in.text("reason")));
    kind(
        Escalated.class,
        List.of("kind", "assignment", "notified", "reason", "decidedBy"),
        (h, in) ->
            new Escalated(
                h.incidentId, h.sequence, h.at, h.actor, in.enumValue("kind", EscalationKind.class),
                in.optObject("assignment", ModelCodec.ASSIGNMENT).map(ModelCodec::readAssignment),
                in.optEnum("notified", Role.class), in.text("reason"), decider(in)));
    kind(
        Linked.class,
        List.of("link"),
        (h, in) ->
            new Linked(
                h.incidentId, h.sequence, h.at, h.actor,
                ModelCodec.readLink(in.object("link", ModelCodec.LINK))));
    kind(
        SlaThresholdReached.class,
        List.of("kind", "percent", "dueAt"),
        (h, in) ->
            new SlaThresholdReached(
                h.incidentId, h.sequence, h.at, h.actor, in.enumValue("kind", SlaKind.class),
                in.integer("percent"), in.instant("dueAt")));
    kind(
        SlaBreached.class,
        List.of("kind", "dueAt"),
        (h, in) ->
            new SlaBreached(
                h.incidentId, h.sequence, h.at, h.actor, in.enumValue("kind", SlaKind.class),
                in.instant("dueAt")));
  }

  private static io.itsm.core.event.Decider decider(In in) {
    return ModelCodec.readDecider(in.object("decidedBy", ModelCodec.DECIDER));
  }

  private static io.itsm.core.approval.Approval approval(In in) {
    return ApprovalCodec.read(in.object("approval", ApprovalCodec.APPROVAL));
  }

  /** The type names, for documentation and messages. */
  static List<String> typeNames() {
    return List.copyOf(KINDS.keySet());
  }

  static IncidentEvent read(JsonNode node, String path, Document doc) {
    if (!(node instanceof ObjectNode)) {
      throw In.fail(doc, path, "expected an object, but was " + In.describe(node));
    }
    JsonNode typeNode = node.get("type");
    String typePath = Document.child(path, "type");
    if (typeNode == null || typeNode.isNull()) {
      long[] pos = doc.positionOf(path);
      throw new JsonFormatException(
          typePath,
          Document.display(typePath)
              + ": required, but missing; an event's type is one of "
              + String.join(", ", KINDS.keySet()),
          pos[0],
          pos[1],
          null);
    }
    Kind kind = typeNode.isTextual() ? KINDS.get(typeNode.textValue()) : null;
    if (kind == null) {
      throw In.fail(
          doc,
          typePath,
          (typeNode.isTextual() ? "'" + typeNode.textValue() + "'" : In.describe(typeNode))
              + " is not one of "
              + String.join(", ", KINDS.keySet()));
    }
    In in = In.object(node, path, doc, kind.known());
    Header h =
        new Header(in.nonBlank("incidentId"), in.longValue("sequence"), in.instant("at"), in.string("actor"));
    return in.build(() -> kind.reader().read(h, in));
  }

  static ObjectNode write(IncidentEvent e) {
    Out out =
        new Out()
            .string("type", e.getClass().getSimpleName())
            .string("incidentId", e.incidentId())
            .number("sequence", e.sequence())
            .instant("at", e.at())
            .string("actor", e.actor());
    if (e instanceof IncidentLogged x) {
      out.value("ticket", ModelCodec.writeTicket(x.ticket())).instant("openedAt", x.openedAt());
      if (x.selfReported()) {
        out.bool("selfReported", true);
      }
      out.optValue("verifiedCaller", x.verifiedCaller().map(ModelCodec::writeCaller));
    } else if (e instanceof Categorized x) {
      out.string("category", x.category())
          .optString("subcategory", x.subcategory())
          .value("decidedBy", ModelCodec.writeDecider(x.decidedBy()));
    } else if (e instanceof Prioritized x) {
      out.enumValue("impact", x.impact())
          .enumValue("urgency", x.urgency())
          .enumValue("priority", x.priority())
          .value("decidedBy", ModelCodec.writeDecider(x.decidedBy()));
    } else if (e instanceof Assigned x) {
      out.value("assignment", ModelCodec.writeAssignment(x.assignment()))
          .enumValue("status", x.status())
          .value("decidedBy", ModelCodec.writeDecider(x.decidedBy()));
    } else if (e instanceof ApprovalRequirementDecided x) {
      out.bool("required", x.required()).value("decidedBy", ModelCodec.writeDecider(x.decidedBy()));
    } else if (e instanceof Tagged x) {
      out.sortedStrings("tags", x.tags()).value("decidedBy", ModelCodec.writeDecider(x.decidedBy()));
    } else if (e instanceof StatusChanged x) {
      out.enumValue("from", x.from()).enumValue("to", x.to()).string("reason", x.reason());
    } else if (e instanceof PutOnHold x) {
      out.enumValue("reason", x.reason()).string("note", x.note());
    } else if (e instanceof Resumed x) {
      out.string("note", x.note());
    } else if (e instanceof CommentAdded x) {
      out.string("text", x.text()).enumValue("visibility", x.visibility());
    } else if (e instanceof ResolutionProposed x) {
      out.value("resolution", ModelCodec.writeResolution(x.resolution()));
    } else if (e instanceof ApprovalRequested x) {
      out.value("approval", ApprovalCodec.write(x.approval()));
    } else if (e instanceof ApprovalDecided x) {
      out.value("approval", ApprovalCodec.write(x.approval()))
          .enumValue("verdict", x.verdict())
          .string("comment", x.comment());
    } else if (e instanceof ApprovalExpired x) {
      out.value("approval", ApprovalCodec.write(x.approval()));
    } else if (e instanceof Resolved x) {
      out.value("resolution", ModelCodec.writeResolution(x.resolution()));
    } else if (e instanceof Reopened x) {
      out.string("reason", x.reason())
          .number("reopenCount", x.reopenCount())
          .bool("onBehalfOfCaller", x.onBehalfOfCaller());
      if (x.fromClosed()) {
        out.bool("fromClosed", true);
      }
    } else if (e instanceof Closed x) {
      out.enumValue("closeReason", x.closeReason()).string("note", x.note())
          .optString("closeCode", x.closeCode());
    } else if (e instanceof Cancelled x) {
      out.string("reason", x.reason());
    } else if (e instanceof Escalated x) {
      out.enumValue("kind", x.kind())
          .optValue("assignment", x.assignment().map(ModelCodec::writeAssignment))
          .optEnum("notified", x.notified())
          .string("reason", x.reason())
          .value("decidedBy", ModelCodec.writeDecider(x.decidedBy()));
    } else if (e instanceof SlaThresholdReached x) {
      out.enumValue("kind", x.kind()).number("percent", x.percent()).instant("dueAt", x.dueAt());
    } else if (e instanceof SlaBreached x) {
      out.enumValue("kind", x.kind()).instant("dueAt", x.dueAt());
    } else if (e instanceof Linked x) {
      out.value("link", ModelCodec.writeLink(x.link()));
    } else {
      throw new IllegalStateException("unhandled event type " + e.getClass().getName());
    }
    return out.node();
  }
}
