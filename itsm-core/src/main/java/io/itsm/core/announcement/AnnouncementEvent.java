package io.itsm.core.announcement;

import java.time.Instant;
import java.util.Objects;

/**
 * One change to an announcement: the unit of its history.
 *
 * <p>All implementations are immutable records and thread-safe.
 */
public sealed interface AnnouncementEvent
    permits AnnouncementDrafted, AnnouncementRevised, AnnouncementSubmitted,
        AnnouncementApprovalDecided, AnnouncementPublished, AnnouncementEnded, AnnouncementArchived,
        AnnouncementCancelled, FeedbackGiven, IncidentLinked {

  /**
   * Returns the announcement's id.
   *
   * @return the id
   */
  String announcementId();

  /**
   * Returns the event's position in the announcement's history, from 1.
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
   * Returns who caused it.
   *
   * @return the actor id
   */
  String actor();

  /**
   * Returns the event type's name as used in JSON, for example {@code "AnnouncementPublished"}.
   *
   * @return the simple name of the record
   */
  default String type() {
    return getClass().getSimpleName();
  }

  /**
   * Checks the common components.
   *
   * @param id the announcement
   * @param sequence the sequence
   * @param at the instant
   * @param actor the actor
   * @throws NullPointerException if a component is null
   * @throws io.itsm.core.ValidationException if the sequence is below 1
   */
  static void check(String id, long sequence, Instant at, String actor) {
    Objects.requireNonNull(id, "announcementId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    if (sequence < 1) {
      throw new io.itsm.core.ValidationException("event sequence must be 1 or more, but was " + sequence);
    }
  }
}
