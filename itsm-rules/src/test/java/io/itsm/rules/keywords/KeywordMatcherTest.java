package io.itsm.rules.keywords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeywordMatcherTest {

  private static final KeywordMatcher DEFAULTS = KeywordMatcher.of(KeywordDictionary.defaults());

  private static KeywordMatcher matcher(KeywordDictionary.Builder builder) {
    return KeywordMatcher.of(builder.build());
  }

  @Test
  void match_singleWord_hitsWithPosition() {
    KeywordMatcher matcher =
        matcher(KeywordDictionary.builder().add("network", "vpn", "en", "VPN"));

    assertThat(matcher.match("My VPN is broken since the VPN update"))
        .containsExactly(
            new KeywordHit("network", "vpn", "vpn", "en", 1, 1),
            new KeywordHit("network", "vpn", "vpn", "en", 6, 1));
  }

  @Test
  void match_wholeTokensOnly_doesNotHitInsideWords() {
    KeywordMatcher matcher =
        matcher(KeywordDictionary.builder().add("network", "vpn", "en", "vpn"));

    assertThat(matcher.match("the vpnclient and myvpn")).isEmpty();
    assertThat(matcher.match("the VPN-Client")).hasSize(1);
  }

  @Test
  void match_phrase_needsConsecutiveWordsInOrderButForStopWords() {
    KeywordMatcher matcher =
        matcher(KeywordDictionary.builder().add("network", "vpn", "en", "tunnel down"));

    assertThat(matcher.match("Tunnel... DOWN!"))
        .containsExactly(new KeywordHit("network", "vpn", "tunnel down", "en", 0, 2));
    assertThat(matcher.match("tunnel is down"))
        .containsExactly(new KeywordHit("network", "vpn", "tunnel down", "en", 0, 3));
    assertThat(matcher.match("tunnel is now down")).isEmpty();
    assertThat(matcher.match("down tunnel")).isEmpty();
    assertThat(matcher.match("tunnel")).isEmpty();
  }

  @Test
  void match_inflectedWords_hitTheirStemInTheTermsLanguage() {
    KeywordMatcher matcher =
        matcher(
            KeywordDictionary.builder()
                .add("hardware", "printer", "en", List.of("printer", "print"))
                .add("user-support", "password", "sv", "lösenord")
                .add("user-support", "password", "de", "Passwort")
                .add("user-support", "account", "es", "cuenta bloqueada")
                .add("hardware", "monitor", "fr", "écran"));

    assertThat(matcher.match("both printers stopped printing"))
        .extracting(KeywordHit::term, KeywordHit::tokenIndex)
        .containsExactly(tuple("printer", 1), tuple("print", 3));
    assertThat(matcher.match("Lösenordet har gått ut"))
        .extracting(KeywordHit::term)
        .containsExactly("losenord");
    assertThat(matcher.match("alle Passworte abgelaufen"))
        .extracting(KeywordHit::term)
        .containsExactly("passwort");
    assertThat(matcher.match("mis cuentas bloqueadas"))
        .extracting(KeywordHit::term)
        .containsExactly("cuenta bloqueada");
    assertThat(matcher.match("les écrans restent noirs"))
        .extracting(KeywordHit::term)
        .containsExactly("ecran");
  }

  @Test
  void match_stopWords_areLeftOutOfTermsButNegationsAndParticlesStay() {
    KeywordMatcher matcher =
        matcher(
            KeywordDictionary.builder()
                .add("service-request", "access", "en", "access to shared drive")
                .add("hardware", "laptop", "en", "not charging")
                .add("user-support", "account", "sv", "logga ut"));

    assertThat(matcher.match("need access the shared drive"))
        .extracting(KeywordHit::term, KeywordHit::tokenIndex, KeywordHit::tokenCount)
        .containsExactly(tuple("access to shared drive", 1, 4));
    assertThat(matcher.match("battery charging fine")).isEmpty();
    assertThat(matcher.match("battery not charged")).extracting(KeywordHit::term)
        .containsExactly("not charging");
    assertThat(matcher.match("kan inte logga ut")).extracting(KeywordHit::term)
        .containsExactly("logga ut");
    assertThat(matcher.match("kan inte logga in")).isEmpty();
  }

  @Test
  void match_termOfStopWordsOnly_isMatchedAsWritten() {
    KeywordMatcher matcher =
        matcher(KeywordDictionary.builder().add("consulting", "advice", "en", "IT"));

    assertThat(matcher.match("ask IT about it")).extracting(KeywordHit::tokenIndex)
        .containsExactly(1, 3);
    assertThat(matcher.match("its")).isEmpty();
  }

  @Test
  void match_overlappingPhrasesOfOtherSubcategories_areAllReported() {
    KeywordMatcher matcher =
        matcher(
            KeywordDictionary.builder()
                .add("network", "vpn", "en", "vpn tunnel")
                .add("network", "vpn", "en", "tunnel down")
                .add("network", "outage", "en", "down"));

    assertThat(matcher.match("vpn tunnel down"))
        .extracting(KeywordHit::term, KeywordHit::tokenIndex, KeywordHit::tokenCount)
        .containsExactly(tuple("vpn tunnel", 0, 2), tuple("tunnel down", 1, 2), tuple("down", 2, 1));
  }

  @Test
  void match_termInsideLongerTermOfSameSubcategory_isCountedOnce() {
    KeywordMatcher matcher =
        matcher(
            KeywordDictionary.builder()
                .add("user-support", "password", "en", "password")
                .add("user-support", "password", "en", "forgot password")
                .add("security", "phishing", "en", "password"));

    assertThat(matcher.match("I forgot password again; password please"))
        .extracting(KeywordHit::category, KeywordHit::term, KeywordHit::tokenIndex)
        .containsExactly(
            tuple("user-support", "forgot password", 1),
            tuple("security", "password", 2),
            tuple("user-support", "password", 4),
            tuple("security", "password", 4));
  }

  @Test
  void match_sameTermInSeveralLanguages_hitsOnceWithFirstLanguage() {
    KeywordMatcher matcher =
        matcher(
            KeywordDictionary.builder()
                .add("network", "vpn", "en", "vpn")
                .add("network", "vpn", "de", "vpn")
                .add("network", "vpn", "sv", "vpn"));

    assertThat(matcher.match("VPN geht nicht"))
        .containsExactly(new KeywordHit("network", "vpn", "vpn", "en", 0, 1));
  }

  @Test
  void match_prefixTerm_hitsTokensStartingWithIt() {
    KeywordMatcher matcher =
        matcher(KeywordDictionary.builder().add("hardware", "printer", "de", "Druck*"));

    assertThat(matcher.match("Druck, Drucker, Druckers, druckt; Ausdruck, Dru"))
        .extracting(KeywordHit::tokenIndex)
        .containsExactly(0, 1, 2, 3);
    assertThat(matcher.match("drucker").get(0).term()).isEqualTo("druck*");
  }

  @Test
  void match_phraseEndingInPrefix_hits() {
    KeywordMatcher matcher =
        matcher(KeywordDictionary.builder().add("software", "crash", "de", "Outlook abgest*"));

    assertThat(matcher.match("Outlook abgestürzt"))
        .containsExactly(new KeywordHit("software", "crash", "outlook abgest*", "de", 0, 2));
    assertThat(matcher.match("abgestürzt Outlook")).isEmpty();
  }

  @Test
  void match_exactAndPrefixOnSameToken_exactWins() {
    KeywordMatcher matcher =
        matcher(
            KeywordDictionary.builder()
                .add("hardware", "printer", "de", "druck*")
                .add("hardware", "printer", "de", "drucker"));

    assertThat(matcher.match("Drucker kaputt"))
        .containsExactly(new KeywordHit("hardware", "printer", "drucker", "de", 0, 1));
  }

  @Test
  void match_emptyTextOrDictionary_hasNoHits() {
    assertThat(DEFAULTS.match(NormalizedText.EMPTY)).isEmpty();
    assertThat(KeywordMatcher.of(KeywordDictionary.empty()).match("vpn printer")).isEmpty();
    assertThat(KeywordMatcher.of(KeywordDictionary.empty()).maxPhraseLength()).isZero();
  }

  @Test
  void match_englishTicket_hitsNetwork() {
    KeywordHits hits =
        KeywordHits.of(
            DEFAULTS.match(
                "Hi, since this morning the VPN client says tunnel down and I cannot connect"
                    + " to the intranet."));

    assertThat(hits.topCategory()).contains("network");
    assertThat(hits.hits())
        .extracting(KeywordHit::subcategory, KeywordHit::term)
        .contains(tuple("vpn", "vpn"), tuple("vpn", "tunnel"),
            tuple("connectivity", "cannot connect"));
  }

  @Test
  void match_germanTicketWithUmlautAndInflection_hitsPrinter() {
    KeywordHits hits =
        KeywordHits.of(
            DEFAULTS.match("Hallo, mein Drucker im 3. Stock druckt nicht mehr, ständig Papierstau."));

    assertThat(hits.topCategory()).contains("hardware");
    assertThat(hits.countFor("hardware", "printer")).isEqualTo(3);
  }

  @Test
  void match_swedishTicket_hitsUserSupport() {
    KeywordHits hits =
        KeywordHits.of(DEFAULTS.match("Hej! Jag har glömt mitt lösenord och kontot är låst."));

    assertThat(hits.topCategory()).contains("user-support");
    assertThat(hits.hits())
        .extracting(KeywordHit::subcategory, KeywordHit::term, KeywordHit::language)
        .containsExactly(
            tuple("password", "glomt losenord", "sv"),
            tuple("account", "kontot ar last", "sv"));
  }

  @Test
  void match_spanishTicket_hitsSecurity() {
    KeywordHits hits =
        KeywordHits.of(
            DEFAULTS.match(
                "Recibí un correo sospechoso con un enlace extraño, creo que es phishing."));

    assertThat(hits.topCategory()).contains("security");
    assertThat(hits.countFor("security", "phishing")).isEqualTo(2);
  }

  @Test
  void match_frenchTicket_hitsDataRecovery() {
    KeywordHits hits =
        KeywordHits.of(
            DEFAULTS.match(
                "Bonjour, j'ai supprimé par erreur un fichier important. Pouvez-vous le"
                    + " restaurer depuis la sauvegarde ?"));

    assertThat(hits.topCategory()).contains("data-recovery");
    assertThat(hits.countFor("data-recovery")).isEqualTo(3);
  }

  @Test
  void match_tenThousandEntries_givesSameHitsAsSmallDictionary() {
    KeywordDictionary small =
        KeywordDictionary.builder()
            .add("network", "vpn", "en", "vpn")
            .add("network", "vpn", "en", "tunnel down")
            .add("hardware", "printer", "de", "druck*")
            .add("hardware", "printer", "en", "paper jam")
            .add("user-support", "password", "sv", "glömt lösenord")
            .add("security", "phishing", "es", "correo sospechoso")
            .add("data-recovery", "deleted-file", "fr", "supprimé")
            .add("performance", "slow-application", "en", "slow")
            .add("software", "crash", "en", "blue screen")
            .add("other", "", "en", "0x80070005")
            .build();
    KeywordDictionary.Builder big = KeywordDictionary.builder().addAll(small);
    String[] categories = {"hardware", "software", "network", "security", "other"};
    for (int i = 0; i < 10_000 - small.size(); i++) { // all generated terms are distinct
      String category = categories[i % categories.length];
      switch (i % 4) {
        case 0 -> big.add(category, "generated", "en", "zq" + i);
        case 1 -> big.add(category, "generated", "de", "vpn zq" + i); // shares a first token
        case 2 -> big.add(category, "generated", "sv", "druckzq" + i + "*"); // shares a prefix
        default -> big.add(category, "generated", "fr", "tunnel down zq" + i);
      }
    }
    KeywordDictionary large = big.build();
    assertThat(large.size()).isEqualTo(10_000);
    NormalizedText text =
        TextNormalizer.standard()
            .normalize(
                "VPN tunnel down again, Drucker says paper jam, glömt lösenord, correo"
                    + " sospechoso, fichier supprimé, everything slow, blue screen 0x80070005,"
                    + " druckzq vpn zq");

    List<KeywordHit> expected = KeywordMatcher.of(small).match(text);
    assertThat(expected).hasSize(12); // "druckzq" is a "druck*" hit
    assertThat(KeywordMatcher.of(large).match(text)).isEqualTo(expected);
  }
}
