package io.itsm.kafka.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.itsm.kafka.RulesStatus;
import io.itsm.kafka.RulesVersion;
import io.itsm.rules.RuleProblem;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON of {@link RulesStatus} (docs/kafka.md, "Status topic"), keys in a fixed order.
 *
 * <p>Thread-safe.
 */
public final class StatusJson {

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private StatusJson() {}

  /**
   * Writes a status.
   *
   * @param s the status
   * @return one JSON object on one line
   */
  public static String write(RulesStatus s) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      RulesVersion v = s.serving();
      g.writeStartObject();
      g.writeStringField("event", s.event().name());
      g.writeStringField("source", s.source());
      g.writeNumberField("version", v.version());
      g.writeStringField("hash", v.hash());
      g.writeArrayFieldStart("files");
      for (String f : v.files()) {
        g.writeString(f);
      }
      g.writeEndArray();
      g.writeNumberField("rules", v.ruleCount());
      g.writeStringField("loadedAt", v.loadedAt().toString());
      g.writeStringField("at", s.at().toString());
      if (s.event() == RulesStatus.Event.RELOAD_FAILED) {
        g.writeStringField("failedHash", s.failedHash());
      }
      g.writeArrayFieldStart("problems");
      for (RuleProblem p : s.problems()) {
        g.writeStartObject();
        g.writeStringField("file", p.file());
        g.writeNumberField("line", p.line());
        g.writeNumberField("column", p.column());
        g.writeStringField("message", p.message());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }

  /**
   * Reads a status.
   *
   * @param json the JSON
   * @return the status
   * @throws IllegalArgumentException naming the field that is missing or wrong
   */
  public static RulesStatus read(String json) {
    JsonNode n;
    try {
      n = MAPPER.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a status record: malformed JSON: "
          + e.getMessage(), e);
    }
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException("not a status record: expected a JSON object");
    }
    RulesStatus.Event event;
    try {
      event = RulesStatus.Event.valueOf(text(n, "event"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("event: must be LOADED or RELOAD_FAILED, but was "
          + n.get("event"), e);
    }
    List<String> files = new ArrayList<>();
    for (JsonNode f : array(n, "files")) {
      files.add(f.asText());
    }
    RulesVersion v = new RulesVersion(number(n, "version"), text(n, "hash"), files,
        (int) number(n, "rules"), instant(n, "loadedAt"));
    List<RuleProblem> problems = new ArrayList<>();
    for (JsonNode p : array(n, "problems")) {
      problems.add(new RuleProblem(text(p, "file"), (int) number(p, "line"),
          (int) number(p, "column"), text(p, "message")));
    }
    String failedHash = n.hasNonNull("failedHash") ? n.get("failedHash").asText() : "";
    return new RulesStatus(event, text(n, "source"), v, instant(n, "at"), failedHash, problems);
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException(field + ": missing, or not a string");
    }
    return v.asText();
  }

  private static long number(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isIntegralNumber()) {
      throw new IllegalArgumentException(field + ": missing, or not a whole number");
    }
    return v.asLong();
  }

  private static JsonNode array(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isArray()) {
      throw new IllegalArgumentException(field + ": missing, or not an array");
    }
    return v;
  }

  private static Instant instant(JsonNode n, String field) {
    try {
      return Instant.parse(text(n, field));
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(field + ": not an ISO-8601 instant: " + n.get(field), e);
    }
  }
}
