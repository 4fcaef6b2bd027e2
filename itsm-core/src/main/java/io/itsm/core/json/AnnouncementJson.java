package io.itsm.core.json;

import io.itsm.core.announcement.Announcement;
import io.itsm.core.announcement.AnnouncementContent;
import io.itsm.core.announcement.AnnouncementEvent;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * The JSON form of announcements: their content, stored state, events and a list document, in
 * the format of docs/announcements.md ("JSON"), under the general rules of docs/json.md (records
 * by their components, events with {@code "type"} first, strict reading with the JSON path of
 * every problem). Durations such as the lead time are ISO-8601 strings ({@code "PT72H"}), time
 * zones their ids.
 *
 * <pre>{@code
 * AnnouncementJson json = ItsmJson.defaults().announcements();
 * AnnouncementContent content = json.readContent(text);
 * String list = json.writeList(announcements.search(agent, AnnouncementQuery.archive()));
 * }</pre>
 *
 * <p>Immutable and thread-safe; get it from {@link ItsmJson#announcements()}.
 */
public final class AnnouncementJson {

  private final ItsmJson json;

  AnnouncementJson(ItsmJson json) {
    this.json = json;
  }

  /**
   * Writes an announcement's content (what {@code Announcements.draft} takes).
   *
   * @param content the content
   * @return the JSON text
   * @throws NullPointerException if {@code content} is null
   */
  public String writeContent(AnnouncementContent content) {
    return json.write(Objects.requireNonNull(content, "content"), AnnouncementContent.class);
  }

  /**
   * Reads an announcement's content.
   *
   * @param text the JSON text
   * @return the content
   * @throws NullPointerException if {@code text} is null
   * @throws JsonFormatException if the text is not valid content
   */
  public AnnouncementContent readContent(String text) {
    return ItsmJson.read(text, AnnouncementContent.class);
  }

  /**
   * Writes a stored announcement.
   *
   * @param announcement the announcement
   * @return the JSON text
   * @throws NullPointerException if {@code announcement} is null
   */
  public String writeAnnouncement(Announcement announcement) {
    return json.write(Objects.requireNonNull(announcement, "announcement"), Announcement.class);
  }

  /**
   * Reads a stored announcement.
   *
   * @param text the JSON text
   * @return the announcement
   * @throws NullPointerException if {@code text} is null
   * @throws JsonFormatException if the text is not a valid announcement
   */
  public Announcement readAnnouncement(String text) {
    return ItsmJson.read(text, Announcement.class);
  }

  /**
   * Writes a list of announcements: {@code {"formatVersion": 1, "announcements": [...]}}.
   *
   * @param announcements the announcements
   * @return the JSON text
   * @throws NullPointerException if {@code announcements} or an element is null
   */
  public String writeList(List<Announcement> announcements) {
    Objects.requireNonNull(announcements, "announcements");
    announcements.forEach(a -> Objects.requireNonNull(a, "announcements must not contain null"));
    return json.write(AnnouncementListDocument.of(announcements), AnnouncementListDocument.class);
  }

  /**
   * Reads a list of announcements.
   *
   * @param text the JSON text
   * @return the announcements, in document order
   * @throws NullPointerException if {@code text} is null
   * @throws JsonFormatException if the text is not a valid list
   */
  public List<Announcement> readList(String text) {
    return ItsmJson.read(text, AnnouncementListDocument.class).announcements();
  }

  /**
   * Reads a list of announcements from a character stream. Does not close it.
   *
   * @param text the JSON text
   * @return the announcements, in document order
   * @throws NullPointerException if {@code text} is null
   * @throws JsonFormatException if the text is not a valid list
   * @throws UncheckedIOException if reading fails
   */
  public List<Announcement> readList(Reader text) {
    return ItsmJson.read(text, AnnouncementListDocument.class).announcements();
  }

  /**
   * Writes an announcement event, its {@code "type"} first.
   *
   * @param event the event
   * @return the JSON text
   * @throws NullPointerException if {@code event} is null
   */
  public String writeEvent(AnnouncementEvent event) {
    return json.write(Objects.requireNonNull(event, "event"), AnnouncementEvent.class);
  }

  /**
   * Reads an announcement event; its {@code "type"} names the event record.
   *
   * @param text the JSON text
   * @return the event
   * @throws NullPointerException if {@code text} is null
   * @throws JsonFormatException if the text is not a valid event
   */
  public AnnouncementEvent readEvent(String text) {
    return ItsmJson.read(text, AnnouncementEvent.class);
  }
}
