package io.itsm.core.knowledge;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a reader sees of an article: one version in one language (the reader's, else English, else
 * the original), with its kind, audience and scope.
 *
 * <p>Immutable and thread-safe.
 *
 * @param articleId the article
 * @param versionNumber the version shown
 * @param state {@link ArticleState#PUBLISHED} for a published version; otherwise the article's
 *     state (agents may read drafts, versions in review and retired articles)
 * @param kind the kind
 * @param audience the audience
 * @param scope where it applies
 * @param text the text in the language shown
 * @param publishedAt when the version was published, if it was
 */
public record ArticleView(
    String articleId,
    int versionNumber,
    ArticleState state,
    ArticleKind kind,
    Audience audience,
    ArticleScope scope,
    ArticleText text,
    Optional<Instant> publishedAt) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public ArticleView {
    Objects.requireNonNull(articleId, "articleId");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(audience, "audience");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(publishedAt, "publishedAt");
  }

  /**
   * Shows one version of an article in a language.
   *
   * @param article the article
   * @param version the version
   * @param language the reader's language
   * @return the view
   */
  public static ArticleView of(KnowledgeArticle article, ArticleVersion version, String language) {
    ArticleContent c = version.content();
    ArticleState state = version.publishedAt().isPresent()
        && article.publishedVersion().equals(Optional.of(version.number()))
        ? ArticleState.PUBLISHED : article.state();
    return new ArticleView(article.id(), version.number(), state, c.kind(), c.audience(),
        c.scope(), c.textFor(language), version.publishedAt());
  }

  /**
   * Returns the title shown.
   *
   * @return the title
   */
  public String title() {
    return text.title();
  }

  /**
   * Returns the language shown.
   *
   * @return the language code
   */
  public String language() {
    return text.language();
  }
}
