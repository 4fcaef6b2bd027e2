package io.itsm.rules.keywords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeywordDictionaryTest {

  private static String json(String categories) {
    return "{\"version\":1,\"categories\":[" + categories.replace('\'', '"') + "]}";
  }

  private static List<String> problemsOf(String json) {
    try {
      KeywordDictionary.fromJson(json);
    } catch (ValidationException e) {
      return e.getProblems();
    }
    throw new AssertionError("expected a ValidationException for " + json);
  }

  @Test
  void fromJson_validDocument_normalizesTermsInOrder() {
    KeywordDictionary dictionary =
        KeywordDictionary.fromJson(
            json(
                "{'category':'network','subcategory':'vpn',"
                    + "'terms':{'en':['VPN','Tunnel Down'],'de':['VPN-Verbindung']}},"
                    + "{'category':'hardware','terms':{'de':['Druck*']}}"));

    assertThat(dictionary.entries())
        .containsExactly(
            new KeywordEntry("network", "vpn", "en", "vpn"),
            new KeywordEntry("network", "vpn", "en", "tunnel down"),
            new KeywordEntry("network", "vpn", "de", "vpn verbindung"),
            new KeywordEntry("hardware", "", "de", "druck*"));
    assertThat(dictionary.categories()).containsExactly("hardware", "network");
    assertThat(dictionary.languages()).containsExactly("de", "en");
    assertThat(dictionary.entries().get(3).isPrefix()).isTrue();
    assertThat(dictionary.entries().get(3).tokens()).containsExactly("druck");
  }

  @Test
  void fromJson_inputStream_readsUtf8AndLeavesStreamOpen() throws Exception {
    byte[] bytes =
        json("{'category':'user-support','terms':{'de':['Passwort vergessen']}}")
            .getBytes(StandardCharsets.UTF_8);
    boolean[] closed = {false};
    InputStream in =
        new ByteArrayInputStream(bytes) {
          @Override
          public void close() {
            closed[0] = true;
          }
        };

    KeywordDictionary dictionary = KeywordDictionary.fromJson(in);

    assertThat(dictionary.entries())
        .containsExactly(new KeywordEntry("user-support", "", "de", "passwort vergessen"));
    assertThat(closed[0]).isFalse();
  }

  @Test
  void fromJson_nullSubcategoryAndDuplicates_areAccepted() {
    KeywordDictionary dictionary =
        KeywordDictionary.fromJson(
            json("{'category':'other','subcategory':null,'terms':{'en':['x1','X1','x1 ']}}"));
    assertThat(dictionary.entries()).containsExactly(new KeywordEntry("other", "", "en", "x1"));
  }

  @Test
  void fromJson_emptyCategories_isEmptyDictionary() {
    assertThat(KeywordDictionary.fromJson(json("")).isEmpty()).isTrue();
  }

  @Test
  void fromJson_notWellFormed_namesLineAndColumn() {
    assertThatThrownBy(() -> KeywordDictionary.fromJson("{\"version\":1,\n\"categories\":[}"))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("keywords JSON must be well-formed, but ")
        .hasMessageContaining("at line 2, column");
  }

  @Test
  void fromJson_duplicateProperty_isNotWellFormed() {
    assertThatThrownBy(() -> KeywordDictionary.fromJson("{\"version\":1,\"version\":1}"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Duplicate field 'version'");
  }

  @Test
  void fromJson_rootNotObject_isRejected() {
    assertThat(problemsOf("[]"))
        .containsExactly(
            "keywords JSON must be an object {\"version\": 1, \"categories\": [...]}, but was []");
  }

  @Test
  void fromJson_wrongVersionAndMissingCategories_areBothReported() {
    assertThat(problemsOf("{\"version\":2}"))
        .containsExactly(
            "version must be 1, but was 2", "categories must be an array, but was missing");
    assertThat(problemsOf("{\"categories\":[]}"))
        .containsExactly("version must be 1, but was missing");
  }

  @Test
  void fromJson_unknownProperties_areRejectedWithPath() {
    assertThat(
            problemsOf(
                "{\"version\":1,\"comment\":\"x\",\"categories\":[{\"category\":\"network\","
                    + "\"colour\":\"red\",\"terms\":{\"en\":[\"vpn\"]}}]}"))
        .containsExactly(
            "comment is not allowed: the known properties are categories, version",
            "categories[0].colour is not allowed: the known properties are category,"
                + " subcategory, terms");
  }

  @Test
  void fromJson_missingOrInvalidCategory_namesPath() {
    assertThat(problemsOf(json("{'terms':{'en':['vpn']}}")))
        .containsExactly("categories[0].category must be a string, but was missing");
    assertThat(problemsOf(json("{'category':'Network','terms':{'en':['vpn']}}")))
        .containsExactly(
            "categories[0].category must be a lower-case code of letters, digits and single"
                + " '-', '_' or '.' between them (such as \"user-support\"), but was"
                + " \"Network\"");
    assertThat(problemsOf(json("{'category':'network','subcategory':5,'terms':{'en':['vpn']}}")))
        .containsExactly("categories[0].subcategory must be a string or null, but was 5");
    assertThat(problemsOf(json("'network'")))
        .containsExactly("categories[0] must be an object, but was \"network\"");
  }

  @Test
  void fromJson_emptyOrMissingTerms_namesPath() {
    assertThat(problemsOf(json("{'category':'network','terms':{}}")))
        .containsExactly(
            "categories[0].terms must be an object of at least one language code to terms,"
                + " such as {\"en\": [\"vpn\"]}, but was {}");
    assertThat(problemsOf(json("{'category':'network'}")))
        .singleElement()
        .asString()
        .startsWith("categories[0].terms must be an object")
        .endsWith("but was missing");
    assertThat(problemsOf(json("{'category':'network','terms':{'en':[]}}")))
        .containsExactly("categories[0].terms.en must be a non-empty array of terms, but was []");
    assertThat(problemsOf(json("{'category':'network','terms':{'en':'vpn'}}")))
        .containsExactly(
            "categories[0].terms.en must be a non-empty array of terms, but was \"vpn\"");
  }

  @Test
  void fromJson_invalidLanguage_namesPath() {
    assertThat(problemsOf(json("{'category':'network','terms':{'EN':['vpn']}}")))
        .containsExactly(
            "categories[0].terms.EN must be a lower-case ISO 639 language code such as \"en\""
                + " or \"pt-br\", but was \"EN\"");
  }

  @Test
  void fromJson_invalidTerms_nameTheirIndex() {
    String doc =
        json(
            "{'category':'network','terms':{'en':['vpn']}},"
                + "{'category':'hardware','terms':{'en':['printer'],"
                + "'de':['drucker','--',7,'dr*ck','dr*','druck *']}}");
    assertThat(problemsOf(doc))
        .containsExactly(
            "categories[1].terms.de[1] must contain a letter or digit, but was \"--\"",
            "categories[1].terms.de[2] must be a string, but was 7",
            "categories[1].terms.de[3] must have '*' only as its last character, but was"
                + " \"dr*ck\"",
            "categories[1].terms.de[4] must have at least 3 letters or digits directly before"
                + " '*', but was \"dr*\"",
            "categories[1].terms.de[5] must have at least 3 letters or digits directly before"
                + " '*', but was \"druck *\"");
  }

  @Test
  void builder_addsNormalizedEntries() {
    KeywordDictionary dictionary =
        KeywordDictionary.builder()
            .add("network", "vpn", "en", "GlobalProtect")
            .add("hardware", "printer", "de", List.of("Drucker", "Papierstau"))
            .add(new KeywordEntry("other", "", "en", "feedback"))
            .build();
    assertThat(dictionary.entries())
        .extracting(KeywordEntry::term)
        .containsExactly("globalprotect", "drucker", "papierstau", "feedback");
  }

  @Test
  void builder_invalidTerm_isRejectedAndNothingAdded() {
    KeywordDictionary.Builder builder = KeywordDictionary.builder();
    assertThatThrownBy(() -> builder.add("hardware", "", "de", List.of("drucker", "!!")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("term must contain a letter or digit, but was \"!!\"");
    assertThat(builder.build().isEmpty()).isTrue();
  }

  @Test
  void entry_invalidCodesAndUnnormalizedTerm_areAllReported() {
    assertThatThrownBy(() -> new KeywordEntry("Net work", "VPN", "english", "Tunnel Down"))
        .isInstanceOf(ValidationException.class)
        .satisfies(
            e ->
                assertThat(((ValidationException) e).getProblems())
                    .hasSize(4)
                    .anySatisfy(p -> assertThat(p).startsWith("category must be"))
                    .anySatisfy(p -> assertThat(p).startsWith("subcategory must be"))
                    .anySatisfy(p -> assertThat(p).startsWith("language must be"))
                    .contains(
                        "term must be normalized (here \"tunnel down\"; KeywordEntry.of"
                            + " normalizes), but was \"Tunnel Down\""));
  }

  @Test
  void entry_subcategoryCode_isEmptyForNone() {
    assertThat(KeywordEntry.of("other", "", "en", "x").subcategoryCode()).isEmpty();
    assertThat(KeywordEntry.of("network", "vpn", "en", "x").subcategoryCode()).contains("vpn");
  }

  @Test
  void plus_keepsOrderAndDropsDuplicates() {
    KeywordDictionary ours = KeywordDictionary.builder().add("network", "vpn", "en", "vpn").build();
    KeywordDictionary theirs =
        KeywordDictionary.builder()
            .add("network", "vpn", "en", "vpn")
            .add("network", "vpn", "en", "zscaler")
            .build();
    assertThat(ours.plus(theirs).entries())
        .extracting(KeywordEntry::term)
        .containsExactly("vpn", "zscaler");
    assertThat(ours.plus(KeywordDictionary.empty())).isSameAs(ours);
  }

  @Test
  void without_dropsCategoryOrSubcategory() {
    KeywordDictionary dictionary =
        KeywordDictionary.builder()
            .add("network", "vpn", "en", "vpn")
            .add("network", "wifi", "en", "wifi")
            .add("hardware", "printer", "en", "printer")
            .build();
    assertThat(dictionary.without("network").categories()).containsExactly("hardware");
    assertThat(dictionary.without("network", "vpn").entries())
        .extracting(KeywordEntry::term)
        .containsExactly("wifi", "printer");
    assertThat(dictionary.without("nothing")).isEqualTo(dictionary);
    assertThat(dictionary.entriesFor("hardware")).hasSize(1);
  }
}
