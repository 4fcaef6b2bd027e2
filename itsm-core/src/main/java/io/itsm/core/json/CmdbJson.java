package io.itsm.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.itsm.core.cmdb.AffectedCi;
import io.itsm.core.cmdb.AttributeChange;
import io.itsm.core.cmdb.ChangeApprovalDecided;
import io.itsm.core.cmdb.ChangeCancelled;
import io.itsm.core.cmdb.ChangeEvent;
import io.itsm.core.cmdb.ChangeFailed;
import io.itsm.core.cmdb.ChangeImplemented;
import io.itsm.core.cmdb.ChangePlan;
import io.itsm.core.cmdb.ChangeRequest;
import io.itsm.core.cmdb.ChangeRequested;
import io.itsm.core.cmdb.ChangeStarted;
import io.itsm.core.cmdb.ChangeStatus;
import io.itsm.core.cmdb.ChangeVerified;
import io.itsm.core.cmdb.CiDefinition;
import io.itsm.core.cmdb.CiEvent;
import io.itsm.core.cmdb.CiRegistered;
import io.itsm.core.cmdb.CiRetired;
import io.itsm.core.cmdb.CiStatus;
import io.itsm.core.cmdb.CiType;
import io.itsm.core.cmdb.CiUpdate;
import io.itsm.core.cmdb.CiUpdateSet;
import io.itsm.core.cmdb.CiUpdated;
import io.itsm.core.cmdb.CmdbExport;
import io.itsm.core.cmdb.ConfigurationItem;
import io.itsm.core.cmdb.Criticality;
import io.itsm.core.cmdb.ImpactAnalysis;
import io.itsm.core.cmdb.ImpactAssessment;
import io.itsm.core.cmdb.Relation;
import io.itsm.core.cmdb.RelationAdded;
import io.itsm.core.cmdb.RelationRemoved;
import io.itsm.core.cmdb.RelationType;
import io.itsm.core.cmdb.Risk;
import io.itsm.core.approval.Verdict;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The JSON form of the CMDB: configuration items, their events, a CMDB backup, impact analyses,
 * change requests and their events, in the format of {@code docs/cmdb.md}. Obtained from {@link
 * ItsmJson#cmdb()}; reads as strictly as {@link ItsmJson} (unknown properties, wrong types and
 * values the model rejects are {@link JsonFormatException}s naming the path).
 *
 * <p>Immutable and thread-safe.
 */
public final class CmdbJson {

  static final List<String> DEFINITION = List.of("id", "type", "name", "ownerTeam", "supportTeam",
      "criticality", "location", "attributes");
  static final List<String> ITEM = concat(DEFINITION, List.of("relations", "status", "registeredAt",
      "updatedAt", "version"));
  static final List<String> RELATION = List.of("from", "type", "to");
  static final List<String> CHANGE = List.of("field", "before", "after");
  static final List<String> UPDATE = List.of("field", "value");
  static final List<String> UPDATE_SET = List.of("ciId", "updates");
  static final List<String> EXPORT = List.of("formatVersion", "exportedAt", "items");
  static final List<String> EXPORT_ITEM = List.of("id", "events");
  static final List<String> IMPACT = List.of("failed", "affected", "services", "highestCriticality",
      "affectedUsers");
  static final List<String> AFFECTED = List.of("id", "name", "type", "criticality", "distance", "via");
  static final List<String> PLAN = List.of("title", "description", "affectedCis", "updates", "risk",
      "plannedStart", "plannedEnd", "preventiveActionId");
  static final List<String> ASSESSMENT = List.of("services", "highestCriticality", "affectedItems",
      "affectedUsers", "risk");
  static final List<String> CHANGE_REQUEST = List.of("id", "plan", "assessment", "risk", "status",
      "approval", "requestedBy", "requestedAt", "updatedAt", "implementer", "outcome", "version");

  private final ItsmJson json;

  CmdbJson(ItsmJson json) {
    this.json = json;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }

