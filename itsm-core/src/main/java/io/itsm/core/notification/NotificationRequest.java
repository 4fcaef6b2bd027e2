package io.itsm.core.notification;

import io.itsm.core.ValidationException;
import java.util.Objects;
import java.util.Optional;

/**
 * What a notification rule decided: tell an audience, with a template, on a channel (or the
 * recipient's preferred one), and why.
 *
 * <p>Immutable and thread-safe.
 *
 * @param audience whom
 * @param userId the user, for {@link Audience#USER}; empty otherwise
 * @param channel the channel, or empty for each recipient's preferred one
 * @param template the template's name
 * @param rule the deciding rule
 * @param reason why
 */
public record NotificationRequest(
    Audience audience, Optional<String> userId, Optional<DeliveryChannel> channel, String template,
    String rule, String reason) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if a USER audience has no user id (or another audience has one),
   *     or the template or rule is blank
   */
  public NotificationRequest {
    Objects.requireNonNull(audience, "audience");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(reason, "reason");
    if ((audience == Audience.USER) != userId.isPresent()) {
      throw new ValidationException("a notification to " + audience + " must "
          + (audience == Audience.USER ? "" : "not ") + "name a user id (rule '" + rule + "')");
    }
    if (template.isBlank() || rule.isBlank()) {
      throw new ValidationException("a notification request must name its template and rule");
    }
  }
}
