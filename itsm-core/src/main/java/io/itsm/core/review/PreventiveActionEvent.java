package io.itsm.core.review;

import io.itsm.core.ValidationException;
import java.time.Instant;
import java.util.Objects;

/**
 * One change to a {@link PreventiveAction}: the unit of its history, from which its state is
 * rebuilt ({@link PreventiveActionHistory#replay}). Metrics of overdue preventive actions read
 * {@link PreventiveActionOpened} (the due time), {@link PreventiveActionRescheduled}, {@link
 * PreventiveActionCompleted}, {@link PreventiveActionCancelled} and {@link
 * PreventiveActionEscalated}.
 *
 * <p>All implementations are immutable records and thread-safe.
 */
public sealed interface PreventiveActionEvent
    permits PreventiveActionOpened, PreventiveActionStarted, PreventiveActionReassigned,
        PreventiveActionRescheduled, PreventiveActionLinked, PreventiveActionCompleted,
        PreventiveActionCancelled, PreventiveActionEscalated {

  /**
   * Returns the id of the action the event belongs to.
   *
   * @return the action id
   */
  String actionId();

  /**
   * Returns the event's position in its action's history, from 1.
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
   * Returns the event type's name as used in JSON, for example {@code "PreventiveActionCompleted"}.
   *
   * @return the simple name of the record
   */
  default String type() {
    return getClass().getSimpleName();
  }

  /**
   * Checks the components every action event has.
   *
   * @param actionId the action id
   * @param sequence the sequence number
   * @param at the instant
   * @param actor the actor id
   * @throws NullPointerException if a reference is null
   * @throws ValidationException if {@code sequence} is below 1 or {@code actionId} is blank
   */
  static void check(String actionId, long sequence, Instant at, String actor) {
    Objects.requireNonNull(actionId, "actionId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    if (actionId.isBlank()) {
      throw new ValidationException("actionId must not be blank");
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
