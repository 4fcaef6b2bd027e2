package io.itsm.core.knowledge;

import io.itsm.core.ValidationException;

/**
 * How an article has been used, counted from its events (inputs of the desk's metrics): how often
 * it was suggested to agents at diagnosis, opened, used to resolve an incident, and what readers
 * said of it.
 *
 * <p>"Suggested but not used" is {@code suggested - usedToResolve}; the deflection rate of the
 * self-service portal is {@code deflected} over the searches that showed the article.
 *
 * <p>Immutable and thread-safe.
 *
 * @param suggested times shown to an agent as a suggestion for an incident
 * @param opened times opened by a reader
 * @param usedToResolve incidents resolved with it
 * @param helped readers who said it helped (deflections not included)
 * @param notHelped readers who said it did not help
 * @param deflected times it answered an end user's question in self-service, so that no ticket
 *     was logged
 */
public record ArticleUsage(
    long suggested, long opened, long usedToResolve, long helped, long notHelped, long deflected) {

  /** Nothing counted yet. */
  public static final ArticleUsage NONE = new ArticleUsage(0, 0, 0, 0, 0, 0);

  /**
   * Validates the counts.
   *
   * @throws ValidationException if a count is negative
   */
  public ArticleUsage {
    if (suggested < 0 || opened < 0 || usedToResolve < 0 || helped < 0 || notHelped < 0
        || deflected < 0) {
      throw new ValidationException("article usage counts must be zero or more, but were "
          + this.toString().substring("ArticleUsage".length()));
    }
  }

  /**
   * One more suggestion.
   *
   * @return the copy
   */
  public ArticleUsage plusSuggested() {
    return new ArticleUsage(suggested + 1, opened, usedToResolve, helped, notHelped, deflected);
  }

  /**
   * One more opening.
   *
   * @return the copy
   */
  public ArticleUsage plusOpened() {
    return new ArticleUsage(suggested, opened + 1, usedToResolve, helped, notHelped, deflected);
  }

  /**
   * One more incident resolved with it.
   *
   * @return the copy
   */
  public ArticleUsage plusUsed() {
    return new ArticleUsage(suggested, opened, usedToResolve + 1, helped, notHelped, deflected);
  }

  /**
   * One more piece of feedback.
   *
   * @param helpful whether it helped
   * @return the copy
   */
  public ArticleUsage plusFeedback(boolean helpful) {
    return helpful
        ? new ArticleUsage(suggested, opened, usedToResolve, helped + 1, notHelped, deflected)
        : new ArticleUsage(suggested, opened, usedToResolve, helped, notHelped + 1, deflected);
  }

  /**
   * One more question answered in self-service.
   *
   * @return the copy
   */
  public ArticleUsage plusDeflected() {
    return new ArticleUsage(suggested, opened, usedToResolve, helped, notHelped, deflected + 1);
  }
}
