package io.itsm.core.problem;

import java.util.Optional;

/**
 * Publishes the KNOWN_ERROR article of a problem declared a known error, so agents find the
 * workaround when the incidents recur. The knowledge base implements it (its method that
 * publishes a KNOWN_ERROR article); until one is plugged in, {@link #none()} publishes nothing and
 * the problem records no article.
 *
 * <p>{@link Problems#declareKnownError} publishes before it stores the declaration; if storing then
 * fails (the problem changed meanwhile), the command is retried and publishes again. So a
 * publisher must keep <em>one</em> article per problem id: publishing a problem that has one
 * updates it and returns its id.
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface KnownErrorPublisher {

  /**
   * Publishes (or updates) the KNOWN_ERROR article of a problem.
   *
   * @param knownError what the article says
   * @return the article's id, or empty when nothing was published
   */
  Optional<String> publish(KnownError knownError);

  /**
   * A publisher that publishes nothing (no knowledge base).
   *
   * @return the publisher
   */
  static KnownErrorPublisher none() {
    return knownError -> Optional.empty();
  }
}
