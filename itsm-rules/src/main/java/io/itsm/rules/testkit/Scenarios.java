package io.itsm.rules.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.itsm.core.incident.Ticket;
import io.itsm.core.json.ItsmJson;
import io.itsm.core.json.JsonFormatException;
import io.itsm.core.triage.TriageAttribute;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Reads scenario files (format in {@code docs/testing.md}):
 *
 * <pre>{@code
 * {"scenarios": [
 *   {"name": "VPN drops for a VIP",
 *    "ticket": {"title": "VPN drops every few minutes", "caller": {"id": "u1", "vip": true}},
 *    "expect": {"category": "network", "priority": "P2", "team": "network-ops",
 *               "decidedBy": {"priority": "VIP callers raise the priority one level"}}}]}
 * }</pre>
 *
 * <p>A file may also be a bare JSON array of scenarios. The ticket is in the ticket format of
 * {@link ItsmJson}. Reading is strict: unknown or duplicate properties, values of the wrong type
 * and invalid values are {@link ScenarioFormatException}s naming the file, the scenario and the
 * JSON path.
 *
 * <p>Stateless and thread-safe.
 */
public final class Scenarios {

  /** The properties of a scenario. */
  static final List<String> SCENARIO_KEYS = List.of("name", "description", "ticket", "expect");

  private static final List<String> EXPECT_KEYS = expectKeys();

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private Scenarios() {}

  /**
   * Reads the scenarios of a file, or of every {@code *.json} file in a directory (not its
   * subdirectories) in file-name order.
   *
   * @param fileOrDirectory a scenario file or a directory of them
   * @return the scenarios in file order
   * @throws ScenarioFormatException if a file is not valid, a scenario name repeats within a file,
   *     or a directory holds no {@code *.json} file
   * @throws UncheckedIOException if a file cannot be read
   */
  public static List<Scenario> load(Path fileOrDirectory) {
    Objects.requireNonNull(fileOrDirectory, "fileOrDirectory");
    if (!Files.isDirectory(fileOrDirectory)) {
      return loadFile(fileOrDirectory);
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(fileOrDirectory)) {
      files =
          list.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list scenario directory " + fileOrDirectory, e);
    }
    if (files.isEmpty()) {
      throw new ScenarioFormatException(
          fileOrDirectory.toString(), fileOrDirectory, -1, null, "$",
          "the directory holds no *.json scenario file", null);
    }
    List<Scenario> out = new ArrayList<>();
    for (Path f : files) {
      out.addAll(loadFile(f));
    }
    return List.copyOf(out);
  }

