package io.itsm.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.itsm.core.incident.Priority;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A record added to the model needs no mapping code: it maps by its components under the general
 * rules of docs/json.md. {@code Contribution} stands for such a new record (as a decision's
 * provenance is), without any annotation or mixin.
 */
class FormatRulesTest {

  /** A new, unannotated record of ours. */
  record Contribution(
      String rule,
      Priority value,
      Optional<String> attribute,
      String reason,
      List<String> overruled,
      Set<String> tags,
      Map<String, String> facts,
      int weight,
      Instant at) {}

  private static final JsonMapper MAPPER = Mapping.create();
  private static final ErrorTranslator ERRORS = new ErrorTranslator(MAPPER);
  private static final Instant T0 = Instant.parse("2026-11-23T08:15:00Z");

  private static Contribution read(String json) {
    try (JsonParser p = MAPPER.createParser(json)) {
      try {
        return MAPPER.readValue(p, Contribution.class);
      } catch (JacksonException e) {
        throw ERRORS.translate(e, p);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void newRecord_isWrittenInComponentOrder_leavingOutAbsentAndEmptyValues() throws Exception {
    Contribution c =
        new Contribution(
            "VIP callers get P2", Priority.P2, Optional.empty(), "", List.of(),
            Set.of("b", "a"), Map.of("z", "1", "y", "2"), 3, T0);

    String text = MAPPER.writeValueAsString(c);

    assertThat(text)
        .isEqualTo(
            "{\"rule\":\"VIP callers get P2\",\"value\":\"P2\",\"reason\":\"\",\"tags\":[\"a\",\"b\"],"
                + "\"facts\":{\"y\":\"2\",\"z\":\"1\"},\"weight\":3,\"at\":\"2026-11-23T08:15:00Z\"}");
    assertThat(read(text)).isEqualTo(c);
  }

  @Test
  void newRecord_optionalsCollectionsAndFreeText_mayBeLeftOut() {
    Contribution c =
        read("{\"rule\":\"r\",\"value\":\"P3\",\"weight\":0,\"at\":\"2026-11-23T08:15:00Z\","
            + "\"attribute\":null,\"overruled\":null}");

    assertThat(c)
        .isEqualTo(
            new Contribution(
                "r", Priority.P3, Optional.empty(), "", List.of(), Set.of(), Map.of(), 0, T0));
  }

  @Test
  void newRecord_otherComponentsAreRequired() {
    JsonFormatException missing =
        catchThrowableOfType(
            JsonFormatException.class,
            () -> read("{\"value\":\"P3\",\"weight\":0,\"at\":\"2026-11-23T08:15:00Z\"}"));
    JsonFormatException missingNumber =
        catchThrowableOfType(
            JsonFormatException.class,
            () -> read("{\"rule\":\"r\",\"value\":\"P3\",\"at\":\"2026-11-23T08:15:00Z\"}"));
    JsonFormatException nullValue =
        catchThrowableOfType(
            JsonFormatException.class,
            () -> read("{\"rule\":\"r\",\"value\":null,\"weight\":0,\"at\":\"2026-11-23T08:15:00Z\"}"));

    assertThat(missing.getProblem()).isEqualTo("rule: required, but missing");
    assertThat(missingNumber.getProblem()).isEqualTo("weight: required, but missing");
    assertThat(nullValue.getProblem()).isEqualTo("value: required, but was null");
  }

  @Test
  void newRecord_unknownPropertiesAreRejectedWhereTheyAre() {
    JsonFormatException e =
        catchThrowableOfType(JsonFormatException.class, () -> read("{\"rul\":\"r\"}"));

    assertThat(e.getPath()).isEqualTo("$.rul");
    assertThat(e.getColumn()).hasValue(8);
    assertThat(e.getProblem())
        .isEqualTo(
            "unknown property 'rul' at $; known properties: rule, value, attribute, reason,"
                + " overruled, tags, facts, weight, at; did you mean 'rule'?");
  }
}
