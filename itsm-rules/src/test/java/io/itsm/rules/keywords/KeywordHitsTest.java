package io.itsm.rules.keywords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeywordHitsTest {

  private static KeywordHit hit(String category, String subcategory, int index) {
    return new KeywordHit(category, subcategory, "t", "en", index, 1);
  }

  @Test
  void countFor_countsPerCategoryAndSubcategory() {
    KeywordHits hits =
        KeywordHits.of(
            List.of(
                hit("network", "vpn", 0),
                hit("network", "wifi", 3),
                hit("hardware", "printer", 5),
                hit("network", "vpn", 7)));

    assertThat(hits.size()).isEqualTo(4);
    assertThat(hits.countFor("network")).isEqualTo(3);
    assertThat(hits.countFor("network", "vpn")).isEqualTo(2);
    assertThat(hits.countFor("network", "")).isZero();
    assertThat(hits.countFor("security")).isZero();
    assertThat(hits.countsByCategory()).containsExactly(
        java.util.Map.entry("network", 3), java.util.Map.entry("hardware", 1));
    assertThat(hits.topCategory()).contains("network");
  }

  @Test
  void topCategory_tie_isWonByEarliestFirstHit() {
    KeywordHits hits =
        KeywordHits.of(
            List.of(
                hit("hardware", "printer", 1),
                hit("network", "vpn", 0),
                hit("hardware", "printer", 4),
                hit("network", "vpn", 6)));

    assertThat(hits.topCategory()).contains("network");
  }

  @Test
  void of_noHits_isEmpty() {
    KeywordHits hits = KeywordHits.of(List.of());
    assertThat(hits.isEmpty()).isTrue();
    assertThat(hits.topCategory()).isEmpty();
    assertThat(hits.countsByCategory()).isEmpty();
  }

  @Test
  void keywordHit_invalidComponents_areRejected() {
    assertThatThrownBy(() -> new KeywordHit("network", "", "vpn", "en", -1, 1))
        .isInstanceOf(ValidationException.class)
        .hasMessage("tokenIndex must be at least 0, but was -1");
    assertThatThrownBy(() -> new KeywordHit("network", "", "vpn", "en", 0, 0))
        .isInstanceOf(ValidationException.class)
        .hasMessage("tokenCount must be at least 1, but was 0");
    assertThatThrownBy(() -> new KeywordHit(" ", "", "vpn", "en", 0, 1))
        .isInstanceOf(ValidationException.class)
        .hasMessage("category must not be blank, but was \" \"");
    assertThatThrownBy(() -> new KeywordHit("network", null, "vpn", "en", 0, 1))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("subcategory");
    assertThat(new KeywordHit("network", "", "vpn", "en", 2, 3).endIndex()).isEqualTo(5);
  }
}
