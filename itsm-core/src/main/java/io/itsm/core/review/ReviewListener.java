package io.itsm.core.review;

/**
 * Hears every stored review event, after its command was stored, each review's events in order.
 * An exception is logged and does not undo the command. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface ReviewListener {

  /**
   * Called for each event of a stored command.
   *
   * @param event the event
   * @param review the review after the whole command
   */
  void onEvent(ReviewEvent event, PostIncidentReview review);
}
