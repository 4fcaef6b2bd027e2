package io.itsm.core.notification;

/**
 * How a message reaches a person; a {@link Publisher} delivers each channel its own way, to the
 * address the recipient has for it.
 */
public enum DeliveryChannel {
  /** E-mail. */
  EMAIL,
  /** The self-service portal (a notification or banner there). */
  PORTAL,
  /** A text message. */
  SMS,
  /** A chat message (Teams, Slack, ...). */
  CHAT,
  /** A push notification to a phone app. */
  PUSH
}
