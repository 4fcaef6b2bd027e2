package io.itsm.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.itsm.core.approval.Approval;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Ticket;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads and writes tickets, incidents, events, histories and approvals as JSON, in the format
 * described in {@code docs/json.md}; and, through {@link #cmdb()}, {@link #announcements()} and
 * {@link #notifications()}, the other practices' records.
 *
 * <pre>{@code
 * ItsmJson json = ItsmJson.defaults();
 * Ticket ticket = json.readTicket("{\"title\": \"VPN drops every few minutes\"}");
 * String text = json.writeTicket(ticket);          // {"type":"INCIDENT","title":"VPN ...",...}
 * try (TicketReader lines = json.ticketReader(reader)) {   // JSON Lines, one ticket a line
 *   lines.forEachRemaining(line -> ...);           // TicketLine.Parsed or TicketLine.Failed
 * }
 * }</pre>
 *
 * <p>The format: instants are ISO-8601 strings in UTC such as {@code "2026-11-23T08:15:00Z"};
 * enums are written by name; absent optional values and empty lists, sets and maps are left out
 * (no {@code null}s are written); properties are written in a fixed order, sets sorted and maps by
 * key, so the same value always gives the same text. Reading is strict: an unknown property, a
 * value of the wrong type or not among the allowed values, or a value the model rejects, throws a
 * {@link JsonFormatException} naming the JSON path, the problem and the allowed values. JSON
 * {@code null} is read as absent.
 *
 * <p>The mapping is written out by hand in this package rather than derived from the model by
 * reflection, so the model carries no Jackson annotations and every error message can name the
 * path and the allowed values. One configured Jackson {@link ObjectMapper} is kept inside for
 * parsing and writing; it is never exposed.
 *
 * <p>Immutable and thread-safe; share one instance.
 */
public final class ItsmJson {

  /**
   * The version of the format, written as {@code "formatVersion"} in history and incident
   * documents. Readers accept documents without it (as version 1) or with exactly this version.
   */
  public static final int FORMAT_VERSION = 1;

  private static final List<String> HISTORY = List.of("formatVersion", "events");

  private static final ItsmJson DEFAULTS = new ItsmJson(false);

  private final ObjectMapper mapper;
  private final ObjectWriter writer;
  private final boolean prettyPrinting;
  private final CmdbJson cmdb = new CmdbJson(this);
  private final AnnouncementJson announcements = new AnnouncementJson(this);
  private final NotificationJson notifications = new NotificationJson(this);

  private ItsmJson(boolean prettyPrinting) {
    this.prettyPrinting = prettyPrinting;
    this.mapper =
        JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    if (prettyPrinting) {
      DefaultPrettyPrinter printer =
          new DefaultPrettyPrinter(
                  Separators.createDefaultInstance()
                      .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
              .withObjectIndenter(new DefaultIndenter("  ", "\n"))
              .withArrayIndenter(new DefaultIndenter("  ", "\n"));
      this.writer = mapper.writer(printer);
    } else {
      this.writer = mapper.writer();
    }
  }

  /**
   * Returns the default instance: compact output, one document per line (suitable for JSON Lines).
   *
   * @return the shared default instance
   */
  public static ItsmJson defaults() {
    return DEFAULTS;
  }

  /**
   * Returns an instance that writes indented (two spaces, {@code \n} line ends) or compact JSON.
   * Reading is the same either way.
   *
   * @param prettyPrinting whether to indent the output
   * @return an instance with that setting
   */
  public ItsmJson withPrettyPrinting(boolean prettyPrinting) {
    return prettyPrinting == this.prettyPrinting ? this : new ItsmJson(prettyPrinting);
  }

  /**
   * Returns whether this instance writes indented JSON.
   *
   * @return {@code true} when output is indented
   */
  public boolean isPrettyPrinting() {
    return prettyPrinting;
  }

  // ---------------------------------------------------------------- tickets

  /**
   * Reads one ticket.
   *
   * @param json a JSON object in the ticket format
   * @return the ticket
   * @throws NullPointerException if {@code json} is null
   * @throws JsonFormatException if the text is not a valid ticket
   */
  public Ticket readTicket(String json) {
    Document doc = parse(json);
    return ModelCodec.readTicket(doc.root(), "$", doc);
  }

  /**
   * Reads one ticket from a stream of UTF-8 text (or UTF-16/32, detected). Does not close it.
   *
   * @param json the JSON text
   * @return the ticket
   * @throws NullPointerException if {@code json} is null
   * @throws JsonFormatException if the text is not a valid ticket
   * @throws UncheckedIOException if reading fails
   */
  public Ticket readTicket(InputStream json) {
    Document doc = parse(json);
    return ModelCodec.readTicket(doc.root(), "$", doc);
  }

  /**
   * Reads one ticket from a character stream. Does not close it.
   *
   * @param json the JSON text
   * @return the ticket
   * @throws NullPointerException if {@code json} is null
   * @throws JsonFormatException if the text is not a valid ticket
   * @throws UncheckedIOException if reading fails
   */
  public Ticket readTicket(Reader json) {
    Document doc = parse(json);
    return ModelCodec.readTicket(doc.root(), "$", doc);
  }

  /**
   * Writes one ticket.
   *
   * @param ticket the ticket
   * @return the JSON text; one line unless pretty printing
   * @throws NullPointerException if {@code ticket} is null
   */
  public String writeTicket(Ticket ticket) {
    return write(ModelCodec.writeTicket(Objects.requireNonNull(ticket, "ticket")));
  }

  /**
   * Starts reading tickets in JSON Lines form: one ticket object per line, blank lines skipped.
   * Each line is read on its own, so memory use does not grow with the input, and a bad line does
   * not stop the others from being read.
   *
   * @param jsonLines the text; closed when the returned reader is closed
   * @return a reader of the lines; not thread-safe
   * @throws NullPointerException if {@code jsonLines} is null
   */
  public TicketReader ticketReader(Reader jsonLines) {
    return new TicketReader(this, Objects.requireNonNull(jsonLines, "jsonLines"));
  }

  /**
   * Starts reading tickets in JSON Lines form from UTF-8 bytes, as {@link #ticketReader(Reader)}.
   *
   * @param jsonLines the UTF-8 text; closed when the returned reader is closed
   * @return a reader of the lines; not thread-safe
   * @throws NullPointerException if {@code jsonLines} is null
   */
  public TicketReader ticketReader(InputStream jsonLines) {
    return ticketReader(
        new InputStreamReader(Objects.requireNonNull(jsonLines, "jsonLines"), StandardCharsets.UTF_8));
  }

  // ---------------------------------------------------------------- incidents

  /**
   * Reads one incident snapshot.
   *
   * @param json a JSON object in the incident format
   * @return the incident
   * @throws NullPointerException if {@code json} is null
   * @throws JsonFormatException if the text is not a valid incident
   */
  public Incident readIncident(String json) {
    Document doc = parse(json);
    return ModelCodec.readIncident(doc.root(), "$", doc);
  }

  /**
   * Reads one incident snapshot from a stream. Does not close it.
   *
   * @param json the JSON text
   * @return the incident
   * @throws NullPointerException if {@code json} is null
   * @throws JsonFormatException if the text is not a valid incident
   * @throws UncheckedIOException if reading fails
   */
  public Incident readIncident(InputStream json) {
    Document doc = parse(json);
    return ModelCodec.readIncident(doc.root(), "$", doc);
  }

  /**
   * Reads one incident snapshot from a character stream. Does not close it.
   *
   * @param json the JSON text
   * @return the incident
   * @throws NullPointerException if {@code json} is null
   * @throws JsonFormatException if the text is not a valid incident
   * @throws UncheckedIOException if reading fails
   */
  public Incident readIncident(Reader json) {
    Document doc = parse(json);
    return ModelCodec.readIncident(doc.root(), "$", doc);
  }

  /**
   * Writes one incident snapshot, with {@code "formatVersion"}.
   *
   * @param incident the incident
   * @return the JSON text
   * @throws NullPointerException if {@code incident} is null
   */
  public String writeIncident(Incident incident) {
    return write(ModelCodec.writeIncident(Objects.requireNonNull(incident, "incident"), true));
  }

  // ---------------------------------------------------------------- events

  /**
   * Reads one event; its {@code "type"} names the event record.
   *
   * @param json a JSON object in the event format
   * @return the event
   * @throws NullPointerException if {@code json} is null
   * @throws JsonFormatException if the text is not a valid event
   */
  public IncidentEvent readEvent(String json) {
    Document doc = parse(json);
    return EventCodec.read(doc.root(), "$", doc);
  }

  /**
   * Reads one event from a stream. Does not close it.
   *
   * @param json the JSON text
   * @return the event
   * @throws NullPointerException if {@code json} is null
   * @throws JsonFormatException if the text is not a valid event
   * @throws UncheckedIOException if reading fails
   */
  public IncidentEvent readEvent(InputStream json) {
    Document doc = parse(json);
    return EventCodec.read(doc.root(), "$", doc);
  }

  /**
   * Reads one event from a character stream. Does not close it.
   *
   * @param json the JSON text
   * @return the event
   * @throws NullPointerException if {@code json} is null
   * @throws JsonFormatException if the text is not a valid event
   * @throws UncheckedIOException if reading fails
   */
  public IncidentEvent readEvent(Reader json) {
    Document doc = parse(json);
    return EventCodec.read(doc.root(), "$", doc);
  }

  /**
   * Writes one event, with its {@code "type"} first.
   *
   * @param event the event
   * @return the JSON text
   * @throws NullPointerException if {@code event} is null
   */
  public String writeEvent(IncidentEvent event) {
    return write(EventCodec.write(Objects.requireNonNull(event, "event")));
  }

  /**
   * Reads a history document: {@code {"formatVersion": 1, "events": [...]}}. The events are
   * returned as written; {@link io.itsm.core.event.IncidentHistory#replay} checks their order.
   *
   * @param json the history document
   * @return the events, immutable, in document order
   * @throws NullPointerException if {@code json} is null
   * @throws JsonFormatException if the text is not a valid history
   */
  public List<IncidentEvent> readHistory(String json) {
    return readHistory(parse(json));
  }

  /**
   * Reads a history document from a stream. Does not close it.
   *
   * @param json the history document
   * @return the events, immutable, in document order
   * @throws NullPointerException if {@code json} is null
   * @throws JsonFormatException if the text is not a valid history
   * @throws UncheckedIOException if reading fails
   */
  public List<IncidentEvent> readHistory(InputStream json) {
    return readHistory(parse(json));
  }

  /**
   * Reads a history document from a character stream. Does not close it.
   *
   * @param json the history document
   * @return the events, immutable, in document order
   * @throws NullPointerException if {@code json} is null
   * @throws JsonFormatException if the text is not a valid history
   * @throws UncheckedIOException if reading fails
   */
  public List<IncidentEvent> readHistory(Reader json) {
    return readHistory(parse(json));
  }

  private static List<IncidentEvent> readHistory(Document doc) {
    In in = In.object(doc.root(), "$", doc, HISTORY);
    ModelCodec.checkFormatVersion(in);
    List<JsonNode> nodes = in.array("events", true);
    List<IncidentEvent> events = new ArrayList<>(nodes.size());
    for (int i = 0; i < nodes.size(); i++) {
      events.add(EventCodec.read(nodes.get(i), Document.index(in.childPath("events"), i), doc));
    }
    return List.copyOf(events);
  }

  /**
   * Writes a history document: {@code {"formatVersion": 1, "events": [...]}}.
   *
   * @param events the events, in order
   * @return the JSON text
   * @throws NullPointerException if {@code events} or an element is null
   */
  public String writeHistory(List<? extends IncidentEvent> events) {
    Objects.requireNonNull(events, "events");
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("formatVersion", FORMAT_VERSION);
    var array = root.putArray("events");
    for (IncidentEvent e : events) {
      array.add(EventCodec.write(Objects.requireNonNull(e, "events must not contain null")));
    }
    return write(root);
  }

  // ---------------------------------------------------------------- approvals

  /**
   * Reads one approval.
   *
   * @param json a JSON object in the approval format
   * @return the approval
   * @throws NullPointerException if {@code json} is null
   * @throws JsonFormatException if the text is not a valid approval
   */
  public Approval readApproval(String json) {
    Document doc = parse(json);
    return ApprovalCodec.read(In.object(doc.root(), "$", doc, ApprovalCodec.APPROVAL));
  }

  /**
   * Reads one approval from a stream. Does not close it.
   *
   * @param json the JSON text
   * @return the approval
   * @throws NullPointerException if {@code json} is null
   * @throws JsonFormatException if the text is not a valid approval
   * @throws UncheckedIOException if reading fails
   */
  public Approval readApproval(InputStream json) {
    Document doc = parse(json);
    return ApprovalCodec.read(In.object(doc.root(), "$", doc, ApprovalCodec.APPROVAL));
  }

  /**
   * Reads one approval from a character stream. Does not close it.
   *
   * @param json the JSON text
   * @return the approval
   * @throws NullPointerException if {@code json} is null
   * @throws JsonFormatException if the text is not a valid approval
   * @throws UncheckedIOException if reading fails
   */
  public Approval readApproval(Reader json) {
    Document doc = parse(json);
    return ApprovalCodec.read(In.object(doc.root(), "$", doc, ApprovalCodec.APPROVAL));
  }

  /**
   * Writes one approval.
   *
   * @param approval the approval
   * @return the JSON text
   * @throws NullPointerException if {@code approval} is null
   */
  public String writeApproval(Approval approval) {
    return write(ApprovalCodec.write(Objects.requireNonNull(approval, "approval")));
  }

  // ---------------------------------------------------------------- the other practices

  /**
   * Returns the JSON form of the CMDB: configuration items, their events, backups, impact
   * analyses, change requests (with this instance's pretty printing).
   *
   * @return the CMDB codec
   */
  public CmdbJson cmdb() {
    return cmdb;
  }

  /**
   * Returns the JSON form of announcements: content, stored state, events, lists.
   *
   * @return the announcement codec
   */
  public AnnouncementJson announcements() {
    return announcements;
  }

  /**
   * Returns the JSON form of notifications, templates and recipients.
   *
   * @return the notification codec
   */
  public NotificationJson notifications() {
    return notifications;
  }

  // ---------------------------------------------------------------- plumbing

  private JsonFactory factory() {
    return mapper.getFactory();
  }

  Document parse(String json) {
    Objects.requireNonNull(json, "json");
    return Document.parse(factory(), f -> f.createParser(json));
  }

  private Document parse(InputStream json) {
    Objects.requireNonNull(json, "json");
    return Document.parse(
        factory(),
        f -> f.createParser(json).disable(com.fasterxml.jackson.core.JsonParser.Feature.AUTO_CLOSE_SOURCE));
  }

  Document parse(Reader json) {
    Objects.requireNonNull(json, "json");
    return Document.parse(
        factory(),
        f -> f.createParser(json).disable(com.fasterxml.jackson.core.JsonParser.Feature.AUTO_CLOSE_SOURCE));
  }

  /** Parses one line of JSON Lines (the line number is fixed up by the caller). */
  Ticket readTicketLine(String line) {
    Document doc = parse(line);
    return ModelCodec.readTicket(doc.root(), "$", doc);
  }

  String write(JsonNode node) {
    try {
      return writer.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("writing a JSON tree cannot fail, but did", e);
    }
  }

  @Override
  public String toString() {
    return "ItsmJson{formatVersion=" + FORMAT_VERSION + ", prettyPrinting=" + prettyPrinting + "}";
  }
}
