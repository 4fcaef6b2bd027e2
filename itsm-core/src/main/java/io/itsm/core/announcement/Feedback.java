package io.itsm.core.announcement;

import java.time.Instant;
import java.util.Objects;

/**
 * A user's feedback on an announcement: was it helpful, and a comment.
 *
 * <p>Immutable and thread-safe.
 *
 * @param userId who
 * @param at when
 * @param helpful whether it helped
 * @param comment what the user says, maybe empty
 */
public record Feedback(String userId, Instant at, boolean helpful, String comment) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   */
  public Feedback {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(comment, "comment");
  }
}
