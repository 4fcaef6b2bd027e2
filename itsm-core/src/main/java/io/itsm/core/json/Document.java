package io.itsm.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One parsed JSON document: its tree and the line and column where each value starts, by JSON
 * path. Jackson's own tree keeps no positions; this one does, so that every error can say where.
 *
 * <p>Immutable after {@link #parse}; not shared between threads.
 */
final class Document {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final Map<String, long[]> positions = new HashMap<>();
  private JsonNode root;
  private String currentPath = "$";

  private Document() {}

  /**
   * Reads exactly one JSON value from a parser and closes it.
   *
   * @throws JsonFormatException if the text is not one well-formed JSON value
   * @throws UncheckedIOException if reading fails for another reason
   */
  static Document parse(JsonFactory factory, ParserSource source) {
    Document doc = new Document();
    try (JsonParser parser = source.open(factory)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new JsonFormatException(
            "$", "malformed JSON: no content, expected a JSON object", 0, 0, null);
      }
      doc.root = doc.readValue(parser, "$");
      JsonToken extra = parser.nextToken();
      if (extra != null) {
        JsonLocation at = parser.currentTokenLocation();
        throw new JsonFormatException(
            "$",
            "malformed JSON: unexpected content after the end of the document",
            at.getLineNr(),
            at.getColumnNr(),
            null);
      }
      return doc;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      long line = at == null ? 0 : at.getLineNr();
      long column = at == null ? 0 : at.getColumnNr();
      String path =
          e.getProcessor() instanceof JsonParser p
              ? pathOf(p.getParsingContext())
              : doc.currentPath;
      throw new JsonFormatException(
          path,
          "malformed JSON"
              + (path.equals("$") ? "" : " in " + display(path))
              + ": "
              + e.getOriginalMessage(),
          line,
          column,
          e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Opens a parser on some input. */
  @FunctionalInterface
  interface ParserSource {
    JsonParser open(JsonFactory factory) throws IOException;
  }

  JsonNode root() {
    return root;
  }

  /** Returns {line, column} of the value at {@code path}, or {0, 0} when unknown. */
  long[] positionOf(String path) {
    long[] p = positions.get(path);
    return p == null ? new long[] {0, 0} : p;
  }

  private JsonNode readValue(JsonParser p, String path) throws IOException {
    currentPath = path;
    JsonLocation at = p.currentTokenLocation();
    positions.put(path, new long[] {at.getLineNr(), at.getColumnNr()});
    JsonToken token = p.currentToken();
    switch (token) {
      case START_OBJECT:
        {
          ObjectNode object = NODES.objectNode();
          JsonToken t;
          while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            String child = child(path, name);
            currentPath = child;
            p.nextToken();
            object.set(name, readValue(p, child));
            currentPath = path;
          }
          expect(t, JsonToken.END_OBJECT, p);
          return object;
        }
      case START_ARRAY:
        {
          ArrayNode array = NODES.arrayNode();
          int i = 0;
          JsonToken t;
          while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
              expect(t, JsonToken.END_ARRAY, p);
            }
            array.add(readValue(p, index(path, i++)));
            currentPath = path;
          }
          return array;
        }
      case VALUE_STRING:
        return NODES.textNode(p.getText());
      case VALUE_NUMBER_INT:
        switch (p.getNumberType()) {
          case INT:
            return NODES.numberNode(p.getIntValue());
          case LONG:
            return NODES.numberNode(p.getLongValue());
          default:
            return NODES.numberNode(p.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT:
        return NODES.numberNode(p.getDecimalValue());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        throw new JsonFormatException(
            path, "malformed JSON: unexpected " + token, at.getLineNr(), at.getColumnNr(), null);
    }
  }

  private void expect(JsonToken actual, JsonToken expected, JsonParser p) {
    if (actual != expected) {
      JsonLocation at = p.currentLocation();
      throw new JsonFormatException(
          currentPath,
          "malformed JSON: unexpected "
              + (actual == null ? "end of input" : actual.toString())
              + ", expected "
              + expected,
          at.getLineNr(),
          at.getColumnNr(),
          null);
    }
  }

  /** The path the parser had reached: the innermost property name or array index known. */
  private static String pathOf(JsonStreamContext context) {
    if (context == null || context.inRoot()) {
      return "$";
    }
    String parent = pathOf(context.getParent());
    if (context.inArray()) {
      return context.hasCurrentIndex() ? index(parent, context.getCurrentIndex()) : parent;
    }
    String name = context.getCurrentName();
    return name == null ? parent : child(parent, name);
  }

  /** The path of property {@code name} in the object at {@code parent}. */
  static String child(String parent, String name) {
    if (PLAIN_NAME.matcher(name).matches()) {
      return parent + "." + name;
    }
    return parent + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
  }

  /** The path of element {@code i} in the array at {@code parent}. */
  static String index(String parent, int i) {
    return parent + "[" + i + "]";
  }

  /** A path as shown in messages: {@code $} for the root, otherwise without the leading {@code $.}. */
  static String display(String path) {
    if (path.equals("$")) {
      return "$";
    }
    return path.startsWith("$.") ? path.substring(2) : path.substring(1);
  }
}
