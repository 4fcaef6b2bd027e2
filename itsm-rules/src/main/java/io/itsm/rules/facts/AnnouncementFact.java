package io.itsm.rules.facts;

import io.itsm.core.announcement.Announcement;
import io.itsm.core.announcement.AnnouncementKind;
import io.itsm.core.announcement.AnnouncementReach;
import io.itsm.core.cmdb.Criticality;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * An announcement being submitted, as announcement policy rules ({@code announcement-policy.drl})
 * see it: {@code AnnouncementFact(kind == AnnouncementKind.UNPLANNED_OUTAGE, serviceCount >= 3)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the announcement's id
 * @param kind its kind
 * @param services the services it reaches
 * @param serviceCount how many
 * @param cis the configuration items it concerns
 * @param highestCriticality the highest criticality involved (LOW without a CMDB)
 * @param users the users of the services reached (0 without a CMDB)
 * @param start when its window starts
 * @param estimatedEnd when it is expected to end, or null
 * @param languages the languages it is written in
 */
public record AnnouncementFact(
    String id,
    AnnouncementKind kind,
    Set<String> services,
    int serviceCount,
    Set<String> cis,
    Criticality highestCriticality,
    int users,
    Instant start,
    Instant estimatedEnd,
    Set<String> languages) {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a required component is null
   */
  public AnnouncementFact {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    services = Set.copyOf(Objects.requireNonNull(services, "services"));
    cis = Set.copyOf(Objects.requireNonNull(cis, "cis"));
    Objects.requireNonNull(highestCriticality, "highestCriticality");
    Objects.requireNonNull(start, "start");
    languages = Set.copyOf(Objects.requireNonNull(languages, "languages"));
  }

  /**
   * The view of an announcement and its reach.
   *
   * @param a the announcement
   * @param reach how far it reaches
   * @return the fact
   */
  public static AnnouncementFact of(Announcement a, AnnouncementReach reach) {
    return new AnnouncementFact(a.id(), a.content().kind(), Set.copyOf(reach.services()),
        reach.services().size(), a.content().cis(), reach.highestCriticality(), reach.users(),
        a.content().window().start(), a.content().window().estimatedEnd().orElse(null),
        a.content().texts().keySet());
  }
}
