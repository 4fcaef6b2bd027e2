package io.itsm.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reading and writing the value types the practice codecs (CMDB, announcements, notifications)
 * share and the incident codecs do not have: durations, zones, times of day, arrays and maps of
 * objects. Stateless.
 */
final class Values {

  private Values() {}

  static Duration duration(In in, String name) {
    String s = in.string(name);
    try {
      return Duration.parse(s);
    } catch (DateTimeParseException e) {
      throw in.failAt(name, "'" + s + "' is not an ISO-8601 duration such as PT72H or P3D");
    }
  }

  static ZoneId zone(In in, String name) {
    String s = in.string(name);
    try {
      return ZoneId.of(s);
    } catch (java.time.DateTimeException e) {
      throw in.failAt(name, "'" + s + "' is not a time zone such as Europe/Stockholm or UTC");
    }
  }

  static LocalTime time(In in, String name) {
    String s = in.string(name);
    try {
      return LocalTime.parse(s);
    } catch (DateTimeParseException e) {
      throw in.failAt(name, "'" + s + "' is not a time of day such as 22:00");
    }
  }

  /** An array of objects, each read by {@code reader} from an {@link In} with known properties. */
  static <T> List<T> objects(In in, String name, boolean required, List<String> known, Function<In, T> reader) {
    List<JsonNode> nodes = in.array(name, required);
    List<T> out = new ArrayList<>(nodes.size());
    for (int i = 0; i < nodes.size(); i++) {
      out.add(reader.apply(In.object(nodes.get(i), Document.index(in.childPath(name), i), in.doc(), known)));
    }
    return out;
  }

  /** An object whose properties are objects, each read by {@code reader}; absent means empty. */
  static <T> Map<String, T> objectMap(In in, String name, List<String> known, Function<In, T> reader) {
    Map<String, T> out = new LinkedHashMap<>();
    if (!in.has(name)) {
      return out;
    }
    JsonNode v = in.require(name);
    String at = in.childPath(name);
    if (!v.isObject()) {
      throw In.fail(in.doc(), at, "expected an object, but was " + In.describe(v));
    }
    for (Map.Entry<String, JsonNode> e : v.properties()) {
      out.put(e.getKey(), reader.apply(In.object(e.getValue(), Document.child(at, e.getKey()), in.doc(), known)));
    }
    return out;
  }

  /** Writes a map of objects sorted by key; left out when empty. */
  static <T> Out objectMap(Out out, String name, Map<String, T> values, Function<T, ObjectNode> writer) {
    if (!values.isEmpty()) {
      ObjectNode o = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
      new java.util.TreeMap<>(values).forEach((k, v) -> o.set(k, writer.apply(v)));
      out.value(name, o);
    }
    return out;
  }

  static Optional<String> optNonBlank(In in, String name) {
    Optional<String> s = in.optString(name);
    if (s.isPresent() && s.get().isBlank()) {
      throw in.failAt(name, "must not be blank when present (leave it out instead), but was '" + s.get() + "'");
    }
    return s;
  }
}
