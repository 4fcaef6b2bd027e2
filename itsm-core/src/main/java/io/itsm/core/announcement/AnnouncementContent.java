package io.itsm.core.announcement;

import io.itsm.core.ValidationException;
import io.itsm.core.notification.DeliveryChannel;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What an announcement says: its kind, the services and configuration items it concerns, its
 * window, a contact, the channels it goes out on, and its text in one or more languages (each user
 * gets theirs, falling back to {@code defaultLanguage}).
 *
 * <pre>{@code
 * AnnouncementContent content = AnnouncementContent.of(AnnouncementKind.UNPLANNED_OUTAGE,
 *         OutageWindow.from(now, ZoneId.of("Europe/Stockholm")), "servicedesk@example.com", "en",
 *         new AnnouncementText("Web shop unavailable", "Orders database failed", "No orders", "Call us"))
 *     .withServices(Set.of("svc-webshop"))
 *     .withText("de", new AnnouncementText("Webshop nicht verfügbar", ...));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind what it is about
 * @param services the business services concerned
 * @param cis the configuration items concerned
 * @param window when
 * @param contact whom to contact (an address, a phone number, a team); not blank
 * @param channels how it is delivered; not empty
 * @param defaultLanguage the language users without a text of their own get; must have a text
 * @param texts the text by language code ({@code en}, {@code de}, ...)
 * @param majorIncidentId the major incident behind it, or empty
 */
public record AnnouncementContent(
    AnnouncementKind kind,
    Set<String> services,
    Set<String> cis,
    OutageWindow window,
    String contact,
    Set<DeliveryChannel> channels,
    String defaultLanguage,
    Map<String, AnnouncementText> texts,
    Optional<String> majorIncidentId) {

  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if it concerns no service and no item, the contact is blank, there
   *     is no channel, a language code is malformed, or the default language has no text
   */
  public AnnouncementContent {
    Objects.requireNonNull(kind, "kind");
    services = Collections.unmodifiableSet(new TreeSet<>(Objects.requireNonNull(services, "services")));
    cis = Collections.unmodifiableSet(new TreeSet<>(Objects.requireNonNull(cis, "cis")));
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(contact, "contact");
    channels = Objects.requireNonNull(channels, "channels").isEmpty() ? Set.of()
        : Collections.unmodifiableSet(EnumSet.copyOf(channels));
    Objects.requireNonNull(defaultLanguage, "defaultLanguage");
    texts = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(texts, "texts")));
    Objects.requireNonNull(majorIncidentId, "majorIncidentId");
    if (services.isEmpty() && cis.isEmpty()) {
      throw new ValidationException("an announcement must concern at least one service or"
          + " configuration item, but services and cis were both empty");
    }
    for (String s : services) {
      if (s.isBlank()) {
        throw new ValidationException("services of an announcement must not hold a blank id");
      }
    }
    for (String c : cis) {
      if (c.isBlank()) {
        throw new ValidationException("cis of an announcement must not hold a blank id");
      }
    }
    if (contact.isBlank()) {
      throw new ValidationException("contact of an announcement must not be blank");
    }
    if (channels.isEmpty()) {
      throw new ValidationException("channels of an announcement must not be empty; allowed: "
          + java.util.Arrays.toString(DeliveryChannel.values()));
    }
    for (String lang : texts.keySet()) {
      if (!LANGUAGE.matcher(lang).matches()) {
        throw new ValidationException("texts of an announcement must be keyed by ISO 639-1 language"
            + " codes such as 'en', but one was '" + lang + "'");
      }
    }
    if (!texts.containsKey(defaultLanguage)) {
      throw new ValidationException("texts of an announcement must include the default language '"
          + defaultLanguage + "', but had " + texts.keySet());
    }
  }

  /**
   * A content with one text, in the default language, on e-mail and the portal, concerning nothing
   * yet (add services or items).
   *
   * @param kind the kind
   * @param window the window
   * @param contact the contact
   * @param defaultLanguage the language of the text
   * @param text the text
   * @return a builder-like content; call {@link #withServices} or {@link #withCis} before use
   * @throws ValidationException never for valid arguments: the content is checked when services are
   *     added
   */
  public static Draft of(AnnouncementKind kind, OutageWindow window, String contact,
      String defaultLanguage, AnnouncementText text) {
    return new Draft(kind, window, contact, defaultLanguage, Map.of(defaultLanguage, text));
  }

  /**
   * The first step of building a content: everything but what it concerns.
   *
   * @param kind the kind
   * @param window the window
   * @param contact the contact
   * @param defaultLanguage the default language
   * @param texts the texts
   */
  public record Draft(AnnouncementKind kind, OutageWindow window, String contact,
      String defaultLanguage, Map<String, AnnouncementText> texts) {

    /**
     * Copies the texts.
     *
     * @throws NullPointerException if a component is null
     */
    public Draft {
      texts = Map.copyOf(Objects.requireNonNull(texts, "texts"));
    }

    /**
     * Completes the content with the services it concerns, on e-mail and the portal.
     *
     * @param services the service ids
     * @return the content
     * @throws ValidationException if the content is invalid
     */
    public AnnouncementContent withServices(Set<String> services) {
      return new AnnouncementContent(kind, services, Set.of(), window, contact,
          EnumSet.of(DeliveryChannel.EMAIL, DeliveryChannel.PORTAL), defaultLanguage, texts,
          Optional.empty());
    }

    /**
     * Completes the content with the configuration items it concerns, on e-mail and the portal.
     *
     * @param cis the item ids
     * @return the content
     * @throws ValidationException if the content is invalid
     */
    public AnnouncementContent withCis(Set<String> cis) {
      return new AnnouncementContent(kind, Set.of(), cis, window, contact,
          EnumSet.of(DeliveryChannel.EMAIL, DeliveryChannel.PORTAL), defaultLanguage, texts,
          Optional.empty());
    }
  }

  /**
   * Returns the text for a language, or the default language's.
   *
   * @param language a language code, or {@code null}
   * @return the text
   */
  public AnnouncementText text(String language) {
    AnnouncementText t = language == null ? null : texts.get(language);
    return t != null ? t : texts.get(defaultLanguage);
  }

  /**
   * Returns a copy with another text for a language.
   *
   * @param language the language code
   * @param text the text
   * @return the copy
   */
  public AnnouncementContent withText(String language, AnnouncementText text) {
    Map<String, AnnouncementText> t = new LinkedHashMap<>(texts);
    t.put(language, text);
    return new AnnouncementContent(kind, services, cis, window, contact, channels, defaultLanguage, t,
        majorIncidentId);
  }

  /**
   * Returns a copy concerning other services.
   *
   * @param services the service ids
   * @return the copy
   */
  public AnnouncementContent withServices(Set<String> services) {
    return new AnnouncementContent(kind, services, cis, window, contact, channels, defaultLanguage,
        texts, majorIncidentId);
  }

  /**
   * Returns a copy concerning other configuration items.
   *
   * @param cis the item ids
   * @return the copy
   */
  public AnnouncementContent withCis(Set<String> cis) {
    return new AnnouncementContent(kind, services, cis, window, contact, channels, defaultLanguage,
        texts, majorIncidentId);
  }

  /**
   * Returns a copy with another window.
   *
   * @param window the window
   * @return the copy
   */
  public AnnouncementContent withWindow(OutageWindow window) {
    return new AnnouncementContent(kind, services, cis, window, contact, channels, defaultLanguage,
        texts, majorIncidentId);
  }

  /**
   * Returns a copy with another contact.
   *
   * @param contact the contact
   * @return the copy
   */
  public AnnouncementContent withContact(String contact) {
    return new AnnouncementContent(kind, services, cis, window, contact, channels, defaultLanguage,
        texts, majorIncidentId);
  }

  /**
   * Returns a copy delivered on other channels.
   *
   * @param channels the channels
   * @return the copy
   */
  public AnnouncementContent withChannels(Set<DeliveryChannel> channels) {
    return new AnnouncementContent(kind, services, cis, window, contact, channels, defaultLanguage,
        texts, majorIncidentId);
  }

  /**
   * Returns a copy naming the major incident behind it.
   *
   * @param incidentId the incident id
   * @return the copy
   */
  public AnnouncementContent withMajorIncident(String incidentId) {
    return new AnnouncementContent(kind, services, cis, window, contact, channels, defaultLanguage,
        texts, Optional.of(incidentId));
  }

  /**
   * Tells whether this content shares a service or an item with another.
   *
   * @param other the other content
   * @return whether they concern something in common
   */
  public boolean concernsAnyOf(AnnouncementContent other) {
    return !Collections.disjoint(services, other.services) || !Collections.disjoint(cis, other.cis);
  }
}