  // ---------------------------------------------------------------- items

  /**
   * Writes a configuration item's definition.
   *
   * @param d the definition
   * @return the JSON text
   */
  public String writeDefinition(CiDefinition d) {
    return json.write(definition(new Out(), Objects.requireNonNull(d, "definition")).node());
  }

  /**
   * Reads a configuration item's definition (what {@code Cmdb.register} takes).
   *
   * @param text the JSON text
   * @return the definition
   * @throws JsonFormatException if the text is not a valid definition
   */
  public CiDefinition readDefinition(String text) {
    Document doc = json.parse(text);
    return readDefinition(In.object(doc.root(), "$", doc, DEFINITION));
  }

  /**
   * Writes a stored configuration item: its definition's fields, relations, status, times, version.
   *
   * @param ci the item
   * @return the JSON text
   */
  public String writeItem(ConfigurationItem ci) {
    return json.write(item(Objects.requireNonNull(ci, "ci")));
  }

  /**
   * Reads a stored configuration item.
   *
   * @param text the JSON text
   * @return the item
   * @throws JsonFormatException if the text is not a valid item
   */
  public ConfigurationItem readItem(String text) {
    Document doc = json.parse(text);
    return readItem(In.object(doc.root(), "$", doc, ITEM));
  }

  static Out definition(Out out, CiDefinition d) {
    return out.string("id", d.id()).enumValue("type", d.type()).string("name", d.name())
        .optString("ownerTeam", d.ownerTeam()).optString("supportTeam", d.supportTeam())
        .enumValue("criticality", d.criticality()).optString("location", d.location())
        .stringMap("attributes", d.attributes());
  }

  static CiDefinition readDefinition(In in) {
    return in.build(() -> new CiDefinition(in.nonBlank("id"), in.enumValue("type", CiType.class),
        in.nonBlank("name"), Values.optNonBlank(in, "ownerTeam"), Values.optNonBlank(in, "supportTeam"),
        in.enumValue("criticality", Criticality.class), Values.optNonBlank(in, "location"),
        in.stringMap("attributes")));
  }

  static ObjectNode item(ConfigurationItem ci) {
    return definition(new Out(), ci.definition())
        .array("relations", ci.relations().stream().map(CmdbJson::relation).toList())
        .enumValue("status", ci.status()).instant("registeredAt", ci.registeredAt())
        .instant("updatedAt", ci.updatedAt()).number("version", ci.version()).node();
  }

  static ConfigurationItem readItem(In in) {
    CiDefinition d = readDefinition(in);
    List<Relation> relations = Values.objects(in, "relations", false, RELATION, CmdbJson::readRelation);
    return in.build(() -> new ConfigurationItem(d, relations, in.enumValue("status", CiStatus.class),
        in.instant("registeredAt"), in.instant("updatedAt"), in.longValue("version")));
  }

  static ObjectNode relation(Relation r) {
    return new Out().string("from", r.from()).enumValue("type", r.type()).string("to", r.to()).node();
  }

  static Relation readRelation(In in) {
    return in.build(() -> new Relation(in.nonBlank("from"), in.enumValue("type", RelationType.class),
        in.nonBlank("to")));
  }

  // ---------------------------------------------------------------- events

  private static final List<String> CI_HEADER = List.of("type", "ciId", "sequence", "at", "actor");
  private static final Map<String, List<String>> CI_KINDS = new LinkedHashMap<>();

  static {
    CI_KINDS.put("CiRegistered", concat(CI_HEADER, List.of("definition")));
    CI_KINDS.put("CiUpdated", concat(CI_HEADER, List.of("changes", "changeRequestId")));
    CI_KINDS.put("CiRetired", concat(CI_HEADER, List.of("reason")));
    CI_KINDS.put("RelationAdded", concat(CI_HEADER, List.of("relation")));
    CI_KINDS.put("RelationRemoved", concat(CI_HEADER, List.of("relation")));
  }