  private static List<Scenario> loadFile(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read scenario file " + file, e);
    }
    Path name = file.getFileName();
    return parse(text, name == null ? file.toString() : name.toString(), file);
  }

  /**
   * Reads scenarios from text.
   *
   * @param json the scenario document
   * @param sourceName the name used in messages and locations, for example a file name
   * @return the scenarios in document order
   * @throws ScenarioFormatException if the text is not a valid scenario document
   */
  public static List<Scenario> parse(String json, String sourceName) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(sourceName, "sourceName");
    return parse(json, sourceName, null);
  }

  private static List<Scenario> parse(String json, String source, Path file) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json.startsWith("\uFEFF") ? json.substring(1) : json);
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " (line " + e.getLocation().getLineNr() + ", column "
                  + e.getLocation().getColumnNr() + ")";
      throw new ScenarioFormatException(
          source, file, -1, null, "$", "not valid JSON: " + e.getOriginalMessage() + where, e);
    }
    if (root == null || root.isMissingNode()) {
      throw new ScenarioFormatException(source, file, -1, null, "$", "the file is empty", null);
    }
    JsonNode list;
    String listPath;
    if (root.isArray()) {
      list = root;
      listPath = "$";
    } else if (root.isObject()) {
      checkKeys(root, List.of("scenarios"), new Ctx(source, file, -1, null, "$"));
      list = root.get("scenarios");
      listPath = "$.scenarios";
      if (list == null || !list.isArray()) {
        throw new ScenarioFormatException(
            source, file, -1, null, listPath,
            "scenarios is required: an array of scenario objects", null);
      }
    } else {
      throw new ScenarioFormatException(
          source, file, -1, null, "$",
          "a scenario file must be an object {\"scenarios\": [...]} or an array of scenarios, but"
              + " was " + kind(root),
          null);
    }
    List<Scenario> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      String at = listPath + "[" + i + "]";
      Scenario s = scenario(list.get(i), new Ctx(source, file, i, null, at));
      if (!names.add(s.name())) {
        throw new ScenarioFormatException(
            source, file, i, s.name(), at + ".name",
            "the name '" + s.name() + "' is used by an earlier scenario; names must be unique in"
                + " a file", null);
      }
      out.add(s);
    }
    return List.copyOf(out);
  }

  private static Scenario scenario(JsonNode node, Ctx ctx) {
    if (!node.isObject()) {
      throw ctx.fail(ctx.path, "a scenario must be an object, but was " + kind(node));
    }
    JsonNode nameNode = node.get("name");
    if (nameNode == null || nameNode.isNull() || !nameNode.isTextual()
        || nameNode.textValue().isBlank()) {
      throw ctx.fail(
          ctx.path + ".name", "name is required: a non-blank string, but was "
              + (nameNode == null ? "missing" : kind(nameNode)));
    }
    String name = nameNode.textValue();
    Ctx c = ctx.named(name);
    checkKeys(node, SCENARIO_KEYS, c);
    String description = "";
    JsonNode d = node.get("description");
    if (d != null && !d.isNull()) {
      if (!d.isTextual()) {
        throw c.fail(c.path + ".description", "description must be a string, but was " + kind(d));
      }
      description = d.textValue();
    }
    JsonNode t = node.get("ticket");
    if (t == null || t.isNull()) {
      throw c.fail(c.path + ".ticket", "ticket is required: a ticket object (docs/json.md)");
    }
    Ticket ticket;
    try {
      ticket = ItsmJson.defaults().readTicket(MAPPER.writeValueAsString(t));
    } catch (JsonFormatException e) {
      throw new ScenarioFormatException(
          c.source, c.file, c.index, name, c.path + ".ticket" + e.getPath().substring(1),
          e.getProblem(), e);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    JsonNode e = node.get("expect");
    Expectation expect = e == null || e.isNull() ? Expectation.none() : expectation(e, c);
    String location = c.source + " " + c.path;
    return new Scenario(name, description, ticket, expect, Optional.ofNullable(c.file), location);
  }

  private static Expectation expectation(JsonNode node, Ctx c) {
    String at = c.path + ".expect";
    if (!node.isObject()) {
      throw c.fail(at, "expect must be an object, but was " + kind(node));
    }
    checkKeys(node, EXPECT_KEYS, c.at(at));
    Map<TriageAttribute, Optional<Object>> values = new EnumMap<>(TriageAttribute.class);
    for (Map.Entry<String, TriageAttribute> k : Expectation.KEYS.entrySet()) {
      JsonNode v = node.get(k.getKey());
      if (v == null) {
        continue;
      }
      String p = at + "." + k.getKey();
      TriageAttribute attribute = k.getValue();
      if (attribute == TriageAttribute.APPROVAL_REQUIRED) {
        if (!v.isBoolean()) {
          throw c.fail(p, "approvalRequired must be true or false, but was " + kind(v));
        }
        values.put(attribute, Optional.of(v.booleanValue()));
        continue;
      }
      if (v.isNull()) {
        values.put(attribute, Optional.empty());
        continue;
      }
      if (!v.isTextual()) {
        throw c.fail(p, k.getKey() + " must be a string (or null for undecided), but was "
            + kind(v));
      }
      String problem = Expectation.problem(attribute, v.textValue());
      if (problem != null) {
        throw c.fail(p, problem);
      }
      values.put(attribute, Optional.of(attribute.parse(v.textValue()))); // typed once, here
    }
    Optional<Set<String>> tags = Optional.empty();
    JsonNode tn = node.get("tags");
    if (tn != null) {
      if (!tn.isArray()) {
        throw c.fail(at + ".tags", "tags must be an array of strings, but was " + kind(tn));
      }
      Set<String> set = new TreeSet<>();
      for (int i = 0; i < tn.size(); i++) {
        JsonNode tag = tn.get(i);
        if (!tag.isTextual() || tag.textValue().isBlank()) {
          throw c.fail(at + ".tags[" + i + "]", "a tag must be a non-blank string, but was "
              + kind(tag));
        }
        set.add(tag.textValue());
      }
      tags = Optional.of(set);
    }
    Map<TriageAttribute, String> decidedBy = new EnumMap<>(TriageAttribute.class);
    JsonNode dn = node.get("decidedBy");
    if (dn != null) {
      String dp = at + ".decidedBy";
      if (!dn.isObject()) {
        throw c.fail(dp, "decidedBy must be an object of attribute → rule name, but was "
            + kind(dn));
      }
      checkKeys(dn, List.copyOf(Expectation.KEYS.keySet()), c.at(dp));
      for (Iterator<Map.Entry<String, JsonNode>> it = dn.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        if (!f.getValue().isTextual() || f.getValue().textValue().isBlank()) {
          throw c.fail(dp + "." + f.getKey(), "decidedBy." + f.getKey()
              + " must be a rule name (a non-blank string), but was " + kind(f.getValue()));
        }
        decidedBy.put(Expectation.KEYS.get(f.getKey()), f.getValue().textValue());
      }
    }
    return new Expectation(values, tags, decidedBy);
  }

  private static void checkKeys(JsonNode object, List<String> known, Ctx c) {
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!known.contains(key)) {
        throw c.fail(
            c.path + "." + key,
            "unknown property '" + key + "'; known properties: " + String.join(", ", known));
      }
    }
  }

  private static String kind(JsonNode n) {
    if (n.isNull()) {
      return "null";
    }
    if (n.isTextual()) {
      return "the string '" + n.textValue() + "'";
    }
    if (n.isNumber() || n.isBoolean()) {
      return n.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + n;
    }
    return n.isArray() ? "an array" : n.isObject() ? "an object" : n.getNodeType().toString();
  }

  private static List<String> expectKeys() {
    List<String> keys = new ArrayList<>(Expectation.KEYS.keySet());
    keys.add("tags");
    keys.add("decidedBy");
    return List.copyOf(keys);
  }

  /** Where the parser is: for messages. */
  private record Ctx(String source, Path file, int index, String name, String path) {
    Ctx named(String n) {
      return new Ctx(source, file, index, n, path);
    }

    Ctx at(String p) {
      return new Ctx(source, file, index, name, p);
    }

    ScenarioFormatException fail(String at, String problem) {
      return new ScenarioFormatException(source, file, index, name, at, problem, null);
    }
  }
}
