package io.itsm.core.announcement.internal;

import io.itsm.core.ValidationException;
import io.itsm.core.access.Actor;
import io.itsm.core.announcement.Announcement;
import io.itsm.core.announcement.AnnouncementContent;
import io.itsm.core.announcement.AnnouncementQuery;
import io.itsm.core.announcement.AnnouncementReach;
import io.itsm.core.announcement.AnnouncementRepository;
import io.itsm.core.cmdb.Cmdb;
import io.itsm.core.cmdb.ConfigurationItem;
import io.itsm.core.cmdb.Criticality;
import io.itsm.core.cmdb.ImpactAnalysis;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The checks of announcement commands: languages, items and services against the CMDB, overlapping
 * windows, lead time; and how far an announcement reaches.
 *
 * <p>Thread-safe (the {@code Announcements} serializes the writes that call it).
 */
public final class Checks {

  private final AnnouncementRepository repository;
  private final Optional<Cmdb> cmdb;
  private final Set<String> languages;

  /**
   * Creates the checks.
   *
   * @param repository the announcements
   * @param cmdb the CMDB, if any
   * @param languages the supported languages
   */
  public Checks(AnnouncementRepository repository, Optional<Cmdb> cmdb, Set<String> languages) {
    this.repository = repository;
    this.cmdb = cmdb;
    this.languages = languages;
  }

  /**
   * Checks languages, items and overlap.
   *
   * @param self the announcement being revised, or null for a new one
   * @param content the content
   * @return the services the content reaches
   * @throws ValidationException naming what to fix
   */
  public List<String> content(Announcement self, AnnouncementContent content) {
    List<String> unknown = content.texts().keySet().stream().filter(l -> !languages.contains(l)).toList();
    if (!unknown.isEmpty() || !languages.contains(content.defaultLanguage())) {
      throw new ValidationException("announcement language" + (unknown.size() > 1 ? "s " : " ")
          + (unknown.isEmpty() ? List.of(content.defaultLanguage()) : unknown)
          + " not supported; supported: " + String.join(", ", new TreeSet<>(languages))
          + " (configure more with Announcements.builder().languages(...))");
    }
    Set<String> reach = new TreeSet<>(content.services());
    if (cmdb.isPresent()) {
      Cmdb c = cmdb.get();
      for (String s : content.services()) {
        ConfigurationItem ci = c.get(Actor.system(), s);
        if (!ci.type().isService()) {
          throw new ValidationException("announcement service " + s + " is a " + ci.type()
              + " in the CMDB, not a business service; list it under cis instead");
        }
      }
      for (String id : content.cis()) {
        if (!c.get(Actor.system(), id).isActive()) {
          throw new ValidationException("configuration item " + id + " is RETIRED; an announcement"
              + " cannot concern it");
        }
        reach.addAll(c.impactOf(Actor.system(), id).services());
      }
    }
    List<String> r = List.copyOf(reach);
    overlap(self, content, r);
    return r;
  }

  /**
   * Checks that a disruption does not overlap another open announcement of the same services.
   *
   * @param self the announcement itself, or null
   * @param content its content
   * @param reach the services it reaches
   * @throws ValidationException naming the other announcement
   */
  public void overlap(Announcement self, AnnouncementContent content, List<String> reach) {
    if (!content.kind().isDisruption()) {
      return;
    }
    for (Announcement other : repository.find(AnnouncementQuery.all())) {
      if (self != null && other.id().equals(self.id()) || !other.status().isOpen()
          || !other.content().kind().isDisruption()
          || !content.window().overlaps(other.content().window())) {
        continue;
      }
      Set<String> shared = new TreeSet<>(reach);
      shared.retainAll(other.reach());
      Set<String> sharedCis = new TreeSet<>(content.cis());
      sharedCis.retainAll(other.content().cis());
      shared.addAll(sharedCis);
      if (!shared.isEmpty()) {
        throw new ValidationException("the window " + content.window() + " overlaps announcement "
            + other.id() + " (" + other.content().kind() + ", " + other.status() + ", "
            + other.content().window() + ") for " + String.join(", ", shared) + "; revise "
            + other.id() + " instead (extend its window), or end it first");
      }
    }
  }

  /**
   * Returns how far content reaches, with the CMDB's criticality and users.
   *
   * @param content the content
   * @param reach the services it reaches
   * @return the reach
   */
  public AnnouncementReach reachOf(AnnouncementContent content, List<String> reach) {
    if (cmdb.isEmpty()) {
      return new AnnouncementReach(reach, Criticality.LOW, 0);
    }
    Cmdb c = cmdb.get();
    Criticality highest = Criticality.LOW;
    int users = 0;
    for (String s : reach) {
      ConfigurationItem ci = c.get(Actor.system(), s);
      highest = Criticality.max(highest, ci.criticality());
      users += ci.definition().users();
    }
    for (String id : content.cis()) {
      ImpactAnalysis a = c.impactOf(Actor.system(), id);
      highest = Criticality.max(highest, a.highestCriticality());
    }
    return new AnnouncementReach(reach, highest, users);
  }

  /**
   * Checks that a planned event is published early enough.
   *
   * @param a the announcement
   * @param leadTime the notice required
   * @param now the time of publishing
   * @param why the reasons, for the message
   * @throws ValidationException if it is too late
   */
  public static void leadTime(Announcement a, Duration leadTime, Instant now, String why) {
    if (!a.content().kind().isPlanned() || leadTime.isZero()) {
      return;
    }
    Instant start = a.content().window().start();
    if (start.isBefore(now.plus(leadTime))) {
      Duration left = Duration.between(now, start);
      throw new ValidationException(a.content().kind() + " announcement " + a.id()
          + " must be published at least " + human(leadTime) + " before its window starts (" + why
          + "), but the window starts at " + start + ", "
          + (left.isNegative() ? human(left.negated()) + " ago" : "in " + human(left))
          + "; move the window later (revise it) and submit again");
    }
  }

  private static String human(Duration d) {
    long hours = d.toHours();
    return hours >= 48 && hours % 24 == 0 ? hours / 24 + " days"
        : hours >= 1 ? hours + " hours" : d.toMinutes() + " minutes";
  }

  /**
   * Tells whether an announcement reaches a ticket's service, concerns its item, or reaches what
   * their failure reaches.
   *
   * @param a the announcement
   * @param service the ticket's service, or null
   * @param ci the ticket's item, or null
   * @param viaCi the item's impact analysis, if known
   * @param viaService the service's impact analysis, if known
   * @return whether it concerns the ticket
   */
  public static boolean concerns(Announcement a, String service, String ci, Optional<ImpactAnalysis> viaCi,
      Optional<ImpactAnalysis> viaService) {
    if (ci != null && a.content().cis().contains(ci)) {
      return true;
    }
    for (String s : a.reach()) {
      if (s.equals(service) || viaCi.isPresent() && viaCi.get().affectsService(s)
          || viaService.isPresent() && viaService.get().affectsService(s)) {
        return true;
      }
    }
    return false;
  }
}
