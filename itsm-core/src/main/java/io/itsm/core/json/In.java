package io.itsm.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.itsm.core.ValidationException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Reads the properties of one JSON object strictly, naming the path of every problem. JSON
 * {@code null} counts as absent.
 *
 * <p>Not thread-safe; one per object read.
 */
final class In {

  static final String INSTANT_EXAMPLE = "2026-11-23T08:15:00Z";

  private final ObjectNode node;
  private final String path;
  private final Document doc;
  private final List<String> known;

  private In(ObjectNode node, String path, Document doc, List<String> known) {
    this.node = node;
    this.path = path;
    this.doc = doc;
    this.known = known;
  }

  /**
   * Starts reading the value at {@code path} as an object with the given known properties; fails
   * if it is not an object or has another property.
   */
  static In object(JsonNode value, String path, Document doc, List<String> known) {
    if (!(value instanceof ObjectNode)) {
      throw fail(doc, path, "expected an object, but was " + describe(value));
    }
    In in = new In((ObjectNode) value, path, doc, known);
    in.rejectUnknown();
    return in;
  }

  String path() {
    return path;
  }

  Document doc() {
    return doc;
  }

  private void rejectUnknown() {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!known.contains(name)) {
        String suggestion = closest(name);
        String where = Document.display(path);
        throw failRaw(
            doc,
            Document.child(path, name),
            "unknown property '"
                + name
                + "' at "
                + where
                + "; known properties: "
                + String.join(", ", known)
                + (suggestion == null ? "" : "; did you mean '" + suggestion + "'?"));
      }
    }
  }

  private String closest(String name) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known) {
      int d = distance(name.toLowerCase(java.util.Locale.ROOT), k.toLowerCase(java.util.Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    }
    return bestDistance <= Math.max(1, name.length() / 3) ? best : null;
  }

  /** Edit distance counting a swap of two neighbouring letters as one edit ("titel" → "title"). */
  private static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  // ---- access ----

  private JsonNode get(String name) {
    JsonNode v = node.get(name);
    return v == null || v.isNull() ? null : v;
  }

  boolean has(String name) {
    return get(name) != null;
  }

  String childPath(String name) {
    return Document.child(path, name);
  }

  JsonNode require(String name) {
    JsonNode v = get(name);
    if (v == null) {
      throw missing(name);
    }
    return v;
  }

  JsonFormatException missing(String name) {
    String childPath = childPath(name);
    long[] pos = doc.positionOf(path);
    return new JsonFormatException(
        childPath,
        Document.display(childPath)
            + ": required, but "
            + (node.has(name) ? "was null" : "missing"),
        pos[0],
        pos[1],
        null);
  }

  // ---- strings ----

  String string(String name) {
    return asString(require(name), childPath(name));
  }

  /** A required string that must not be blank. */
  String nonBlank(String name) {
    String s = string(name);
    if (s.isBlank()) {
      throw failAt(name, "must not be blank, but was '" + s + "'");
    }
    return s;
  }

  Optional<String> optString(String name) {
    JsonNode v = get(name);
    return v == null ? Optional.empty() : Optional.of(asString(v, childPath(name)));
  }

  /** Free text that defaults to the empty string. */
  String text(String name) {
    return optString(name).orElse("");
  }

  private String asString(JsonNode v, String at) {
    if (!v.isTextual()) {
      throw fail(doc, at, "expected a string, but was " + describe(v));
    }
    return v.textValue();
  }

  // ---- enums ----

  <E extends Enum<E>> E enumValue(String name, Class<E> type) {
    return asEnum(require(name), childPath(name), type);
  }

  <E extends Enum<E>> Optional<E> optEnum(String name, Class<E> type) {
    JsonNode v = get(name);
    return v == null ? Optional.empty() : Optional.of(asEnum(v, childPath(name), type));
  }

  <E extends Enum<E>> E asEnum(JsonNode v, String at, Class<E> type) {
    String allowed =
        Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    if (!v.isTextual()) {
      throw fail(doc, at, "expected one of " + allowed + ", but was " + describe(v));
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(v.textValue())) {
        return e;
      }
    }
    throw fail(doc, at, "'" + v.textValue() + "' is not one of " + allowed);
  }

  // ---- time ----

  Instant instant(String name) {
    return asInstant(require(name), childPath(name));
  }

  Optional<Instant> optInstant(String name) {
    JsonNode v = get(name);
    return v == null ? Optional.empty() : Optional.of(asInstant(v, childPath(name)));
  }

  private Instant asInstant(JsonNode v, String at) {
    if (!v.isTextual()) {
      throw fail(
          doc,
          at,
          "expected an ISO-8601 instant such as " + INSTANT_EXAMPLE + ", but was " + describe(v));
    }
    try {
      return DateTimeFormatter.ISO_INSTANT.parse(v.textValue(), Instant::from);
    } catch (DateTimeParseException e) {
      throw fail(
          doc,
          at,
          "'" + v.textValue() + "' is not an ISO-8601 instant such as " + INSTANT_EXAMPLE);
    }
  }

  // ---- numbers and booleans ----

  int integer(String name) {
    return asInt(require(name), childPath(name));
  }

  int optInt(String name, int defaultValue) {
    JsonNode v = get(name);
    return v == null ? defaultValue : asInt(v, childPath(name));
  }

  private int asInt(JsonNode v, String at) {
    checkWholeNumber(v, at);
    if (!v.canConvertToInt()) {
      throw fail(doc, at, "expected a whole number up to " + Integer.MAX_VALUE + ", but was " + v);
    }
    return v.intValue();
  }

  long longValue(String name) {
    return asLong(require(name), childPath(name));
  }

  long optLong(String name, long defaultValue) {
    JsonNode v = get(name);
    return v == null ? defaultValue : asLong(v, childPath(name));
  }

  private long asLong(JsonNode v, String at) {
    checkWholeNumber(v, at);
    if (!v.canConvertToLong()) {
      throw fail(doc, at, "expected a whole number up to " + Long.MAX_VALUE + ", but was " + v);
    }
    return v.longValue();
  }

  private void checkWholeNumber(JsonNode v, String at) {
    if (!v.isNumber()) {
      throw fail(doc, at, "expected a number, but was " + describe(v));
    }
    if (!v.isIntegralNumber()) {
      throw fail(doc, at, "expected a whole number, but was " + v);
    }
  }

  boolean bool(String name) {
    return asBool(require(name), childPath(name));
  }

  boolean optBool(String name, boolean defaultValue) {
    JsonNode v = get(name);
    return v == null ? defaultValue : asBool(v, childPath(name));
  }

  private boolean asBool(JsonNode v, String at) {
    if (!v.isBoolean()) {
      throw fail(doc, at, "expected true or false, but was " + describe(v));
    }
    return v.booleanValue();
  }

  // ---- collections ----

  /** An array of strings; absent means empty. */
  List<String> strings(String name) {
    JsonNode v = get(name);
    if (v == null) {
      return List.of();
    }
    String at = childPath(name);
    if (!v.isArray()) {
      throw fail(doc, at, "expected an array of strings, but was " + describe(v));
    }
    List<String> out = new ArrayList<>(v.size());
    for (int i = 0; i < v.size(); i++) {
      out.add(asString(v.get(i), Document.index(at, i)));
    }
    return out;
  }

  /** An array of strings as a set in the given order; absent means empty. */
  Set<String> stringSet(String name) {
    return new LinkedHashSet<>(strings(name));
  }

  /** An object of string values; absent means empty. */
  Map<String, String> stringMap(String name) {
    JsonNode v = get(name);
    if (v == null) {
      return Map.of();
    }
    String at = childPath(name);
    if (!v.isObject()) {
      throw fail(doc, at, "expected an object of strings, but was " + describe(v));
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : v.properties()) {
      out.put(e.getKey(), asString(e.getValue(), Document.child(at, e.getKey())));
    }
    return out;
  }

  /** A required nested object. */
  In object(String name, List<String> knownProperties) {
    return In.object(require(name), childPath(name), doc, knownProperties);
  }

  /** An optional nested object. */
  Optional<In> optObject(String name, List<String> knownProperties) {
    JsonNode v = get(name);
    return v == null
        ? Optional.empty()
        : Optional.of(In.object(v, childPath(name), doc, knownProperties));
  }

  /** The elements of an array property; absent means empty. */
  List<JsonNode> array(String name, boolean required) {
    JsonNode v = required ? require(name) : get(name);
    if (v == null) {
      return List.of();
    }
    if (!v.isArray()) {
      throw fail(doc, childPath(name), "expected an array, but was " + describe(v));
    }
    List<JsonNode> out = new ArrayList<>(v.size());
    v.elements().forEachRemaining(out::add);
    return out;
  }

  // ---- model validation ----

  /**
   * Runs a model constructor or builder, turning its {@link ValidationException} into a {@link
   * JsonFormatException} at this object, or at the property the problem names.
   */
  <T> T build(Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (ValidationException e) {
      String first = e.getProblems().get(0);
      String field = first.split("[\\s\\[]", 2)[0];
      String at = path;
      String message;
      if (known.contains(field)) {
        String rest = first.substring(field.length());
        String sub = rest.startsWith("[") ? rest.substring(0, rest.indexOf(']') + 1) : "";
        at = childPath(field) + sub;
        message = (path.equals("$") ? "" : Document.display(path) + ".") + e.getMessage();
      } else {
        message = (path.equals("$") ? "" : Document.display(path) + ": ") + e.getMessage();
      }
      long[] pos = doc.positionOf(at);
      if (pos[0] == 0) {
        pos = doc.positionOf(path);
      }
      throw new JsonFormatException(at, message, pos[0], pos[1], e);
    }
  }

  // ---- errors ----

  JsonFormatException failAt(String name, String problem) {
    return fail(doc, childPath(name), problem);
  }

  static JsonFormatException fail(Document doc, String at, String problem) {
    return failRaw(doc, at, Document.display(at) + ": " + problem);
  }

  static JsonFormatException failRaw(Document doc, String at, String message) {
    long[] pos = doc.positionOf(at);
    return new JsonFormatException(at, message, pos[0], pos[1], null);
  }

  static String describe(JsonNode v) {
    if (v == null || v.isNull()) {
      return "null";
    }
    if (v.isTextual()) {
      return "a string '" + v.textValue() + "'";
    }
    if (v.isNumber()) {
      return "a number " + v;
    }
    if (v.isBoolean()) {
      return v.booleanValue() ? "true" : "false";
    }
    if (v.isArray()) {
      return "an array";
    }
    return "an object";
  }
}