  /**
   * Writes a configuration item event, its {@code "type"} first.
   *
   * @param e the event
   * @return the JSON text
   */
  public String writeEvent(CiEvent e) {
    return json.write(event(Objects.requireNonNull(e, "event")));
  }

  /**
   * Reads a configuration item event.
   *
   * @param text the JSON text
   * @return the event
   * @throws JsonFormatException if the text is not a valid event
   */
  public CiEvent readEvent(String text) {
    Document doc = json.parse(text);
    return readEvent(doc.root(), "$", doc);
  }

  static ObjectNode event(CiEvent e) {
    Out out = new Out().string("type", e.type()).string("ciId", e.ciId()).number("sequence", e.sequence())
        .instant("at", e.at()).string("actor", e.actor());
    if (e instanceof CiRegistered x) {
      out.value("definition", definition(new Out(), x.definition()).node());
    } else if (e instanceof CiUpdated x) {
      out.array("changes", x.changes().stream().map(c -> new Out().string("field", c.field())
          .optString("before", c.before()).optString("after", c.after()).node()).toList())
          .optString("changeRequestId", x.changeRequestId());
    } else if (e instanceof CiRetired x) {
      out.string("reason", x.reason());
    } else if (e instanceof RelationAdded x) {
      out.value("relation", relation(x.relation()));
    } else {
      out.value("relation", relation(((RelationRemoved) e).relation()));
    }
    return out.node();
  }

  static CiEvent readEvent(JsonNode node, String path, Document doc) {
    String type = type(node, path, doc, CI_KINDS.keySet());
    In in = In.object(node, path, doc, CI_KINDS.get(type));
    String id = in.nonBlank("ciId");
    long seq = in.longValue("sequence");
    java.time.Instant at = in.instant("at");
    String actor = in.nonBlank("actor");
    return in.build(() -> switch (type) {
      case "CiRegistered" -> new CiRegistered(id, seq, at, actor,
          readDefinition(in.object("definition", DEFINITION)));
      case "CiUpdated" -> new CiUpdated(id, seq, at, actor, Values.objects(in, "changes", true, CHANGE,
          c -> c.build(() -> new AttributeChange(c.nonBlank("field"), c.optString("before"), c.optString("after")))),
          in.optString("changeRequestId"));
      case "CiRetired" -> new CiRetired(id, seq, at, actor, in.text("reason"));
      case "RelationAdded" -> new RelationAdded(id, seq, at, actor, readRelation(in.object("relation", RELATION)));
      default -> new RelationRemoved(id, seq, at, actor, readRelation(in.object("relation", RELATION)));
    });
  }

  /** The {@code "type"} of an event object, checked against the known types. */
  static String type(JsonNode node, String path, Document doc, java.util.Set<String> known) {
    if (!(node instanceof ObjectNode)) {
      throw In.fail(doc, path, "expected an event object, but was " + In.describe(node));
    }
    JsonNode t = node.get("type");
    if (t == null || !t.isTextual() || !known.contains(t.textValue())) {
      throw In.fail(doc, Document.child(path, "type"), (t == null ? "required, but missing"
          : "'" + (t.isTextual() ? t.textValue() : t.toString()) + "' is not an event type")
          + "; event types: " + String.join(", ", known));
    }
    return t.textValue();
  }

  // ---------------------------------------------------------------- backup

  /**
   * Writes a CMDB backup: {@code {"formatVersion": 1, "exportedAt": ..., "items": [{"id": ...,
   * "events": [...]}, ...]}}.
   *
   * @param backup the backup
   * @return the JSON text
   */
  public String writeExport(CmdbExport backup) {
    Objects.requireNonNull(backup, "backup");
    List<ObjectNode> items = new ArrayList<>();
    backup.histories().forEach((id, events) -> items.add(new Out().string("id", id)
        .array("events", events.stream().map(CmdbJson::event).toList()).node()));
    return json.write(new Out().number("formatVersion", ItsmJson.FORMAT_VERSION)
        .instant("exportedAt", backup.exportedAt()).array("items", items).node());
  }

