package io.itsm.rules.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DefaultKeywordDictionaryTest {

  private static final Set<String> LANGUAGES = Set.of("en", "de", "sv", "es", "fr");

  private final KeywordDictionary defaults = KeywordDictionary.defaults();

  @Test
  void defaults_hasTheTenSeedCategories() {
    assertThat(defaults.categories())
        .containsExactlyInAnyOrder(
            "hardware",
            "software",
            "network",
            "security",
            "user-support",
            "service-request",
            "data-recovery",
            "performance",
            "consulting",
            "other");
    assertThat(defaults.languages()).isEqualTo(LANGUAGES);
    assertThat(KeywordDictionary.defaults()).isSameAs(defaults);
  }

  @Test
  void defaults_everyCategoryButOther_hasTermsInAllFiveLanguagesAndSubcategories() {
    for (String category : defaults.categories()) {
      if (category.equals("other")) {
        continue;
      }
      var entries = defaults.entriesFor(category);
      assertThat(entries.stream().map(KeywordEntry::language).collect(Collectors.toSet()))
          .as(category)
          .isEqualTo(LANGUAGES);
      assertThat(entries).as(category).hasSizeGreaterThanOrEqualTo(15);
      assertThat(entries.stream().map(KeywordEntry::subcategory).collect(Collectors.toSet()))
          .as(category)
          .hasSizeBetween(2, 5)
          .doesNotContain("");
    }
  }

  @Test
  void defaults_hasNoTooGenericTerms() {
    assertThat(defaults.entries())
        .extracting(KeywordEntry::term)
        .doesNotContain("problem", "error", "fehler", "fel", "issue", "help", "update");
  }
}
