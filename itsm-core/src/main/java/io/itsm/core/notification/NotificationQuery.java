package io.itsm.core.notification;

import java.util.Objects;
import java.util.Optional;

/**
 * Criteria for finding notifications; results are in the order the notifications were stored.
 *
 * <p>Immutable and thread-safe.
 *
 * @param recipientId the recipient, or empty
 * @param subjectId the incident or announcement, or empty
 * @param status the status, or empty
 */
public record NotificationQuery(Optional<String> recipientId, Optional<String> subjectId,
    Optional<NotificationStatus> status) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   */
  public NotificationQuery {
    Objects.requireNonNull(recipientId, "recipientId");
    Objects.requireNonNull(subjectId, "subjectId");
    Objects.requireNonNull(status, "status");
  }

  /**
   * Matches every notification.
   *
   * @return the query
   */
  public static NotificationQuery all() {
    return new NotificationQuery(Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * Returns a copy for one recipient.
   *
   * @param id the recipient
   * @return the copy
   */
  public NotificationQuery withRecipient(String id) {
    return new NotificationQuery(Optional.of(id), subjectId, status);
  }

  /**
   * Returns a copy for one incident or announcement.
   *
   * @param id its id
   * @return the copy
   */
  public NotificationQuery about(String id) {
    return new NotificationQuery(recipientId, Optional.of(id), status);
  }

  /**
   * Returns a copy for one status.
   *
   * @param status the status
   * @return the copy
   */
  public NotificationQuery withStatus(NotificationStatus status) {
    return new NotificationQuery(recipientId, subjectId, Optional.of(status));
  }

  /**
   * Tells whether a notification matches.
   *
   * @param n the notification
   * @return whether every criterion given matches
   */
  public boolean matches(Notification n) {
    return recipientId.map(n.recipientId()::equals).orElse(true)
        && subjectId.map(n.subjectId()::equals).orElse(true)
        && status.map(s -> n.status() == s).orElse(true);
  }
}
