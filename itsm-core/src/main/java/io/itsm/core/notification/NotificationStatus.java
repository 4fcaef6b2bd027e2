package io.itsm.core.notification;

/** Where a notification stands. */
public enum NotificationStatus {
  /** Waiting to be delivered (its due time has not come, or a retry is due). */
  PENDING,
  /** Delivered by the publisher. */
  DELIVERED,
  /** Given up after the retry policy's last attempt. */
  FAILED
}
