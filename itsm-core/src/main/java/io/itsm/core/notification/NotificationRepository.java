package io.itsm.core.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stores notifications and their delivery attempts (a table keyed by notification id, indexed by
 * status and due time for the worker, by recipient and subject for queries).
 *
 * <p>Implementations must be thread-safe.
 */
public interface NotificationRepository {

  /**
   * Stores a new notification unless one with its id exists: what makes delivery idempotent by
   * event.
   *
   * @param notification the notification
   * @return {@code true} if stored, {@code false} if its id was there already (nothing changed)
   */
  boolean add(Notification notification);

  /**
   * Replaces a stored notification (after a delivery attempt).
   *
   * @param notification the notification, with an id that is stored
   * @throws IllegalArgumentException if no notification has its id
   */
  void update(Notification notification);

  /**
   * Finds a notification.
   *
   * @param id the id
   * @return the notification, or empty
   */
  Optional<Notification> find(String id);

  /**
   * Returns the pending notifications due at an instant, oldest due first.
   *
   * @param now the instant
   * @param limit at most this many
   * @return the notifications
   */
  List<Notification> due(Instant now, int limit);

  /**
   * Returns when the next pending notification is due.
   *
   * @return the instant, or empty when nothing is pending
   */
  Optional<Instant> nextDue();

  /**
   * Finds notifications.
   *
   * @param query the criteria
   * @return the notifications, in the order they were stored
   */
  List<Notification> find(NotificationQuery query);
}
