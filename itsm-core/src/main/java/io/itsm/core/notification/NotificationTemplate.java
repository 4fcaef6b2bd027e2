package io.itsm.core.notification;

import io.itsm.core.ValidationException;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A named message, written for one event, in several languages.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the template's name, as rules name it ({@code "incident-resolved"}); not blank
 * @param event the event it is written for, one of {@link TemplateFields#events()}
 * @param texts the text by language code
 */
public record NotificationTemplate(String name, String event, Map<String, TemplateText> texts) {

  /**
   * Validates and copies the components (the fields are checked by {@link NotificationTemplates}).
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if the name is blank or there is no text
   */
  public NotificationTemplate {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(event, "event");
    texts = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(texts, "texts")));
    if (name.isBlank()) {
      throw new ValidationException("notification template name must not be blank");
    }
    if (texts.isEmpty()) {
      throw new ValidationException("notification template " + name + " must have a text in at least one language");
    }
  }
}
