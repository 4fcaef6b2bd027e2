package io.itsm.core.knowledge;

import io.itsm.core.ValidationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one version of an article says: its kind, audience, scope and its text in one or more
 * languages (one article, several translations).
 *
 * <pre>{@code
 * ArticleContent content = ArticleContent.of(ArticleKind.HOW_TO, Audience.PUBLIC,
 *     ArticleText.of("en", "Reset your password", "I forgot my password",
 *         "Open https://id.example.com", "Choose 'Forgot password'"),
 *     ArticleText.of("de", "Passwort zurücksetzen", "Ich habe mein Passwort vergessen",
 *         "Öffnen Sie https://id.example.com", "Wählen Sie 'Passwort vergessen'"))
 *   .withScope(ArticleScope.categories("user-support"));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind the kind of article
 * @param audience who may read it once published
 * @param scope where it applies
 * @param translations its text per language, at least one, each language once; the first is the
 *     language it was written in
 */
public record ArticleContent(
    ArticleKind kind, Audience audience, ArticleScope scope, List<ArticleText> translations) {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component or translation is null
   * @throws ValidationException if there is no translation, a language is given twice, a known
   *     error lacks a workaround in a translation, or another kind has a translation without steps
   */
  public ArticleContent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(audience, "audience");
    Objects.requireNonNull(scope, "scope");
    translations = List.copyOf(Objects.requireNonNull(translations, "translations"));
    if (translations.isEmpty()) {
      throw new ValidationException("article translations must not be empty: give the text in at"
          + " least one of " + String.join(", ", ArticleText.LANGUAGES));
    }
    Set<String> seen = new HashSet<>();
    for (ArticleText t : translations) {
      if (!seen.add(t.language())) {
        throw new ValidationException("article translations must give each language once, but '"
            + t.language() + "' is given twice");
      }
      if (kind == ArticleKind.KNOWN_ERROR && t.workaround().isEmpty()) {
        throw new ValidationException("a KNOWN_ERROR article needs a workaround in every"
            + " translation, but '" + t.language() + "' (" + t.title() + ") has none");
      }
      if (kind != ArticleKind.KNOWN_ERROR && t.steps().isEmpty()) {
        throw new ValidationException("a " + kind + " article needs at least one step in every"
            + " translation, but '" + t.language() + "' (" + t.title() + ") has none");
      }
    }
  }

  /**
   * Content that applies everywhere.
   *
   * @param kind the kind
   * @param audience the audience
   * @param first the text in the language it was written in
   * @param more translations
   * @return the content
   * @throws ValidationException as the canonical constructor
   */
  public static ArticleContent of(
      ArticleKind kind, Audience audience, ArticleText first, ArticleText... more) {
    List<ArticleText> all = new ArrayList<>();
    all.add(Objects.requireNonNull(first, "first"));
    all.addAll(List.of(more));
    return new ArticleContent(kind, audience, ArticleScope.everywhere(), all);
  }

  /**
   * Returns the text in a language.
   *
   * @param language the language code
   * @return the translation, or empty
   */
  public Optional<ArticleText> text(String language) {
    Objects.requireNonNull(language, "language");
    return translations.stream().filter(t -> t.language().equals(language)).findFirst();
  }

  /**
   * Returns the text a reader of a language sees: that language, else English, else the language
   * the article was written in.
   *
   * @param language the reader's language code
   * @return the translation
   */
  public ArticleText textFor(String language) {
    return text(language)
        .or(() -> text(ArticleText.DEFAULT_LANGUAGE))
        .orElse(translations.get(0));
  }

  /**
   * Returns the text in the language the article was written in.
   *
   * @return the first translation
   */
  public ArticleText original() {
    return translations.get(0);
  }

  /**
   * Returns the languages, in order.
   *
   * @return the language codes
   */
  public List<String> languages() {
    return translations.stream().map(ArticleText::language).toList();
  }

  /**
   * Returns this content with a translation added, or replacing the one of its language.
   *
   * @param text the translation
   * @return the copy
   * @throws ValidationException if the result is invalid (a known error without workaround)
   */
  public ArticleContent withTranslation(ArticleText text) {
    Objects.requireNonNull(text, "text");
    List<ArticleText> next = new ArrayList<>(translations);
    int at = languages().indexOf(text.language());
    if (at >= 0) {
      next.set(at, text);
    } else {
      next.add(text);
    }
    return new ArticleContent(kind, audience, scope, next);
  }

  /**
   * Returns this content with another scope.
   *
   * @param scope the scope
   * @return the copy
   */
  public ArticleContent withScope(ArticleScope scope) {
    return new ArticleContent(kind, audience, scope, translations);
  }

  /**
   * Returns this content for another audience.
   *
   * @param audience the audience
   * @return the copy
   */
  public ArticleContent withAudience(Audience audience) {
    return new ArticleContent(kind, audience, scope, translations);
  }

  /**
   * Returns this content as another kind.
   *
   * @param kind the kind
   * @return the copy
   * @throws ValidationException if the texts do not fit the kind (a known error needs a
   *     workaround, the other kinds steps)
   */
  public ArticleContent withKind(ArticleKind kind) {
    return new ArticleContent(kind, audience, scope, translations);
  }
}
