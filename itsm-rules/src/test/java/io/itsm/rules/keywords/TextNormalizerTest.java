package io.itsm.rules.keywords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {

  private final TextNormalizer normalizer = TextNormalizer.standard();

  private List<String> tokens(String text) {
    return normalizer.normalize(text).tokens();
  }

  @Test
  void normalize_accentsAndCase_areFolded() {
    assertThat(tokens("Ça ÉCOLE Déjà Lösenord Glömt Contraseña Olvidé Ålesund"))
        .containsExactly("ca", "ecole", "deja", "losenord", "glomt", "contrasena", "olvide",
            "alesund");
  }

  @Test
  void normalize_lettersNfdLeavesAlone_areMappedExplicitly() {
    assertThat(tokens("Straße STRAẞE Æble Øre Łódź þing Œuvre"))
        .containsExactly("strasse", "strasse", "aeble", "ore", "lodz", "thing", "oeuvre");
  }

  @Test
  void normalize_decomposedInput_keepsWordTogether() {
    assertThat(tokens("e\u0301cole soft\u00ADhyphen")).containsExactly("ecole", "softhyphen");
  }

  @Test
  void normalize_fullWidthAndLigatures_areFolded() {
    assertThat(tokens("ＶＰＮ ﬁle")).containsExactly("vpn", "file");
  }

  @Test
  void normalize_punctuation_splitsTokens() {
    assertThat(tokens("Hi!!! e-mail, (VPN)... l'imprimante/Drucker;can't"))
        .containsExactly("hi", "e", "mail", "vpn", "l", "imprimante", "drucker", "can", "t");
  }

  @Test
  void normalize_digits_areKeptInTokens() {
    assertThat(tokens("Error 0x80070005 and HTTP 404, v2.3"))
        .containsExactly("error", "0x80070005", "and", "http", "404", "v2", "3");
  }

  @Test
  void normalize_text_isTokensJoinedBySpace() {
    NormalizedText text = normalizer.normalize("  Passwort   vergessen – Straße 5, Büro!  ");
    assertThat(text.text()).isEqualTo("passwort vergessen strasse 5 buro");
    assertThat(text.tokens()).containsExactly("passwort", "vergessen", "strasse", "5", "buro");
  }

  @Test
  void normalize_emptyOrPunctuationOnly_isEmpty() {
    assertThat(normalizer.normalize("")).isEqualTo(NormalizedText.EMPTY);
    assertThat(normalizer.normalize(" ?!--- \n\t")).isEqualTo(NormalizedText.EMPTY);
    assertThat(NormalizedText.EMPTY.isEmpty()).isTrue();
  }

  @Test
  void normalize_supplementaryCharacters_areHandled() {
    assertThat(tokens("vpn😀down 𝐀bc")).containsExactly("vpn", "down", "abc");
  }

  @Test
  void normalize_64KibText_givesAllTokens() {
    String sentence = "Der Drucker im 3. Stock druckt nicht, Fehler 0x80070005! ";
    StringBuilder sb = new StringBuilder();
    int copies = 0;
    while (sb.length() + sentence.length() <= 64 * 1024) {
      sb.append(sentence);
      copies++;
    }
    NormalizedText text = normalizer.normalize(sb.toString());
    assertThat(text.size()).isEqualTo(copies * 9);
    assertThat(text.tokens().subList(0, 9))
        .containsExactly("der", "drucker", "im", "3", "stock", "druckt", "nicht", "fehler",
            "0x80070005");
  }

  @Test
  void normalize_null_isRejected() {
    assertThatThrownBy(() -> normalizer.normalize(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("text");
  }

  @Test
  void normalizedText_inconsistentComponents_areRejected() {
    assertThatThrownBy(() -> new NormalizedText("a  b", List.of("a", "b")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("text must be the tokens joined by single spaces");
    assertThatThrownBy(() -> new NormalizedText("a b", List.of("a b")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("tokens[0] must be non-empty and without spaces, but was \"a b\"");
  }
}