  /**
   * Reads a CMDB backup.
   *
   * @param text the JSON text
   * @return the backup
   * @throws JsonFormatException if the text is not a valid backup
   */
  public CmdbExport readExport(String text) {
    return readExport(json.parse(text));
  }

  /**
   * Reads a CMDB backup from a character stream. Does not close it.
   *
   * @param text the JSON text
   * @return the backup
   * @throws JsonFormatException if the text is not a valid backup
   */
  public CmdbExport readExport(Reader text) {
    return readExport(json.parse(text));
  }

  private static CmdbExport readExport(Document doc) {
    In in = In.object(doc.root(), "$", doc, EXPORT);
    ModelCodec.checkFormatVersion(in);
    Map<String, List<CiEvent>> histories = new LinkedHashMap<>();
    List<JsonNode> items = in.array("items", false);
    for (int i = 0; i < items.size(); i++) {
      String at = Document.index(in.childPath("items"), i);
      In item = In.object(items.get(i), at, doc, EXPORT_ITEM);
      List<JsonNode> events = item.array("events", true);
      List<CiEvent> history = new ArrayList<>();
      for (int j = 0; j < events.size(); j++) {
        history.add(readEvent(events.get(j), Document.index(item.childPath("events"), j), doc));
      }
      String id = item.nonBlank("id");
      if (histories.put(id, history) != null) {
        throw item.failAt("id", "item " + id + " appears twice in the backup");
      }
    }
    return in.build(() -> new CmdbExport(in.instant("exportedAt"), histories));
  }

  // ---------------------------------------------------------------- impact

  /**
   * Writes an impact analysis.
   *
   * @param a the analysis
   * @return the JSON text
   */
  public String writeImpact(ImpactAnalysis a) {
    Objects.requireNonNull(a, "analysis");
    return json.write(new Out().value("failed", item(a.failed()))
        .array("affected", a.affected().stream().map(x -> new Out().string("id", x.id())
            .string("name", x.name()).enumValue("type", x.type()).enumValue("criticality", x.criticality())
            .number("distance", x.distance()).string("via", x.via()).node()).toList())
        .strings("services", a.services()).enumValue("highestCriticality", a.highestCriticality())
        .number("affectedUsers", a.affectedUsers()).node());
  }

  /**
   * Reads an impact analysis.
   *
   * @param text the JSON text
   * @return the analysis
   * @throws JsonFormatException if the text is not a valid analysis
   */
  public ImpactAnalysis readImpact(String text) {
    Document doc = json.parse(text);
    In in = In.object(doc.root(), "$", doc, IMPACT);
    ConfigurationItem failed = readItem(in.object("failed", ITEM));
    List<AffectedCi> affected = Values.objects(in, "affected", false, AFFECTED, x -> x.build(() ->
        new AffectedCi(x.nonBlank("id"), x.nonBlank("name"), x.enumValue("type", CiType.class),
            x.enumValue("criticality", Criticality.class), x.integer("distance"), x.nonBlank("via"))));
    return in.build(() -> new ImpactAnalysis(failed, affected, in.strings("services"),
        in.enumValue("highestCriticality", Criticality.class), in.integer("affectedUsers")));
  }

  // ---------------------------------------------------------------- change requests

  /**
   * Writes a change plan (what {@code ChangeRequests.request} takes).
   *
   * @param p the plan
   * @return the JSON text
   */
  public String writePlan(ChangePlan p) {
    return json.write(plan(Objects.requireNonNull(p, "plan")));
  }

  /**
   * Reads a change plan.
   *
   * @param text the JSON text
   * @return the plan
   * @throws JsonFormatException if the text is not a valid plan
   */
  public ChangePlan readPlan(String text) {
    Document doc = json.parse(text);
    return readPlan(In.object(doc.root(), "$", doc, PLAN));
  }

