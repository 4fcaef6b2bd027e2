package io.itsm.rules.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads JSON into a {@link JsonNode} tree with Jackson's streaming parser, without an {@code
 * ObjectMapper}: building the first {@code ObjectMapper} of a JVM costs a few hundred milliseconds
 * of class loading and set-up, which the bundled keyword dictionary and team map would otherwise
 * pay at start. The trees are the ones {@code ObjectMapper.readTree} builds (int, long, big integer
 * and double number nodes; the last of duplicate fields wins unless the factory rejects
 * duplicates; empty input is a missing node).
 *
 * <p>Thread-safe.
 */
public final class JsonTrees {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final JsonFactory factory;
  private final boolean failOnTrailingTokens;

  private JsonTrees(JsonFactory factory, boolean failOnTrailingTokens) {
    this.factory = factory;
    this.failOnTrailingTokens = failOnTrailingTokens;
  }

  /**
   * As a default {@code new ObjectMapper()}: duplicate fields allowed (the last wins), content
   * after the value ignored, the source closed after reading.
   *
   * @return the reader
   */
  public static JsonTrees lenient() {
    return new JsonTrees(new JsonFactory(), false);
  }

  /**
   * Duplicate fields rejected, content after the value rejected (as {@code
   * DeserializationFeature.FAIL_ON_TRAILING_TOKENS}), the source not closed.
   *
   * @return the reader
   */
  public static JsonTrees strict() {
    return new JsonTrees(
        JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build(),
        true);
  }

  /**
   * Reads JSON text.
   *
   * @param json the text
   * @return the tree; a missing node for empty input
   * @throws IOException if the JSON is not well-formed ({@code JsonProcessingException})
   */
  public JsonNode read(String json) throws IOException {
    try (JsonParser p = factory.createParser(json)) {
      return read(p);
    }
  }

  /**
   * Reads JSON bytes (UTF-8, 16 or 32, detected).
   *
   * @param json the stream, read to the end of the value
   * @return the tree; a missing node for empty input
   * @throws IOException if reading fails or the JSON is not well-formed ({@code
   *     JsonProcessingException})
   */
  public JsonNode read(InputStream json) throws IOException {
    try (JsonParser p = factory.createParser(json)) {
      return read(p);
    }
  }

  private JsonNode read(JsonParser p) throws IOException {
    JsonToken t = p.nextToken();
    if (t == null) {
      return NODES.missingNode();
    }
    JsonNode root = value(p, t);
    if (failOnTrailingTokens) {
      JsonToken trailing = p.nextToken();
      if (trailing != null) {
        throw MismatchedInputException.from(
            p,
            JsonNode.class,
            "Trailing token (of type " + trailing + ") found after value (bound as `"
                + JsonNode.class.getName()
                + "`): not allowed as per `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`");
      }
    }
    return root;
  }

  private static JsonNode value(JsonParser p, JsonToken t) throws IOException {
    switch (t) {
      case START_OBJECT:
        ObjectNode object = NODES.objectNode();
        for (JsonToken f = p.nextToken(); f != JsonToken.END_OBJECT; f = p.nextToken()) {
          String name = p.currentName();
          object.set(name, value(p, p.nextToken()));
        }
        return object;
      case START_ARRAY:
        ArrayNode array = NODES.arrayNode();
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
          array.add(value(p, e));
        }
        return array;
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
        return NODES.numberNode(p.getDoubleValue());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        throw MismatchedInputException.from(
            p, JsonNode.class, "Unexpected token (" + t + ") when reading a JSON tree");
    }
  }
}
