package io.itsm.core.json;

import io.itsm.core.notification.Notification;
import io.itsm.core.notification.NotificationTemplates;
import io.itsm.core.notification.Recipient;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * The JSON form of notifications, their templates and recipients, in the format of
 * docs/notifications.md, under the general rules of docs/json.md (records by their components,
 * strict reading with the JSON path of every problem). Templates read are checked as {@link
 * NotificationTemplates#of} checks them, every problem listed.
 *
 * <pre>{@code
 * NotificationTemplates mine = ItsmJson.defaults().notifications().readTemplates(reader);
 * List<Recipient> people = ItsmJson.defaults().notifications().readRecipients(reader);
 * }</pre>
 *
 * <p>Immutable and thread-safe; get it from {@link ItsmJson#notifications()}.
 */
public final class NotificationJson {

  private final ItsmJson json;

  NotificationJson(ItsmJson json) {
    this.json = json;
  }

  /**
   * Reads and checks templates: {@code {"formatVersion": 1, "defaultLanguage": "en",
   * "languages": [...], "templates": [{"name", "event", "texts": {"en": {"subject", "body"}}}]}}.
   *
   * @param text the JSON text
   * @return the templates
   * @throws NullPointerException if {@code text} is null
   * @throws JsonFormatException if the text is not a valid templates document, or a template is
   *     invalid (an unknown field, a missing default text: the problems are listed)
   */
  public NotificationTemplates readTemplates(String text) {
    return ItsmJson.read(text, NotificationTemplates.class);
  }

  /**
   * Reads and checks templates from a character stream, as {@link #readTemplates(String)}. Does
   * not close it.
   *
   * @param text the JSON text
   * @return the templates
   * @throws NullPointerException if {@code text} is null
   * @throws JsonFormatException if the text is not a valid templates document
   * @throws UncheckedIOException if reading fails
   */
  public NotificationTemplates readTemplates(Reader text) {
    return ItsmJson.read(text, NotificationTemplates.class);
  }

  /**
   * Writes templates.
   *
   * @param templates the templates
   * @return the JSON text
   * @throws NullPointerException if {@code templates} is null
   */
  public String writeTemplates(NotificationTemplates templates) {
    return json.write(Objects.requireNonNull(templates, "templates"), NotificationTemplates.class);
  }

  /**
   * Writes a notification with its delivery attempts.
   *
   * @param notification the notification
   * @return the JSON text
   * @throws NullPointerException if {@code notification} is null
   */
  public String writeNotification(Notification notification) {
    return json.write(Objects.requireNonNull(notification, "notification"), Notification.class);
  }

  /**
   * Reads a notification.
   *
   * @param text the JSON text
   * @return the notification
   * @throws NullPointerException if {@code text} is null
   * @throws JsonFormatException if the text is not a valid notification
   */
  public Notification readNotification(String text) {
    return ItsmJson.read(text, Notification.class);
  }

  /**
   * Reads a recipient file: {@code {"formatVersion": 1, "recipients": [...]}}.
   *
   * @param text the JSON text
   * @return the recipients, in file order
   * @throws NullPointerException if {@code text} is null
   * @throws JsonFormatException if the text is not a valid recipient file
   */
  public List<Recipient> readRecipients(String text) {
    return ItsmJson.read(text, RecipientsDocument.class).recipients();
  }

  /**
   * Reads a recipient file from a character stream. Does not close it.
   *
   * @param text the JSON text
   * @return the recipients, in file order
   * @throws NullPointerException if {@code text} is null
   * @throws JsonFormatException if the text is not a valid recipient file
   * @throws UncheckedIOException if reading fails
   */
  public List<Recipient> readRecipients(Reader text) {
    return ItsmJson.read(text, RecipientsDocument.class).recipients();
  }

  /**
   * Writes recipients as a recipient file.
   *
   * @param recipients the recipients
   * @return the JSON text
   * @throws NullPointerException if {@code recipients} or an element is null
   */
  public String writeRecipients(List<Recipient> recipients) {
    Objects.requireNonNull(recipients, "recipients");
    recipients.forEach(r -> Objects.requireNonNull(r, "recipients must not contain null"));
    return json.write(RecipientsDocument.of(recipients), RecipientsDocument.class);
  }
}