  /**
   * Writes a change request.
   *
   * @param c the change
   * @return the JSON text
   */
  public String writeChange(ChangeRequest c) {
    return json.write(change(Objects.requireNonNull(c, "change")));
  }

  /**
   * Reads a change request.
   *
   * @param text the JSON text
   * @return the change
   * @throws JsonFormatException if the text is not a valid change request
   */
  public ChangeRequest readChange(String text) {
    Document doc = json.parse(text);
    In in = In.object(doc.root(), "$", doc, CHANGE_REQUEST);
    ChangePlan plan = readPlan(in.object("plan", PLAN));
    ImpactAssessment assessment = readAssessment(in.object("assessment", ASSESSMENT));
    var approval = ApprovalCodec.read(in.object("approval", ApprovalCodec.APPROVAL));
    return in.build(() -> new ChangeRequest(in.nonBlank("id"), plan, assessment,
        in.enumValue("risk", Risk.class), in.enumValue("status", ChangeStatus.class), approval,
        in.nonBlank("requestedBy"), in.instant("requestedAt"), in.instant("updatedAt"),
        in.optString("implementer"), in.optString("outcome"), in.longValue("version")));
  }

  static ObjectNode plan(ChangePlan p) {
    return new Out().string("title", p.title()).text("description", p.description())
        .strings("affectedCis", p.affectedCis())
        .array("updates", p.updates().stream().map(s -> new Out().string("ciId", s.ciId())
            .array("updates", s.updates().stream().map(u -> new Out().string("field", u.field())
                .optString("value", u.value()).node()).toList()).node()).toList())
        .enumValue("risk", p.risk()).optInstant("plannedStart", p.plannedStart())
        .optInstant("plannedEnd", p.plannedEnd()).optString("preventiveActionId", p.preventiveActionId())
        .node();
  }

  static ChangePlan readPlan(In in) {
    List<CiUpdateSet> updates = Values.objects(in, "updates", false, UPDATE_SET, s -> {
      List<CiUpdate> u = Values.objects(s, "updates", true, UPDATE,
          x -> x.build(() -> new CiUpdate(x.nonBlank("field"), x.optString("value"))));
      return s.build(() -> new CiUpdateSet(s.nonBlank("ciId"), u));
    });
    return in.build(() -> new ChangePlan(in.nonBlank("title"), in.text("description"),
        in.strings("affectedCis"), updates, in.enumValue("risk", Risk.class), in.optInstant("plannedStart"),
        in.optInstant("plannedEnd"), in.optString("preventiveActionId")));
  }

  static ObjectNode assessment(ImpactAssessment a) {
    return new Out().strings("services", a.services()).enumValue("highestCriticality", a.highestCriticality())
        .number("affectedItems", a.affectedItems()).number("affectedUsers", a.affectedUsers())
        .enumValue("risk", a.risk()).node();
  }

  static ImpactAssessment readAssessment(In in) {
    return in.build(() -> new ImpactAssessment(in.strings("services"),
        in.enumValue("highestCriticality", Criticality.class), in.integer("affectedItems"),
        in.integer("affectedUsers"), in.enumValue("risk", Risk.class)));
  }

  static ObjectNode change(ChangeRequest c) {
    return new Out().string("id", c.id()).value("plan", plan(c.plan()))
        .value("assessment", assessment(c.assessment())).enumValue("risk", c.risk())
        .enumValue("status", c.status()).value("approval", ApprovalCodec.write(c.approval()))
        .string("requestedBy", c.requestedBy()).instant("requestedAt", c.requestedAt())
        .instant("updatedAt", c.updatedAt()).optString("implementer", c.implementer())
        .optString("outcome", c.outcome()).number("version", c.version()).node();
  }

  private static final List<String> CHANGE_HEADER = List.of("type", "changeId", "sequence", "at", "actor");
  private static final Map<String, List<String>> CHANGE_KINDS = new LinkedHashMap<>();

