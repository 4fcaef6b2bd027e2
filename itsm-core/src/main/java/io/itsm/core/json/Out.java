package io.itsm.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes one JSON object with properties in the order they are added. Absent optionals and empty
 * collections are left out; sets are written sorted and maps sorted by key, so the same value
 * always gives the same text.
 *
 * <p>Not thread-safe; one per object written.
 */
final class Out {

  private final ObjectNode node = JsonNodeFactory.instance.objectNode();

  ObjectNode node() {
    return node;
  }

  Out string(String name, String value) {
    node.put(name, value);
    return this;
  }

  Out optString(String name, Optional<String> value) {
    value.ifPresent(v -> node.put(name, v));
    return this;
  }

  /** A string left out when empty. */
  Out text(String name, String value) {
    if (!value.isEmpty()) {
      node.put(name, value);
    }
    return this;
  }

  Out enumValue(String name, Enum<?> value) {
    node.put(name, value.name());
    return this;
  }

  Out optEnum(String name, Optional<? extends Enum<?>> value) {
    value.ifPresent(v -> node.put(name, v.name()));
    return this;
  }

  Out instant(String name, Instant value) {
    node.put(name, format(value));
    return this;
  }

  Out optInstant(String name, Optional<Instant> value) {
    value.ifPresent(v -> node.put(name, format(v)));
    return this;
  }

  static String format(Instant value) {
    return DateTimeFormatter.ISO_INSTANT.format(value);
  }

  Out number(String name, long value) {
    node.put(name, value);
    return this;
  }

  /** Writes a count only when it is not zero (a property added to the format later). */
  Out optNumber(String name, long value) {
    return value == 0 ? this : number(name, value);
  }

  Out bool(String name, boolean value) {
    node.put(name, value);
    return this;
  }

  Out strings(String name, List<String> values) {
    if (!values.isEmpty()) {
      ArrayNode array = node.putArray(name);
      values.forEach(array::add);
    }
    return this;
  }

  Out sortedStrings(String name, Collection<String> values) {
    return strings(name, List.copyOf(new TreeSet<>(values)));
  }

  Out stringMap(String name, Map<String, String> values) {
    if (!values.isEmpty()) {
      ObjectNode object = node.putObject(name);
      new TreeMap<>(values).forEach(object::put);
    }
    return this;
  }

  Out value(String name, JsonNode value) {
    node.set(name, value);
    return this;
  }

  Out optValue(String name, Optional<? extends JsonNode> value) {
    value.ifPresent(v -> node.set(name, v));
    return this;
  }

  Out array(String name, List<? extends JsonNode> values) {
    if (!values.isEmpty()) {
      ArrayNode array = node.putArray(name);
      values.forEach(array::add);
    }
    return this;
  }
}
