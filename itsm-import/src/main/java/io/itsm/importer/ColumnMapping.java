package io.itsm.importer;

import io.itsm.core.ValidationException;
import io.itsm.core.incident.Channel;
import io.itsm.core.incident.Impact;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.SupportLevel;
import io.itsm.core.incident.Urgency;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How the columns and values of an incident audit export (one CSV row per update of an incident)
 * map to what the import replays: which column holds each {@link Field}, how dates are written,
 * what marks a missing value, and how the source's states, contact types, impacts, urgencies and
 * priorities translate. {@link #serviceNow()} is the mapping of a ServiceNow export; any other
 * export is described by a properties file of the same shape ({@link #load(Path)}, documented in
 * docs/import.md).
 *
 * <p>Immutable and thread-safe.
 */
public final class ColumnMapping {

  /** The fields the import reads. {@link #NUMBER}, {@link #STATE} and {@link #UPDATED_AT} are required. */
  public enum Field {
    /** The incident's number in the source: the imported incident's id and external id. */
    NUMBER,
    /** The incident's state after the update. */
    STATE,
    /** When the update was made. */
    UPDATED_AT,
    /** Who made the update. */
    UPDATED_BY,
    /** The source's update counter, which orders an incident's rows. */
    UPDATE_COUNT,
    /** When the incident was opened. */
    OPENED_AT,
    /** Who opened it. */
    OPENED_BY,
    /** The caller. */
    CALLER,
    /** The contact type (channel). */
    CHANNEL,
    /** The caller's location. */
    LOCATION,
    /** The category. */
    CATEGORY,
    /** The subcategory. */
    SUBCATEGORY,
    /** The symptom, used in the title. */
    SYMPTOM,
    /** The configuration item. */
    CONFIGURATION_ITEM,
    /** The impact. */
    IMPACT,
    /** The urgency. */
    URGENCY,
    /** The priority. */
    PRIORITY,
    /** The assignment group (team). */
    ASSIGNMENT_GROUP,
    /** The assignee. */
    ASSIGNEE,
    /** The source's own count of reopens, compared with the import's. */
    REOPEN_COUNT,
    /** The source's own count of reassignments, compared with the import's. */
    REASSIGNMENT_COUNT,
    /** Whether the source says the SLA was met, compared with the import's resolution clock. */
    MADE_SLA,
    /** The resolution (close) code. */
    CLOSED_CODE,
    /** Who resolved it. */
    RESOLVED_BY,
    /** When the source says it was resolved, compared with the import's. */
    RESOLVED_AT,
    /** When it was closed. */
    CLOSED_AT;

    /**
     * Returns the name used in mapping files: lower case with underscores.
     *
     * @return for example {@code updated_at}
     */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The states the import understands; every source state maps to one. */
  public enum SourceState {
    /** Logged, not yet worked. */
    NEW,
    /** Being worked on. */
    ACTIVE,
    /** On hold waiting for the user. */
    AWAITING_USER,
    /** On hold waiting for a vendor. */
    AWAITING_VENDOR,
    /** On hold waiting for a problem. */
    AWAITING_PROBLEM,
    /** On hold waiting for evidence. */
    AWAITING_EVIDENCE,
    /** On hold waiting for a change. */
    AWAITING_CHANGE,
    /** Resolved. */
    RESOLVED,
    /** Closed. */
    CLOSED,
    /** Cancelled. */
    CANCELLED
  }

  private static final String SERVICENOW = "servicenow-events.properties";

  private final String source;
  private final Map<Field, String> columns;
  private final Map<String, String> attributes;
  private final DateTimeFormatter dateFormat;
  private final String datePattern;
  private final ZoneId zone;
  private final String missing;
  private final Map<String, SourceState> states;
  private final Map<String, Channel> channels;
  private final Map<String, Impact> impacts;
  private final Map<String, Urgency> urgencies;
  private final Map<String, Priority> priorities;
  private final Map<String, SupportLevel> levels;

  private ColumnMapping(String source, Properties p) {
    this.source = source;
    Map<Field, String> cols = new EnumMap<>(Field.class);
    Map<String, String> attrs = new LinkedHashMap<>();
    Map<String, SourceState> st = new LinkedHashMap<>();
    Map<String, Channel> ch = new LinkedHashMap<>();
    Map<String, Impact> im = new LinkedHashMap<>();
    Map<String, Urgency> ur = new LinkedHashMap<>();
    Map<String, Priority> pr = new LinkedHashMap<>();
    Map<String, SupportLevel> lv = new LinkedHashMap<>();
    String format = null;
    String zoneId = "UTC";
    String miss = "";
    for (String key : new TreeMap<>(toMap(p)).keySet()) {
      String value = p.getProperty(key).trim();
      int dot = key.indexOf('.');
      String prefix = dot < 0 ? key : key.substring(0, dot + 1);
      String rest = dot < 0 ? "" : key.substring(dot + 1);
      switch (prefix) {
        case "column." -> cols.put(parse(Field.class, rest.toUpperCase(Locale.ROOT), key), value);
        case "attribute." -> attrs.put(rest, value);
        case "state." -> st.put(rest, parse(SourceState.class, value, key));
        case "channel." -> ch.put(rest, parse(Channel.class, value, key));
        case "impact." -> im.put(rest, parse(Impact.class, value, key));
        case "urgency." -> ur.put(rest, parse(Urgency.class, value, key));
        case "priority." -> pr.put(rest, parse(Priority.class, value, key));
        case "level." -> lv.put(rest, parse(SupportLevel.class, value, key));
        case "date." -> {
          if (rest.equals("format")) {
            format = value;
          } else if (rest.equals("zone")) {
            zoneId = value;
          } else {
            throw problem("unknown key '" + key + "'; date keys are date.format and date.zone");
          }
        }
        case "missing" -> miss = value;
        default -> throw problem("unknown key '" + key + "'; keys start with column., attribute.,"
            + " state., channel., impact., urgency., priority. or level., or are date.format,"
            + " date.zone and missing");
      }
    }
    for (Field f : new Field[] {Field.NUMBER, Field.STATE, Field.UPDATED_AT}) {
      if (!cols.containsKey(f)) {
        throw problem("column." + f.key() + " is required: name the column that holds the "
            + f.key().replace('_', ' '));
      }
    }
    if (st.isEmpty()) {
      throw problem("no state.<value> keys: map each of the source's states to one of "
          + Arrays.toString(SourceState.values()));
    }
    if (format == null) {
      throw problem("date.format is required, for example date.format=d/M/yyyy H:mm");
    }
    try {
      this.dateFormat = DateTimeFormatter.ofPattern(format, Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw problem("date.format '" + format + "' is not a date pattern: " + e.getMessage());
    }
    try {
      this.zone = ZoneId.of(zoneId);
    } catch (DateTimeException e) {
      throw problem("date.zone '" + zoneId + "' is not a time zone (for example UTC or Europe/Stockholm)");
    }
    this.datePattern = format;
    this.missing = miss;
    this.columns = Collections.unmodifiableMap(cols);
    this.attributes = Collections.unmodifiableMap(attrs);
    this.states = Collections.unmodifiableMap(st);
    this.channels = Collections.unmodifiableMap(ch);
    this.impacts = Collections.unmodifiableMap(im);
    this.urgencies = Collections.unmodifiableMap(ur);
    this.priorities = Collections.unmodifiableMap(pr);
    this.levels = Collections.unmodifiableMap(lv);
  }

  private static Map<String, String> toMap(Properties p) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String k : p.stringPropertyNames()) {
      m.put(k, p.getProperty(k));
    }
    return m;
  }

  private <E extends Enum<E>> E parse(Class<E> type, String value, String key) {
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw problem("'" + key + "' maps to '" + value + "'; allowed: "
          + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
    }
  }

  private ValidationException problem(String message) {
    return new ValidationException("column mapping " + source + ": " + message);
  }

  /**
   * The mapping of a ServiceNow incident audit export: ServiceNow's field names ({@code number,
   * incident_state, sys_updated_at, ...}), dates as {@code d/m/yyyy HH:mm} in UTC, {@code ?} for
   * a missing value.
   *
   * @return the mapping
   */
  public static ColumnMapping serviceNow() {
    try (InputStream in = ColumnMapping.class.getResourceAsStream(SERVICENOW)) {
      Properties p = new Properties();
      p.load(new java.io.InputStreamReader(Objects.requireNonNull(in, SERVICENOW), StandardCharsets.UTF_8));
      return new ColumnMapping("servicenow-events (built in)", p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Loads a mapping file (Java properties, UTF-8).
   *
   * @param file the file
   * @return the mapping
   * @throws UncheckedIOException if the file cannot be read
   * @throws ValidationException naming the file and the key that is wrong
   */
  public static ColumnMapping load(Path file) {
    Objects.requireNonNull(file, "file");
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(r, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read column mapping " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a mapping in properties format.
   *
   * @param in the text
   * @param source what to call it in error messages
   * @return the mapping
   * @throws ValidationException naming the source and the key that is wrong
   * @throws UncheckedIOException if reading fails
   */
  public static ColumnMapping parse(Reader in, String source) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(source, "source");
    Properties p = new Properties();
    try {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalArgumentException e) {
      throw new ValidationException("column mapping " + source + " is not a properties file: "
          + e.getMessage());
    }
    return new ColumnMapping(source, p);
  }

  /**
   * Returns the column that holds a field.
   *
   * @param field the field
   * @return the column's header, or empty when the source has none
   */
  public Optional<String> column(Field field) {
    return Optional.ofNullable(columns.get(field));
  }

  /**
   * Returns the columns kept as ticket attributes.
   *
   * @return attribute name → column, immutable
   */
  public Map<String, String> attributes() {
    return attributes;
  }

  /**
   * Returns the date format.
   *
   * @return the formatter
   */
  public DateTimeFormatter dateFormat() {
    return dateFormat;
  }

  /**
   * Returns the date pattern as written in the mapping, for messages.
   *
   * @return for example {@code d/M/yyyy H:mm}
   */
  public String datePattern() {
    return datePattern;
  }

  /**
   * Returns the zone dates are in.
   *
   * @return the zone
   */
  public ZoneId zone() {
    return zone;
  }

  /**
   * Returns the marker of a missing value (an empty cell is always missing).
   *
   * @return for example {@code ?}
   */
  public String missing() {
    return missing;
  }

  /**
   * Returns the state map.
   *
   * @return source value → state, immutable
   */
  public Map<String, SourceState> states() {
    return states;
  }

  /**
   * Returns the channel map.
   *
   * @return source value → channel, immutable
   */
  public Map<String, Channel> channels() {
    return channels;
  }

  /**
   * Returns the impact map.
   *
   * @return source value → impact, immutable
   */
  public Map<String, Impact> impacts() {
    return impacts;
  }

  /**
   * Returns the urgency map.
   *
   * @return source value → urgency, immutable
   */
  public Map<String, Urgency> urgencies() {
    return urgencies;
  }

  /**
   * Returns the priority map.
   *
   * @return source value → priority, immutable
   */
  public Map<String, Priority> priorities() {
    return priorities;
  }

  /**
   * Returns the support level of an assignment group.
   *
   * @param group the group
   * @return its level from {@code level.<group>} keys, else L1
   */
  public SupportLevel levelOf(String group) {
    return levels.getOrDefault(group, SupportLevel.L1);
  }

  /**
   * Returns where the mapping came from.
   *
   * @return the file or the built-in name
   */
  public String source() {
    return source;
  }

  @Override
  public String toString() {
    return "ColumnMapping[" + source + "]";
  }
}
