package io.itsm.core.json;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import io.itsm.core.ValidationException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns every exception Jackson throws while reading into a {@link JsonFormatException}: the JSON
 * path ({@code $.caller.id}), the problem in words with the allowed values, and for an unknown
 * property, enum value or type the one close name ("did you mean"). The position is the parser's
 * token when the exception was thrown on it: the offending value, or the closing brace of an
 * object at fault as a whole.
 *
 * <p>Immutable and thread-safe.
 */
final class ErrorTranslator {

  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern LEADING_NAME = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*");

  private final ObjectMapper mapper;

  ErrorTranslator(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * Translates one exception; call it before the parser is closed.
   *
   * @param e what Jackson threw
   * @param parser the parser that was reading, or {@code null}
   * @return the exception to throw
   */
  JsonFormatException translate(JacksonException e, JsonParser parser) {
    JacksonException root = e;
    while (root.getCause() instanceof JacksonException cause) {
      root = cause;
    }
    if (root instanceof StreamReadException s && !(s instanceof InputCoercionException)) {
      String path = contextPath(parser);
      JsonLocation l = s.getLocation();
      return new JsonFormatException(path, "malformed JSON"
              + (path.equals("$") ? "" : " in " + display(path)) + ": " + s.getOriginalMessage(),
          l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(), s);
    }
    Value v = Value.of(e, parser);
    JsonMappingException m = e instanceof JsonMappingException jm ? jm : null;
    String path = m == null ? contextPath(parser) : path(m, 0);
    if (root instanceof InputCoercionException c) {
      boolean isLong = c.getTargetType() == Long.TYPE || c.getTargetType() == Long.class;
      return v.fail(path, "expected a whole number up to "
          + (isLong ? Long.MAX_VALUE : Integer.MAX_VALUE) + ", but was " + v.text());
    }
    if (m instanceof Scalars.Problem p) {
      return v.fail(path, p.problem());
    }
    if (m instanceof UnrecognizedPropertyException u) {
      List<String> known = knownProperties(u.getReferringClass());
      return v.at(path, "unknown property '" + u.getPropertyName() + "' at "
          + display(path(m, 1)) + "; known properties: " + String.join(", ", known)
          + suggestion(u.getPropertyName(), known), e);
    }
    if (m instanceof InvalidTypeIdException t) {
      return typeId(t, path, v);
    }
    if (m instanceof InvalidNullException n) {
      return isElement(m)
          ? v.fail(path, expected(mapper.constructType(n.getTargetType()), v))
          : v.fail(path, "required, but was null");
    }
    if (m instanceof ValueInstantiationException i && i.getCause() instanceof ValidationException x) {
      return modelProblem(path, knownProperties(i.getType().getRawClass()), x, v);
    }
    if (m instanceof MismatchedInputException mi
        && mi.getOriginalMessage().startsWith("Missing required creator property")) {
      return v.fail(path, "required, but missing");
    }
    if (m instanceof MismatchedInputException mi && mi.getTargetType() != null) {
      Class<?> target = mi.getTargetType();
      boolean container = Collection.class.isAssignableFrom(target) || Map.class.isAssignableFrom(target);
      JavaType type = container ? declaredType(m).orElse(null) : null;
      return v.fail(path, expected(type != null ? type : mapper.constructType(target), v));
    }
    Throwable cause = e.getCause() instanceof RuntimeException r ? r : e;
    return v.at(path, display(path) + ": "
        + (cause == e ? e.getOriginalMessage() : cause.getMessage()), cause);
  }

  private JsonFormatException typeId(InvalidTypeIdException t, String path, Value v) {
    if (t.getTypeId() == null && v.onValue() && v.token() != JsonToken.START_OBJECT) {
      return v.fail(path, "expected an object, but was " + v.was());
    }
    String property = typeProperty(t.getBaseType()).orElse("type");
    Class<?> base = t.getBaseType().getRawClass();
    List<String> ids = base.isSealed()
        ? Arrays.stream(base.getPermittedSubclasses()).map(Class::getSimpleName).toList()
        : List.of();
    String typePath = child(path, property);
    if (t.getTypeId() == null) {
      return v.fail(typePath, "required, but missing; one of " + String.join(", ", ids));
    }
    Value at = v.onProperty(property);
    String given = at.onValue() && !at.isString() ? at.was() : "'" + t.getTypeId() + "'";
    return at.fail(typePath, given + " is not one of " + String.join(", ", ids)
        + suggestion(t.getTypeId(), ids));
  }

  /**
   * A {@link ValidationException} of the model, at the property its first problem names (as in
   * {@code "affectedUsers must be zero or more"}) or else at the object.
   */
  private static JsonFormatException modelProblem(
      String path, List<String> known, ValidationException e, Value v) {
    String first = e.getProblems().get(0);
    Matcher name = LEADING_NAME.matcher(first);
    String field = name.find() ? name.group() : "";
    String prefix = path.equals("$") ? "" : display(path);
    if (!known.contains(field)) {
      return v.at(path, (prefix.isEmpty() ? "" : prefix + ": ") + e.getMessage(), e);
    }
    String rest = first.substring(field.length());
    String element = rest.startsWith("[") ? rest.substring(0, rest.indexOf(']') + 1) : "";
    return v.at(child(path, field) + element,
        (prefix.isEmpty() ? "" : prefix + ".") + e.getMessage(), e);
  }

  /** What a value of {@code type} looks like, against what was found. */
  private static String expected(JavaType type, Value v) {
    JavaType t = type.isReferenceType() ? type.getReferencedType() : type;
    Class<?> raw = t.getRawClass();
    if (raw.isEnum()) {
      List<String> names =
          Arrays.stream(raw.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
      return v.isString()
          ? "'" + v.text() + "' is not one of " + String.join(", ", names)
              + suggestion(v.text(), names)
          : "expected one of " + String.join(", ", names) + ", but was " + v.was();
    }
    boolean ofStrings =
        t.getContentType() != null && t.getContentType().getRawClass() == String.class;
    String kind;
    if (raw == String.class) {
      kind = "a string";
    } else if (raw == Boolean.TYPE || raw == Boolean.class) {
      kind = "true or false";
    } else if (raw.isPrimitive() || Number.class.isAssignableFrom(raw)) {
      if (v.isFraction()) {
        return "expected a whole number, but was " + v.text();
      }
      kind = "a number";
    } else if (raw == Instant.class) {
      kind = "an ISO-8601 instant such as " + Scalars.INSTANT_EXAMPLE;
    } else if (raw == Duration.class) {
      kind = "an ISO-8601 duration such as PT72H";
    } else if (ZoneId.class.isAssignableFrom(raw)) {
      kind = "a time zone such as Europe/Stockholm";
    } else if (raw == LocalTime.class) {
      kind = "a time of day such as 22:00";
    } else if (t.isCollectionLikeType()) {
      kind = ofStrings ? "an array of strings" : "an array";
    } else {
      kind = t.isMapLikeType() && ofStrings ? "an object of strings" : "an object";
    }
    return "expected " + kind + ", but was " + v.was();
  }

  // ---------------------------------------------------------------- types and properties

  /** The properties of a type in the order they are written, its type property first. */
  private List<String> knownProperties(Class<?> type) {
    JavaType t = mapper.constructType(type);
    List<String> names = new ArrayList<>();
    typeProperty(t).ifPresent(names::add);
    mapper.getSerializationConfig().introspect(t).findProperties()
        .forEach(p -> names.add(p.getName()));
    return names;
  }

  private Optional<String> typeProperty(JavaType type) {
    try {
      TypeSerializer ts =
          mapper.getSerializerFactory().createTypeSerializer(mapper.getSerializationConfig(), type);
      return ts != null && ts.getTypeInclusion() == JsonTypeInfo.As.PROPERTY
          ? Optional.of(ts.getPropertyName())
          : Optional.empty();
    } catch (JsonMappingException e) {
      return Optional.empty();
    }
  }

  /** The declared type of the property the path ends at (to name a list's element type). */
  private Optional<JavaType> declaredType(JsonMappingException m) {
    List<Reference> refs = m.getPath();
    Reference last = refs.isEmpty() ? null : refs.get(refs.size() - 1);
    if (last == null || last.getFieldName() == null || last.getFrom() == null) {
      return Optional.empty();
    }
    Class<?> owner = last.getFrom() instanceof Class<?> c ? c : last.getFrom().getClass();
    return mapper.getDeserializationConfig().introspect(mapper.constructType(owner))
        .findProperties().stream()
        .filter(p -> p.getName().equals(last.getFieldName()))
        .map(BeanPropertyDefinition::getPrimaryType)
        .findFirst();
  }

  private static boolean isElement(JsonMappingException m) {
    List<Reference> refs = m.getPath();
    Reference last = refs.isEmpty() ? null : refs.get(refs.size() - 1);
    return last != null && (last.getIndex() >= 0 || last.getFrom() instanceof Map<?, ?>);
  }

  // ---------------------------------------------------------------- did you mean

  /** {@code "; did you mean 'x'?"} when exactly one candidate is close to {@code given}. */
  static String suggestion(String given, Collection<String> candidates) {
    int best = Integer.MAX_VALUE;
    List<String> closest = new ArrayList<>();
    for (String c : candidates) {
      int d = distance(given.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
      if (d < best) {
        best = d;
        closest.clear();
      }
      if (d == best) {
        closest.add(c);
      }
    }
    return closest.size() == 1 && best <= Math.max(1, given.length() / 3)
        ? "; did you mean '" + closest.get(0) + "'?"
        : "";
  }

  /** Edit distance counting a swap of two neighbouring letters as one edit ("titel" → "title"). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      for (int j = 0; j <= b.length(); j++) {
        if (i == 0 || j == 0) {
          d[i][j] = i + j;
          continue;
        }
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  // ---------------------------------------------------------------- paths

  /** The path of the exception's references, leaving out the last {@code dropLast}. */
  private static String path(JsonMappingException m, int dropLast) {
    String path = "$";
    List<Reference> refs = m.getPath();
    for (Reference r : refs.subList(0, Math.max(0, refs.size() - dropLast))) {
      path = r.getFieldName() != null ? child(path, r.getFieldName())
          : r.getIndex() >= 0 ? path + "[" + r.getIndex() + "]" : path;
    }
    return path;
  }

  /** The path the parser has reached: the innermost property name or array index known. */
  private static String contextPath(JsonParser parser) {
    return parser == null ? "$" : contextPath(parser.getParsingContext());
  }

  private static String contextPath(JsonStreamContext context) {
    if (context == null || context.inRoot()) {
      return "$";
    }
    String parent = contextPath(context.getParent());
    if (context.inArray()) {
      return context.hasCurrentIndex() ? parent + "[" + context.getCurrentIndex() + "]" : parent;
    }
    return context.getCurrentName() == null ? parent : child(parent, context.getCurrentName());
  }

  /** The path of property {@code name} in the object at {@code parent}. */
  static String child(String parent, String name) {
    return PLAIN_NAME.matcher(name).matches()
        ? parent + "." + name
        : parent + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
  }

  /** A path as shown in messages: {@code $} for the root, otherwise without the leading {@code $.}. */
  static String display(String path) {
    return path.equals("$") ? "$" : path.substring(path.startsWith("$.") ? 2 : 1);
  }

  // ---------------------------------------------------------------- the value at fault

  /**
   * Where the parser stood when Jackson threw. {@code onValue}: on the value the exception's path
   * names, so its token describes it; {@code atEnd}: on the end of the object at fault. Neither
   * when Jackson replayed buffered tokens (for example an event whose {@code "type"} is not first):
   * then only what the exception holds is known, and no position.
   */
  private record Value(JsonParser parser, boolean onValue, boolean atEnd, JacksonException error) {

    static Value of(JacksonException e, JsonParser parser) {
      Object processor = null;
      for (Throwable t = e; t != null && processor == null; t = t.getCause()) {
        processor = t instanceof JacksonException j ? j.getProcessor() : null;
      }
      if (parser == null || processor != parser) {
        return new Value(null, false, false, e);
      }
      JsonToken t = parser.currentToken();
      if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
        return new Value(parser, false, true, e);
      }
      JsonStreamContext context = parser.getParsingContext();
      if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
        context = context.getParent();
      }
      List<Reference> refs = e instanceof JsonMappingException m ? m.getPath() : List.of();
      Reference last = refs.isEmpty() ? null : refs.get(refs.size() - 1);
      boolean on = last == null ? context.inRoot()
          : last.getFieldName() != null
              ? context.inObject() && last.getFieldName().equals(context.getCurrentName())
              : context.inArray() && last.getIndex() == context.getCurrentIndex();
      return new Value(parser, on, false, e);
    }

    /** This value, if the parser stands on the value of property {@code name} instead. */
    Value onProperty(String name) {
      return parser != null && parser.currentToken() != null
              && parser.currentToken().isScalarValue()
              && name.equals(parser.getParsingContext().getCurrentName())
          ? new Value(parser, true, false, error)
          : this;
    }

    JsonToken token() {
      return onValue ? parser.currentToken() : null;
    }

    boolean isString() {
      return onValue ? token() == JsonToken.VALUE_STRING
          : error instanceof InvalidFormatException f && f.getValue() instanceof String;
    }

    boolean isFraction() {
      return onValue ? token() == JsonToken.VALUE_NUMBER_FLOAT
          : error instanceof InvalidFormatException f
              && (f.getValue() instanceof Double || f.getValue() instanceof java.math.BigDecimal);
    }

    String text() {
      try {
        if (onValue) {
          return parser.getText();
        }
      } catch (IOException e) {
        // fall back to what the exception holds
      }
      return error instanceof InvalidFormatException f ? String.valueOf(f.getValue()) : "?";
    }

    /** "a string 'x'", "a number 5", "true", "an array", ... */
    String was() {
      Object value = error instanceof InvalidFormatException f ? f.getValue() : null;
      if (!onValue) {
        return value instanceof String s ? "a string '" + s + "'"
            : value instanceof Number n ? "a number " + n
            : value != null ? String.valueOf(value) : "a value of another kind";
      }
      return switch (token()) {
        case VALUE_STRING -> "a string '" + text() + "'";
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number " + text();
        case VALUE_TRUE -> "true";
        case VALUE_FALSE -> "false";
        case VALUE_NULL -> "null";
        case START_ARRAY -> "an array";
        default -> "an object";
      };
    }

    JsonFormatException fail(String path, String problem) {
      return at(path, display(path) + ": " + problem, error);
    }

    JsonFormatException at(String path, String message, Throwable cause) {
      JsonLocation l = onValue || atEnd ? parser.currentTokenLocation() : null;
      return new JsonFormatException(
          path, message, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(), cause);
    }
  }
}
