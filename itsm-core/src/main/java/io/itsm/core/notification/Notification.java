package io.itsm.core.notification;

import io.itsm.core.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One message to one recipient about one event, as decided, rendered and stored; with its delivery
 * attempts. Its id is derived from the event, recipient, template and channel, so the same event
 * never gives the same message twice.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the idempotency key: {@code <source>/<recipient>/<template>/<channel>}
 * @param source the event: {@code incident/INC-000001#3} or {@code announcement/ANN-000001#5}
 * @param subjectId the incident or announcement id
 * @param eventType the event's type
 * @param recipientId who
 * @param channel on which channel
 * @param address the recipient's address on it
 * @param language the language of the text
 * @param template the template
 * @param subject the rendered subject
 * @param body the rendered body
 * @param rule the rule that decided it
 * @param reason why
 * @param createdAt when it was decided
 * @param timing now, later or in the digest
 * @param scheduledBy the rule that decided the timing, or empty
 * @param dueAt when the next delivery attempt is due
 * @param status pending, delivered or failed
 * @param attempts the delivery attempts, oldest first
 */
public record Notification(
    String id,
    String source,
    String subjectId,
    String eventType,
    String recipientId,
    DeliveryChannel channel,
    String address,
    String language,
    String template,
    String subject,
    String body,
    String rule,
    String reason,
    Instant createdAt,
    DeliveryTiming timing,
    Optional<String> scheduledBy,
    Instant dueAt,
    NotificationStatus status,
    List<DeliveryAttempt> attempts) {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if the id is blank
   */
  public Notification {
    for (Object o : new Object[] {id, source, subjectId, eventType, recipientId, channel, address,
        language, template, subject, body, rule, reason, createdAt, timing, scheduledBy, dueAt, status}) {
      Objects.requireNonNull(o, "notification component");
    }
    attempts = List.copyOf(Objects.requireNonNull(attempts, "attempts"));
    if (id.isBlank()) {
      throw new ValidationException("notification id must not be blank");
    }
  }

  /**
   * Returns a copy after a delivery attempt.
   *
   * @param attempt the attempt
   * @param status the status after it
   * @param nextDue when the next attempt is due (unchanged when delivered or failed for good)
   * @return the copy
   */
  public Notification withAttempt(DeliveryAttempt attempt, NotificationStatus status, Instant nextDue) {
    List<DeliveryAttempt> a = new ArrayList<>(attempts);
    a.add(attempt);
    return new Notification(id, source, subjectId, eventType, recipientId, channel, address, language,
        template, subject, body, rule, reason, createdAt, timing, scheduledBy, nextDue, status, a);
  }

  /**
   * Returns when it was delivered.
   *
   * @return the instant of the successful attempt, or empty
   */
  public Optional<Instant> deliveredAt() {
    return attempts.stream().filter(DeliveryAttempt::delivered).map(DeliveryAttempt::at).findFirst();
  }
}
