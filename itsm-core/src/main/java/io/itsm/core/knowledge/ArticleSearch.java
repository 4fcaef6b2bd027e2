package io.itsm.core.knowledge;

import io.itsm.core.ValidationException;
import java.util.Objects;

/**
 * A search over articles, as the {@link KnowledgeBase} hands it to the {@link ArticleIndex}: the
 * words, the reader's language, how many results, which articles may be returned, and a scope
 * whose articles rank higher (an incident's category, service and configuration item).
 *
 * <p>Articles are searched in {@code language}; an article without a translation in it is searched
 * in English when {@code fallbackToEnglish} (the default), so a German reader also finds articles
 * written only in English.
 *
 * <p>Immutable and thread-safe.
 *
 * @param text the words searched for, not blank, at most {@value #MAX_TEXT_LENGTH} characters
 * @param language the reader's language, one of {@link ArticleText#LANGUAGES}
 * @param fallbackToEnglish whether articles without {@code language} are searched in English
 * @param limit the most results, 1 to {@value #MAX_LIMIT}
 * @param filter which articles may be returned
 * @param prefer articles whose scope names this scope's category, service or configuration item
 *     rank higher (a hint, not a filter); {@link ArticleScope#everywhere()} for none
 */
public record ArticleSearch(
    String text, String language, boolean fallbackToEnglish, int limit, ArticleFilter filter,
    ArticleScope prefer) {

  /** The longest text searched for, in characters. */
  public static final int MAX_TEXT_LENGTH = 4_000;

  /** The most results of one search. */
  public static final int MAX_LIMIT = 100;

  /** The number of results when none is given. */
  public static final int DEFAULT_LIMIT = 5;

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if the text is blank or too long, the language is not supported,
   *     or the limit is out of range
   */
  public ArticleSearch {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(prefer, "prefer");
    ArticleText.checkLanguage(language);
    if (text.isBlank()) {
      throw new ValidationException("search text must not be blank: give the words to search for");
    }
    if (text.length() > MAX_TEXT_LENGTH) {
      throw new ValidationException("search text must be at most " + MAX_TEXT_LENGTH
          + " characters, but was " + text.length() + "; search with the words that matter");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new ValidationException("search limit must be between 1 and " + MAX_LIMIT + ", but was "
          + limit);
    }
  }

  /**
   * A search of published articles in a language, with the default limit, falling back to
   * English.
   *
   * @param text the words
   * @param language the reader's language
   * @return the search
   * @throws ValidationException as the canonical constructor
   */
  public static ArticleSearch of(String text, String language) {
    return new ArticleSearch(text, language, true, DEFAULT_LIMIT, ArticleFilter.published(),
        ArticleScope.everywhere());
  }

  /**
   * Returns this search with another limit.
   *
   * @param limit the most results
   * @return the copy
   * @throws ValidationException if out of range
   */
  public ArticleSearch withLimit(int limit) {
    return new ArticleSearch(text, language, fallbackToEnglish, limit, filter, prefer);
  }

  /**
   * Returns this search with another filter.
   *
   * @param filter the filter
   * @return the copy
   */
  public ArticleSearch withFilter(ArticleFilter filter) {
    return new ArticleSearch(text, language, fallbackToEnglish, limit, filter, prefer);
  }

  /**
   * Returns this search preferring articles of a scope.
   *
   * @param prefer the scope
   * @return the copy
   */
  public ArticleSearch withPrefer(ArticleScope prefer) {
    return new ArticleSearch(text, language, fallbackToEnglish, limit, filter, prefer);
  }

  /**
   * Returns this search in its language only: articles without a translation in it are not
   * searched (a language filter).
   *
   * @return the copy
   */
  public ArticleSearch withoutFallback() {
    return new ArticleSearch(text, language, false, limit, filter, prefer);
  }
}
