package io.itsm.core.problem;

import io.itsm.core.ValidationException;
import java.time.Instant;
import java.util.Objects;

/**
 * One change to a {@link Problem}: the unit of its history, from which its state is rebuilt
 * ({@link ProblemHistory#replay}).
 *
 * <p>All implementations are immutable records and thread-safe.
 */
public sealed interface ProblemEvent
    permits ProblemLogged, ProblemIncidentLinked, ProblemInvestigationStarted,
        ProblemRootCauseRecorded, ProblemWorkaroundRecorded, ProblemKnownErrorDeclared,
        ProblemResolved, ProblemClosed {

  /**
   * Returns the id of the problem the event belongs to.
   *
   * @return the problem id
   */
  String problemId();

  /**
   * Returns the event's position in its problem's history, from 1.
   *
   * @return the sequence number
   */
  long sequence();

  /**
   * Returns when it happened.
   *
   * @return the instant
   */
  Instant at();

  /**
   * Returns who caused it ({@code "system"} for automatic changes).
   *
   * @return the actor id
   */
  String actor();

  /**
   * Returns the event type's name as used in JSON, for example {@code "ProblemResolved"}.
   *
   * @return the simple name of the record
   */
  default String type() {
    return getClass().getSimpleName();
  }

  /**
   * Checks the components every problem event has.
   *
   * @param problemId the problem id
   * @param sequence the sequence number
   * @param at the instant
   * @param actor the actor id
   * @throws NullPointerException if a reference is null
   * @throws ValidationException if {@code sequence} is below 1 or {@code problemId} is blank
   */
  static void check(String problemId, long sequence, Instant at, String actor) {
    Objects.requireNonNull(problemId, "problemId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    if (problemId.isBlank()) {
      throw new ValidationException("problemId must not be blank");
    }
    if (sequence < 1) {
      throw new ValidationException("event sequence must be 1 or more, but was " + sequence);
    }
  }

  /**
   * Checks that a text is not blank.
   *
   * @param what the property, for the message
   * @param text the text
   * @throws ValidationException if it is blank
   */
  static void requireText(String what, String text) {
    if (Objects.requireNonNull(text, what).isBlank()) {
      throw new ValidationException(what + " must not be blank");
    }
  }
}
