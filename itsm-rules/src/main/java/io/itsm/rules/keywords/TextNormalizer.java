package io.itsm.rules.keywords;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Turns free text into the comparable form keywords are matched in: lower case, without accents,
 * split into tokens of letters and digits.
 *
 * <p>Rules, applied in one pass over the characters:
 *
 * <ol>
 *   <li>Letters are lower-cased as by {@link String#toLowerCase(Locale) toLowerCase(Locale.ROOT)}
 *       (character by character, so a final Greek sigma becomes {@code σ}).
 *   <li>Accents and other combining marks are removed after a compatibility decomposition (NFKD):
 *       {@code é → e}, {@code ö → o}, {@code å → a}, {@code ñ → n}, full-width {@code Ｖ → v},
 *       ligature {@code ﬁ → fi}. Letters that NFKD does not decompose are mapped explicitly:
 *       {@code ß → ss}, {@code æ → ae}, {@code œ → oe}, {@code ø → o}, {@code ł → l}, {@code đ →
 *       d}, {@code ð → d}, {@code þ → th}, {@code ı → i}.
 *   <li>Every character that is neither a letter nor a digit (after folding) separates tokens;
 *       combining marks and invisible format characters (soft hyphen, zero-width joiner) do not.
 *       Digits are kept, so {@code "0x80070005"} and {@code "404"} are tokens; {@code "e-mail"}
 *       is the two tokens {@code e} and {@code mail}.
 * </ol>
 *
 * <p>Example: {@code "Passwort vergessen – Straße 5, Büro"} becomes the tokens {@code [passwort,
 * vergessen, strasse, 5, buro]} and the text {@code "passwort vergessen strasse 5 buro"}.
 *
 * <p>Scripts written without spaces between words (Chinese, Japanese, Thai) come out as one token
 * per run of letters; whole-token keyword matching is not useful for them. CJK ideographs and
 * Hangul syllables are kept as they are.
 *
 * <p>Cost: one table lookup per character (tables for each block of 256 characters are built on
 * first use), no regular expressions.
 * Instances are immutable and thread-safe; use {@link #standard()}.
 */
public final class TextNormalizer {

  private static final TextNormalizer STANDARD = new TextNormalizer();

  /** Folded form of a character that separates tokens. */
  private static final char SEPARATOR = 0;
  /** Folded form of a character that is dropped without ending a token. */
  private static final char SKIP = '\uE000';
  /** Folded form of a character that becomes several characters, see {@link #EXPANSIONS}. */
  private static final char EXPAND = '\uE001';
  /** Folded form of a surrogate: handled by code point. */
  private static final char SURROGATE = '\uE002';

  /** Letters that NFKD leaves alone but that should still fold. */
  private static final Map<Character, String> EXPLICIT =
      Map.ofEntries(
          Map.entry('ß', "ss"),
          Map.entry('ẞ', "ss"),
          Map.entry('æ', "ae"),
          Map.entry('œ', "oe"),
          Map.entry('ø', "o"),
          Map.entry('ł', "l"),
          Map.entry('đ', "d"),
          Map.entry('ð', "d"),
          Map.entry('þ', "th"),
          Map.entry('ı', "i"),
          Map.entry('ς', "σ"));

  /**
   * For each block of 256 BMP characters, computed on first use: each character's single folded
   * character, or one of the markers above. Blocks are published through the atomic array after
   * their expansions are stored, so readers see complete blocks.
   */
  private static final AtomicReferenceArray<char[]> BLOCKS = new AtomicReferenceArray<>(256);
  /** Multi-character folds; a space in the value separates tokens. */
  private static final Map<Character, String> EXPANSIONS = new ConcurrentHashMap<>();

  private TextNormalizer() {}

  /**
   * Returns the standard normalizer, the one {@link KeywordDictionary} uses for its terms.
   *
   * @return the shared instance
   */
  public static TextNormalizer standard() {
    return STANDARD;
  }

  /**
   * Normalizes a text.
   *
   * @param text the text, any length; may be empty
   * @return the normalized text; {@link NormalizedText#EMPTY} when {@code text} has no letter or
   *     digit
   * @throws NullPointerException if {@code text} is null
   */
  public NormalizedText normalize(String text) {
    Objects.requireNonNull(text, "text");
    int length = text.length();
    StringBuilder out = new StringBuilder(length);
    List<String> tokens = new ArrayList<>(Math.max(4, length / 6));
    int tokenStart = -1;
    int blockIndex = -1;
    char[] block = null;
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c >>> 8 != blockIndex) {
        blockIndex = c >>> 8;
        block = block(blockIndex);
      }
      char folded = block[c & 0xFF];
      if (folded == SEPARATOR) {
        if (tokenStart >= 0) {
          tokens.add(out.substring(tokenStart));
          tokenStart = -1;
        }
      } else if (folded == SKIP) {
        continue;
      } else if (folded == EXPAND || folded == SURROGATE) {
        String expansion;
        if (folded == EXPAND) {
          expansion = EXPANSIONS.get(c);
        } else {
          int codePoint = text.codePointAt(i);
          if (Character.isSupplementaryCodePoint(codePoint)) {
            i++;
          }
          expansion = foldCodePoint(codePoint);
        }
        for (int k = 0; k < expansion.length(); k++) {
          char e = expansion.charAt(k);
          if (e == ' ') {
            if (tokenStart >= 0) {
              tokens.add(out.substring(tokenStart));
              tokenStart = -1;
            }
          } else {
            tokenStart = append(out, tokenStart, e);
          }
        }
      } else {
        tokenStart = append(out, tokenStart, folded);
      }
    }
    if (tokenStart >= 0) {
      tokens.add(out.substring(tokenStart));
    }
    return tokens.isEmpty() ? NormalizedText.EMPTY : new NormalizedText(out.toString(), tokens);
  }

  private static char[] block(int index) {
    char[] block = BLOCKS.get(index);
    if (block == null) {
      block = new char[256];
      for (int i = 0; i < 256; i++) {
        block[i] = computeFold((char) ((index << 8) | i));
      }
      BLOCKS.set(index, block); // racing threads compute equal blocks
    }
    return block;
  }

  private static int append(StringBuilder out, int tokenStart, char c) {
    if (tokenStart < 0) {
      if (out.length() > 0) {
        out.append(' ');
      }
      tokenStart = out.length();
    }
    out.append(c);
    return tokenStart;
  }

  private static char computeFold(char c) {
    if (Character.isSurrogate(c)) {
      return SURROGATE;
    }
    int type = Character.getType(c);
    if (type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.FORMAT) {
      return SKIP;
    }
    if (!Character.isLetterOrDigit(c)) {
      return SEPARATOR;
    }
    if ((c >= '\u3400' && c <= '\u9FFF') || (c >= '\uAC00' && c <= '\uD7A3')) {
      return c; // CJK ideographs and Hangul syllables: no case, kept as they are
    }
    if (c < 0x80) {
      return Character.toLowerCase(c);
    }
    String folded = foldCodePoint(c);
    if (folded.isEmpty()) {
      return SKIP;
    }
    if (folded.length() == 1 && folded.charAt(0) != ' ') {
      return folded.charAt(0);
    }
    EXPANSIONS.put(c, folded);
    return EXPAND;
  }

  /**
   * Folds one code point: a string of letters and digits, with spaces where tokens split; empty
   * when the code point is a mark; a single space when it separates.
   */
  private static String foldCodePoint(int codePoint) {
    int type = Character.getType(codePoint);
    if (type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.FORMAT) {
      return "";
    }
    if (!Character.isLetterOrDigit(codePoint)) {
      return " ";
    }
    String lower = explicit(new String(Character.toChars(codePoint)).toLowerCase(Locale.ROOT));
    String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFKD);
    StringBuilder sb = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); ) {
      int cp = decomposed.codePointAt(i);
      i += Character.charCount(cp);
      int t = Character.getType(cp);
      if (t == Character.NON_SPACING_MARK || t == Character.ENCLOSING_MARK) {
        continue;
      }
      if (Character.isLetterOrDigit(cp)) {
        sb.append(explicit(new String(Character.toChars(cp)).toLowerCase(Locale.ROOT)));
      } else {
        sb.append(' ');
      }
    }
    return sb.toString();
  }

  private static String explicit(String s) {
    if (s.length() == 1) {
      String mapped = EXPLICIT.get(s.charAt(0));
      if (mapped != null) {
        return mapped;
      }
    }
    return s;
  }
}
