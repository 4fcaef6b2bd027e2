package io.itsm.core.knowledge;

import io.itsm.core.ValidationException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An article in one language: its title, the problem as users describe it, the steps, and for a
 * known error the workaround.
 *
 * <p>Immutable and thread-safe.
 *
 * @param language the language, one of {@link #LANGUAGES} (ISO 639-1, lower case)
 * @param title a one-line title, not blank, at most {@value #MAX_TITLE_LENGTH} characters
 * @param symptoms the problem as users report it (for a FAQ: the question); not blank
 * @param steps what to do, one step an element, each not blank; may be empty only for a known
 *     error (see {@link ArticleContent})
 * @param workaround how to live with a known error until it is fixed; when given, not blank
 */
public record ArticleText(
    String language, String title, String symptoms, List<String> steps,
    Optional<String> workaround) {

  /** The languages articles are written in: English, German, Swedish, Spanish, French. */
  public static final List<String> LANGUAGES = List.of("en", "de", "sv", "es", "fr");

  /** The language searches fall back to, and drafts are written in when nothing else is known. */
  public static final String DEFAULT_LANGUAGE = "en";

  /** The longest title. */
  public static final int MAX_TITLE_LENGTH = 200;

  /** The longest symptoms, step or workaround text, in characters. */
  public static final int MAX_TEXT_LENGTH = 20_000;

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component or step is null
   * @throws ValidationException if the language is not one of {@link #LANGUAGES}, the title or
   *     symptoms are blank, the title is longer than {@value #MAX_TITLE_LENGTH} characters, a
   *     step or the workaround is blank, or a text is longer than {@value #MAX_TEXT_LENGTH}
   */
  public ArticleText {
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(symptoms, "symptoms");
    steps = List.copyOf(Objects.requireNonNull(steps, "steps"));
    Objects.requireNonNull(workaround, "workaround");
    checkLanguage(language);
    if (title.isBlank()) {
      throw new ValidationException("article title (" + language + ") must not be blank: give the"
          + " article a one-line title such as 'VPN drops every few minutes'");
    }
    if (title.length() > MAX_TITLE_LENGTH) {
      throw new ValidationException("article title (" + language + ") must be at most "
          + MAX_TITLE_LENGTH + " characters, but was " + title.length());
    }
    if (symptoms.isBlank()) {
      throw new ValidationException("article symptoms (" + language + ") must not be blank:"
          + " describe the problem as users report it");
    }
    checkLength("symptoms", symptoms, language);
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).isBlank()) {
        throw new ValidationException("article step " + (i + 1) + " (" + language
            + ") must not be blank");
      }
      checkLength("step " + (i + 1), steps.get(i), language);
    }
    if (workaround.isPresent()) {
      if (workaround.get().isBlank()) {
        throw new ValidationException("article workaround (" + language
            + ") must not be blank when given");
      }
      checkLength("workaround", workaround.get(), language);
    }
  }

  /**
   * A text without workaround.
   *
   * @param language the language
   * @param title the title
   * @param symptoms the problem as users report it
   * @param steps the steps
   * @return the text
   * @throws ValidationException as the canonical constructor
   */
  public static ArticleText of(String language, String title, String symptoms, String... steps) {
    return new ArticleText(language, title, symptoms, List.of(steps), Optional.empty());
  }

  /**
   * Returns this text with a workaround.
   *
   * @param workaround the workaround, not blank
   * @return the copy
   * @throws ValidationException if {@code workaround} is blank
   */
  public ArticleText withWorkaround(String workaround) {
    return new ArticleText(language, title, symptoms, steps, Optional.of(workaround));
  }

  /**
   * Returns this text with other steps.
   *
   * @param steps the steps
   * @return the copy
   * @throws ValidationException if a step is blank
   */
  public ArticleText withSteps(List<String> steps) {
    return new ArticleText(language, title, symptoms, steps, workaround);
  }

  /**
   * Returns this text with another title.
   *
   * @param title the title
   * @return the copy
   * @throws ValidationException if the title is blank or too long
   */
  public ArticleText withTitle(String title) {
    return new ArticleText(language, title, symptoms, steps, workaround);
  }

  /**
   * Checks a language code.
   *
   * @param language the code, for example {@code "de"}
   * @return the code
   * @throws NullPointerException if {@code language} is null
   * @throws ValidationException naming the supported languages if it is not one of them
   */
  public static String checkLanguage(String language) {
    Objects.requireNonNull(language, "language");
    if (!LANGUAGES.contains(language)) {
      String lower = language.strip().toLowerCase(Locale.ROOT);
      String hint = LANGUAGES.contains(lower) ? "; did you mean '" + lower + "'?" : "";
      throw new ValidationException("language must be one of " + String.join(", ", LANGUAGES)
          + ", but was '" + language + "'" + hint);
    }
    return language;
  }

  private static void checkLength(String what, String text, String language) {
    if (text.length() > MAX_TEXT_LENGTH) {
      throw new ValidationException("article " + what + " (" + language + ") must be at most "
          + MAX_TEXT_LENGTH + " characters, but was " + text.length());
    }
  }
}
