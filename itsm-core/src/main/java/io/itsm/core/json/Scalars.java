package io.itsm.core.json;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleDeserializers;
import java.io.IOException;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * The few values read more strictly than Jackson's defaults: strings that must not be blank,
 * instants (ISO-8601 strings only), enums (exact names only) and {@code formatVersion}; and, for
 * the other practices' records, durations, time zones and times of day (strings only). Their
 * problems are {@link Problem}s, which {@link ErrorTranslator} reports as they are.
 *
 * <p>Stateless and thread-safe.
 */
final class Scalars {

  private Scalars() {}

  /** An example instant, shown in messages. */
  static final String INSTANT_EXAMPLE = "2026-11-23T08:15:00Z";

  /** Marks a string property that must not be blank (put on a record component or in a mixin). */
  @Retention(RetentionPolicy.RUNTIME)
  @JacksonAnnotationsInside
  @JsonDeserialize(using = NotBlankString.class)
  @interface NotBlank {}

  /**
   * Marks a string property as free text though its name is none of {@link
   * FormatRules#FREE_TEXT}: absent or {@code null} reads as {@code ""}, and it is written only when
   * not empty.
   */
  @Retention(RetentionPolicy.RUNTIME)
  @JacksonAnnotationsInside
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @interface FreeText {}

  /**
   * A problem with one value, already in words: {@link ErrorTranslator} prefixes the path and the
   * position.
   */
  static final class Problem extends JsonMappingException {
    private static final long serialVersionUID = 1L;

    private final String problem;

    Problem(JsonParser p, String problem) {
      super(p, problem, p.currentTokenLocation());
      this.problem = problem;
    }

    String problem() {
      return problem;
    }
  }

  /** A string that must not be blank. */
  static final class NotBlankString extends StdScalarDeserializer<String> {
    private static final long serialVersionUID = 1L;

    NotBlankString() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String value = p.hasToken(JsonToken.VALUE_STRING) ? p.getText() : _parseString(p, ctxt, this);
      if (value.isBlank()) {
        throw new Problem(p, "must not be blank, but was '" + value + "'");
      }
      return WellFormedString.check(p, value);
    }
  }

  /**
   * Any string: as Jackson reads it, but one holding half of a surrogate pair (a {@code \\uD800}
   * escape without its partner) is refused, since it is no text at all.
   */
  static final class WellFormedString extends StringDeserializer {
    private static final long serialVersionUID = 1L;

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String value = super.deserialize(p, ctxt);
      return value == null ? null : check(p, value);
    }

    static String check(JsonParser p, String value) throws Problem {
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < value.length()
            && Character.isLowSurrogate(value.charAt(i + 1))) {
          i++;
        } else if (Character.isSurrogate(c)) {
          throw new Problem(p, "holds a lone surrogate \\u" + String.format("%04X", (int) c)
              + " at character " + (i + 1) + ", half of a character's escape: write the whole"
              + " pair (such as \\uD83D\\uDE00) or the character itself");
        }
      }
      return value;
    }
  }

  /**
   * An instant as an ISO-8601 string, in UTC or with an offset. Stricter than Jackson's own, which
   * also takes numbers and quoted numbers as seconds since 1970 and trims spaces.
   */
  static final class IsoInstant extends StdScalarDeserializer<Instant> {
    private static final long serialVersionUID = 1L;

    IsoInstant() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.hasToken(JsonToken.VALUE_STRING)) {
        return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
      }
      try {
        return DateTimeFormatter.ISO_INSTANT.parse(p.getText(), Instant::from);
      } catch (DateTimeParseException e) {
        throw new Problem(
            p, "'" + p.getText() + "' is not an ISO-8601 instant such as " + INSTANT_EXAMPLE);
      }
    }
  }

  /** A duration as an ISO-8601 string such as {@code "PT72H"}; Jackson's own also takes numbers. */
  static final class IsoDuration extends StdScalarDeserializer<Duration> {
    private static final long serialVersionUID = 1L;

    IsoDuration() {
      super(Duration.class);
    }

    @Override
    public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.hasToken(JsonToken.VALUE_STRING)) {
        return (Duration) ctxt.handleUnexpectedToken(Duration.class, p);
      }
      try {
        return Duration.parse(p.getText());
      } catch (DateTimeParseException e) {
        throw new Problem(p, "'" + p.getText() + "' is not an ISO-8601 duration such as PT72H or P3D");
      }
    }
  }

  /** A time zone by its id, such as {@code "Europe/Stockholm"}, {@code "UTC"} or {@code "+01:00"}. */
  static final class Zone extends StdScalarDeserializer<ZoneId> {
    private static final long serialVersionUID = 1L;

    Zone() {
      super(ZoneId.class);
    }

    @Override
    public ZoneId deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.hasToken(JsonToken.VALUE_STRING)) {
        return (ZoneId) ctxt.handleUnexpectedToken(ZoneId.class, p);
      }
      try {
        return ZoneId.of(p.getText());
      } catch (DateTimeException e) {
        throw new Problem(p, "'" + p.getText() + "' is not a time zone such as Europe/Stockholm or UTC");
      }
    }
  }

  /** A time of day such as {@code "22:00"} (seconds allowed). */
  static final class TimeOfDay extends StdScalarDeserializer<LocalTime> {
    private static final long serialVersionUID = 1L;

    TimeOfDay() {
      super(LocalTime.class);
    }

    @Override
    public LocalTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.hasToken(JsonToken.VALUE_STRING)) {
        return (LocalTime) ctxt.handleUnexpectedToken(LocalTime.class, p);
      }
      try {
        return LocalTime.parse(p.getText());
      } catch (DateTimeParseException e) {
        throw new Problem(p, "'" + p.getText() + "' is not a time of day such as 22:00");
      }
    }
  }

  /** Finds {@link ExactEnum} for every enum of ours. */
  static final class ExactEnums extends SimpleDeserializers {
    private static final long serialVersionUID = 1L;

    @Override
    public JsonDeserializer<?> findEnumDeserializer(
        Class<?> type, DeserializationConfig config, BeanDescription description) {
      return type.getName().startsWith("io.itsm.") ? new ExactEnum(type) : null;
    }
  }

  /**
   * An enum by its exact name. Jackson's own also takes the name with spaces around it, and
   * numbers as positions.
   */
  static final class ExactEnum extends StdScalarDeserializer<Object> {
    private static final long serialVersionUID = 1L;

    private final Map<String, Object> byName = new HashMap<>();

    ExactEnum(Class<?> type) {
      super(type);
      for (Object constant : type.getEnumConstants()) {
        byName.put(((Enum<?>) constant).name(), constant);
      }
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.hasToken(JsonToken.VALUE_STRING)) {
        return ctxt.handleUnexpectedToken(handledType(), p);
      }
      Object value = byName.get(p.getText());
      return value != null
          ? value
          : ctxt.handleWeirdStringValue(handledType(), p.getText(), "not one of the names");
    }
  }

  /** {@code formatVersion}: exactly {@value ItsmJson#FORMAT_VERSION}. */
  static final class FormatVersion extends StdScalarDeserializer<Integer> {
    private static final long serialVersionUID = 1L;

    FormatVersion() {
      super(Integer.class);
    }

    @Override
    public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      int version = _parseIntPrimitive(p, ctxt);
      if (version != ItsmJson.FORMAT_VERSION) {
        throw new Problem(
            p,
            "this reader understands format version "
                + ItsmJson.FORMAT_VERSION
                + ", but the document has "
                + version);
      }
      return version;
    }
  }
}
