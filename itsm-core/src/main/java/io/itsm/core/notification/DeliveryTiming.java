package io.itsm.core.notification;

/** When a notification goes out, as a scheduling rule decided. */
public enum DeliveryTiming {
  /** At once. */
  NOW,
  /** At a later instant (for example when the recipient's quiet hours end). */
  LATER,
  /** In the recipient's next daily digest. */
  DIGEST
}
