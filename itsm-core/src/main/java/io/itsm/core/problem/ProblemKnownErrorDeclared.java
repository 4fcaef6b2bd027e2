package io.itsm.core.problem;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The problem is a known error: root cause and workaround are known (UNDER_INVESTIGATION →
 * KNOWN_ERROR); the KNOWN_ERROR article published for it, if a knowledge base took it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param problemId the problem's id
 * @param sequence the event's position in the problem's history
 * @param at when
 * @param actor who declared it
 * @param articleId the id of the KNOWN_ERROR article, if one was published
 */
public record ProblemKnownErrorDeclared(
    String problemId, long sequence, Instant at, String actor, Optional<String> articleId)
    implements ProblemEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.itsm.core.ValidationException if {@code sequence} is below 1
   */
  public ProblemKnownErrorDeclared {
    ProblemEvent.check(problemId, sequence, at, actor);
    Objects.requireNonNull(articleId, "articleId");
  }
}