  static {
    CHANGE_KINDS.put("ChangeRequested", concat(CHANGE_HEADER, List.of("plan", "assessment", "risk", "approval")));
    CHANGE_KINDS.put("ChangeApprovalDecided", concat(CHANGE_HEADER, List.of("approval", "verdict", "comment")));
    CHANGE_KINDS.put("ChangeStarted", concat(CHANGE_HEADER, List.of("note")));
    CHANGE_KINDS.put("ChangeImplemented", concat(CHANGE_HEADER, List.of("notes")));
    CHANGE_KINDS.put("ChangeVerified", concat(CHANGE_HEADER, List.of("notes", "updatedCis")));
    CHANGE_KINDS.put("ChangeFailed", concat(CHANGE_HEADER, List.of("reason")));
    CHANGE_KINDS.put("ChangeCancelled", concat(CHANGE_HEADER, List.of("reason")));
  }

  /**
   * Writes a change request event.
   *
   * @param e the event
   * @return the JSON text
   */
  public String writeChangeEvent(ChangeEvent e) {
    Objects.requireNonNull(e, "event");
    Out out = new Out().string("type", e.type()).string("changeId", e.changeId())
        .number("sequence", e.sequence()).instant("at", e.at()).string("actor", e.actor());
    if (e instanceof ChangeRequested x) {
      out.value("plan", plan(x.plan())).value("assessment", assessment(x.assessment()))
          .enumValue("risk", x.risk()).value("approval", ApprovalCodec.write(x.approval()));
    } else if (e instanceof ChangeApprovalDecided x) {
      out.value("approval", ApprovalCodec.write(x.approval())).enumValue("verdict", x.verdict())
          .text("comment", x.comment());
    } else if (e instanceof ChangeStarted x) {
      out.text("note", x.note());
    } else if (e instanceof ChangeImplemented x) {
      out.string("notes", x.notes());
    } else if (e instanceof ChangeVerified x) {
      out.string("notes", x.notes()).strings("updatedCis", x.updatedCis());
    } else if (e instanceof ChangeFailed x) {
      out.string("reason", x.reason());
    } else {
      out.string("reason", ((ChangeCancelled) e).reason());
    }
    return json.write(out.node());
  }

  /**
   * Reads a change request event.
   *
   * @param text the JSON text
   * @return the event
   * @throws JsonFormatException if the text is not a valid event
   */
  public ChangeEvent readChangeEvent(String text) {
    Document doc = json.parse(text);
    String type = type(doc.root(), "$", doc, CHANGE_KINDS.keySet());
    In in = In.object(doc.root(), "$", doc, CHANGE_KINDS.get(type));
    String id = in.nonBlank("changeId");
    long seq = in.longValue("sequence");
    java.time.Instant at = in.instant("at");
    String actor = in.nonBlank("actor");
    return in.build(() -> switch (type) {
      case "ChangeRequested" -> new ChangeRequested(id, seq, at, actor, readPlan(in.object("plan", PLAN)),
          readAssessment(in.object("assessment", ASSESSMENT)), in.enumValue("risk", Risk.class),
          ApprovalCodec.read(in.object("approval", ApprovalCodec.APPROVAL)));
      case "ChangeApprovalDecided" -> new ChangeApprovalDecided(id, seq, at, actor,
          ApprovalCodec.read(in.object("approval", ApprovalCodec.APPROVAL)),
          in.enumValue("verdict", Verdict.class), in.text("comment"));
      case "ChangeStarted" -> new ChangeStarted(id, seq, at, actor, in.text("note"));
      case "ChangeImplemented" -> new ChangeImplemented(id, seq, at, actor, in.string("notes"));
      case "ChangeVerified" -> new ChangeVerified(id, seq, at, actor, in.string("notes"), in.strings("updatedCis"));
      case "ChangeFailed" -> new ChangeFailed(id, seq, at, actor, in.string("reason"));
      default -> new ChangeCancelled(id, seq, at, actor, in.string("reason"));
    });
  }
}
