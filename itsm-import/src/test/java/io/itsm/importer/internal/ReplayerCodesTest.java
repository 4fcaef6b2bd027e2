package io.itsm.importer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The catalogue and resolution codes the import makes of a source's values. */
class ReplayerCodesTest {

  @Test
  void slug_keepsLettersAndDigits_oneHyphenPerGap_noneAtTheEnds() {
    assertThat(Replayer.slug("Category 55")).isEqualTo("category-55");
    assertThat(Replayer.slug("  --Network / VPN__Client!! ")).isEqualTo("network-vpn-client");
    assertThat(Replayer.slug("Ünïcode-Straße")).isEqualTo("n-code-stra-e");
    assertThat(Replayer.slug("!!!")).isEqualTo("other");
  }

  @Test
  void code_isUpperCase_withUnderscores_andStartsWithALetter() {
    assertThat(Replayer.code("code 5")).isEqualTo("CODE_5");
    assertThat(Replayer.code(" solved (permanently) ")).isEqualTo("SOLVED_PERMANENTLY");
    assertThat(Replayer.code("5 x")).isEqualTo("C_5_X");
    assertThat(Replayer.code("--")).isEqualTo(Replayer.UNKNOWN_RESOLUTION_CODE);
  }
}
