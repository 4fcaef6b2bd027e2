package io.itsm.core.notification;

import io.itsm.core.ValidationException;
import java.util.Objects;

/**
 * A template's subject and body in one language, with {@code {field}} placeholders; or a rendered
 * message's.
 *
 * <p>Immutable and thread-safe.
 *
 * @param subject the subject; not blank
 * @param body the body
 */
public record TemplateText(String subject, String body) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if the subject is blank
   */
  public TemplateText {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(body, "body");
    if (subject.isBlank()) {
      throw new ValidationException("subject of a notification template must not be blank");
    }
  }
}
