package io.itsm.core.notification;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link Publisher} delivers: one message on one channel to one address. A digest is one
 * message standing for several notifications.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id a key the publisher can use to drop repeats (the notification's id, or the digest's)
 * @param channel the channel
 * @param address the address on it
 * @param recipientId who
 * @param language the language of the text
 * @param subject the subject
 * @param body the body
 * @param notificationIds the notifications it delivers
 */
public record Message(
    String id, DeliveryChannel channel, String address, String recipientId, String language,
    String subject, String body, List<String> notificationIds) {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is null
   */
  public Message {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(recipientId, "recipientId");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(body, "body");
    notificationIds = List.copyOf(Objects.requireNonNull(notificationIds, "notificationIds"));
  }
}
