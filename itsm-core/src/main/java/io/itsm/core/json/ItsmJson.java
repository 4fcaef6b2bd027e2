package io.itsm.core.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.itsm.core.approval.Approval;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Ticket;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * Reads and writes tickets, incidents, events, histories and approvals as JSON, in the format
 * described in {@code docs/json.md}; and, through {@link #knowledge()}, {@link #improvement()},
 * {@link #cmdb()}, {@link #announcements()} and {@link #notifications()}, the other practices'.
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
 * <p>The mapping is Jackson databind with mixins (the model has no annotations); its one mapper
 * is never exposed.
 *
 * <p>Immutable and thread-safe; share one instance.
 */
public final class ItsmJson {

  /**
   * The version of the format, written as {@code "formatVersion"} in history and incident
   * documents. Readers accept documents without it (as version 1) or with exactly this version.
   */
  public static final int FORMAT_VERSION = 1;

  private static final JsonMapper MAPPER = Mapping.create();
  private static final ErrorTranslator ERRORS = new ErrorTranslator(MAPPER);
  private static final ItsmJson DEFAULTS = new ItsmJson(false);

  private final ObjectWriter writer;
  private final boolean prettyPrinting;
  private final ImprovementJson improvement = new ImprovementJson(this);
  private final CmdbJson cmdb = new CmdbJson(this);
  private final AnnouncementJson announcements = new AnnouncementJson(this);
  private final NotificationJson notifications = new NotificationJson(this);
  private final KnowledgeJson knowledge = new KnowledgeJson(this);

  private ItsmJson(boolean prettyPrinting) {
    this.prettyPrinting = prettyPrinting;
    this.writer = prettyPrinting ? MAPPER.writer(Mapping.prettyPrinter()) : MAPPER.writer();
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
    return read(json, Ticket.class);
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
    return read(json, Ticket.class);
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
    return read(json, Ticket.class);
  }

  /**
   * Writes one ticket.
   *
   * @param ticket the ticket
   * @return the JSON text; one line unless pretty printing
   * @throws NullPointerException if {@code ticket} is null
   */
  public String writeTicket(Ticket ticket) {
    return write(Objects.requireNonNull(ticket, "ticket"), Ticket.class);
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
   * Starts reading tickets in JSON Lines form from UTF-8 bytes, as {@link #ticketReader(Reader)};
   * each line is decoded strictly, so a line that is not UTF-8 is a failed line naming the byte
   * (and the lines after it are read as usual).
   *
   * @param jsonLines the UTF-8 text; closed when the returned reader is closed
   * @return a reader of the lines; not thread-safe
   * @throws NullPointerException if {@code jsonLines} is null
   */
  public TicketReader ticketReader(InputStream jsonLines) {
    return new TicketReader(this, Objects.requireNonNull(jsonLines, "jsonLines"));
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
    return read(json, Incident.class);
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
    return read(json, Incident.class);
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
    return read(json, Incident.class);
  }

  /**
   * Writes one incident snapshot, with {@code "formatVersion"}.
   *
   * @param incident the incident
   * @return the JSON text
   * @throws NullPointerException if {@code incident} is null
   */
  public String writeIncident(Incident incident) {
    return write(Objects.requireNonNull(incident, "incident"), Incident.class);
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
    return read(json, IncidentEvent.class);
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
    return read(json, IncidentEvent.class);
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
    return read(json, IncidentEvent.class);
  }

  /**
   * Writes one event, with its {@code "type"} first.
   *
   * @param event the event
   * @return the JSON text
   * @throws NullPointerException if {@code event} is null
   */
  public String writeEvent(IncidentEvent event) {
    return write(Objects.requireNonNull(event, "event"), IncidentEvent.class);
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
    return read(json, HistoryDocument.class).events();
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
    return read(json, HistoryDocument.class).events();
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
    return read(json, HistoryDocument.class).events();
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
    events.forEach(e -> Objects.requireNonNull(e, "events must not contain null"));
    return write(HistoryDocument.of(events), HistoryDocument.class);
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
    return read(json, Approval.class);
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
    return read(json, Approval.class);
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
    return read(json, Approval.class);
  }

  /**
   * Writes one approval.
   *
   * @param approval the approval
   * @return the JSON text
   * @throws NullPointerException if {@code approval} is null
   */
  public String writeApproval(Approval approval) {
    return write(Objects.requireNonNull(approval, "approval"), Approval.class);
  }

  /** @return the JSON of knowledge articles, their events and histories (docs/knowledge.md) */
  public KnowledgeJson knowledge() {
    return knowledge;
  }

  /** @return the JSON of problems, reviews, preventive actions, surveys and exports (docs/improvement.md) */
  public ImprovementJson improvement() {
    return improvement;
  }

  /** @return the JSON of the CMDB: items, events, backups, impact, changes (docs/cmdb.md) */
  public CmdbJson cmdb() {
    return cmdb;
  }

  /** @return the JSON of announcements: content, state, events, lists (docs/announcements.md) */
  public AnnouncementJson announcements() {
    return announcements;
  }

  /** @return the JSON of notifications, templates and recipients (docs/notifications.md) */
  public NotificationJson notifications() {
    return notifications;
  }

  // ---------------------------------------------------------------- plumbing

  /** Parses one line of JSON Lines (the line number is fixed up by the caller). */
  Ticket readTicketLine(String line) {
    return read(line, Ticket.class);
  }

  static <T> T read(String json, Class<T> type) {
    Objects.requireNonNull(json, "json");
    return read(() -> MAPPER.createParser(json), type);
  }

  static <T> T read(InputStream json, Class<T> type) {
    Objects.requireNonNull(json, "json");
    return read(() -> MAPPER.createParser(json), type);
  }

  static <T> T read(Reader json, Class<T> type) {
    Objects.requireNonNull(json, "json");
    return read(() -> MAPPER.createParser(json), type);
  }

  /** Opens a parser on some input. */
  @FunctionalInterface
  private interface Source {
    JsonParser open() throws IOException;
  }

  /**
   * Reads exactly one JSON value of {@code type}; every problem becomes a {@link
   * JsonFormatException}, translated while the parser still stands on the offending value.
   */
  private static <T> T read(Source source, Class<T> type) {
    JsonParser parser = null;
    try {
      parser = source.open();
      return readOne(parser, type);
    } catch (JacksonException e) {
      throw ERRORS.translate(e, parser);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (parser != null) {
        try {
          parser.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  private static <T> T readOne(JsonParser parser, Class<T> type) throws IOException {
    if (parser.nextToken() == null) {
      throw new JsonFormatException(
          "$", "malformed JSON: no content, expected a JSON object", 0, 0, null);
    }
    T value = MAPPER.readValue(parser, type);
    if (value == null) {
      throw failAt(parser, "$: expected an object, but was null");
    }
    if (parser.nextToken() != null) {
      throw failAt(parser, "malformed JSON: unexpected content after the end of the document");
    }
    return value;
  }

  private static JsonFormatException failAt(JsonParser parser, String problem) {
    JsonLocation at = parser.currentTokenLocation();
    return new JsonFormatException("$", problem, at.getLineNr(), at.getColumnNr(), null);
  }

  String write(Object value, Class<?> type) {
    try {
      return writer.forType(type).writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("writing " + type.getSimpleName() + " failed", e);
    }
  }

  @Override
  public String toString() {
    return "ItsmJson{formatVersion=" + FORMAT_VERSION + ", prettyPrinting=" + prettyPrinting + "}";
  }
}
