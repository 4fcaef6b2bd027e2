package io.itsm.core.announcement;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Criteria for searching announcements (the archive among them); every criterion given must match.
 * Results are ordered by window start, newest first.
 *
 * <pre>{@code
 * announcements.search(agent, AnnouncementQuery.archive().withService("svc-webshop").withText("database"));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param statuses the statuses, empty for any
 * @param kind the kind, or empty
 * @param service a service reached, or empty
 * @param ci an item concerned, or empty
 * @param text text in any language's title, cause, impact or workaround (ignoring case), or empty
 * @param from windows that end at or after this instant (or are open), or empty
 * @param to windows that start before this instant, or empty
 */
public record AnnouncementQuery(
    Set<AnnouncementStatus> statuses,
    Optional<AnnouncementKind> kind,
    Optional<String> service,
    Optional<String> ci,
    Optional<String> text,
    Optional<Instant> from,
    Optional<Instant> to) {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is null
   */
  public AnnouncementQuery {
    statuses = Objects.requireNonNull(statuses, "statuses").isEmpty() ? Set.of()
        : Set.copyOf(EnumSet.copyOf(statuses));
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(ci, "ci");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
  }

  /**
   * Matches every announcement.
   *
   * @return the query
   */
  public static AnnouncementQuery all() {
    return new AnnouncementQuery(Set.of(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * Matches archived announcements.
   *
   * @return the query
   */
  public static AnnouncementQuery archive() {
    return all().withStatuses(Set.of(AnnouncementStatus.ARCHIVED));
  }

  /**
   * Returns a copy matching these statuses.
   *
   * @param statuses the statuses
   * @return the copy
   */
  public AnnouncementQuery withStatuses(Set<AnnouncementStatus> statuses) {
    return new AnnouncementQuery(statuses, kind, service, ci, text, from, to);
  }

  /**
   * Returns a copy matching a kind.
   *
   * @param kind the kind
   * @return the copy
   */
  public AnnouncementQuery withKind(AnnouncementKind kind) {
    return new AnnouncementQuery(statuses, Optional.of(kind), service, ci, text, from, to);
  }

  /**
   * Returns a copy matching a service reached.
   *
   * @param service the service
   * @return the copy
   */
  public AnnouncementQuery withService(String service) {
    return new AnnouncementQuery(statuses, kind, Optional.of(service), ci, text, from, to);
  }

  /**
   * Returns a copy matching an item concerned.
   *
   * @param ci the item
   * @return the copy
   */
  public AnnouncementQuery withCi(String ci) {
    return new AnnouncementQuery(statuses, kind, service, Optional.of(ci), text, from, to);
  }

  /**
   * Returns a copy matching a text.
   *
   * @param text the text
   * @return the copy
   */
  public AnnouncementQuery withText(String text) {
    return new AnnouncementQuery(statuses, kind, service, ci, Optional.of(text), from, to);
  }

  /**
   * Returns a copy matching windows that touch a period.
   *
   * @param from the period's start
   * @param to the period's end
   * @return the copy
   */
  public AnnouncementQuery between(Instant from, Instant to) {
    return new AnnouncementQuery(statuses, kind, service, ci, text, Optional.of(from), Optional.of(to));
  }

  /**
   * Tells whether an announcement matches.
   *
   * @param a the announcement
   * @return whether every criterion given matches
   */
  public boolean matches(Announcement a) {
    AnnouncementContent c = a.content();
    return (statuses.isEmpty() || statuses.contains(a.status()))
        && kind.map(k -> c.kind() == k).orElse(true)
        && service.map(s -> a.reach().contains(s) || c.services().contains(s)).orElse(true)
        && ci.map(c.cis()::contains).orElse(true)
        && text.map(t -> containsText(c, t.toLowerCase(Locale.ROOT))).orElse(true)
        && from.map(f -> c.window().estimatedEnd().map(e -> !e.isBefore(f)).orElse(true)).orElse(true)
        && to.map(t -> c.window().start().isBefore(t)).orElse(true);
  }

  private static boolean containsText(AnnouncementContent c, String lower) {
    for (AnnouncementText t : c.texts().values()) {
      for (String s : new String[] {t.title(), t.cause(), t.expectedImpact(), t.workaround()}) {
        if (s.toLowerCase(Locale.ROOT).contains(lower)) {
          return true;
        }
      }
    }
    return false;
  }
}
