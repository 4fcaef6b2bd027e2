package io.itsm.examples.outage;

import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.announcement.AnnouncementContent;
import io.itsm.core.announcement.AnnouncementKind;
import io.itsm.core.announcement.AnnouncementText;
import io.itsm.core.announcement.Announcements;
import io.itsm.core.announcement.OutageWindow;
import io.itsm.core.approval.Verdict;
import io.itsm.core.cmdb.Cmdb;
import io.itsm.core.kernel.Kernel;
import io.itsm.examples.demo.DemoClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;

/**
 * Sample announcements on the {@link SampleCmdb}: an archived upgrade of last week, the unplanned
 * outage of the orders database (published, active from {@link #OUTAGE_START}) and a planned
 * maintenance of e-mail at the weekend (published, upcoming). {@link #NOW} is the moment they are
 * seen from by default.
 *
 * <p>Stateless and thread-safe.
 */
public final class SampleAnnouncements {

  /** When the orders database failed. */
  public static final Instant OUTAGE_START = Instant.parse("2026-11-23T08:05:00Z");

  /** The moment the samples are looked at by default: during the outage. */
  public static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private SampleAnnouncements() {}

  /**
   * Builds the samples.
   *
   * @param cmdb the sample CMDB (announced items and services are checked against it)
   * @return announcements holding them
   */
  public static Announcements create(Cmdb cmdb) {
    return create(cmdb, Kernel.ofDefaults());
  }

  /**
   * Builds the samples on a kernel's stores (such as a database's: {@code itsm announcements
   * samples --store URL}), with the samples' own clock.
   *
   * @param cmdb the sample CMDB (announced items and services are checked against it)
   * @param kernel the kernel whose stores and access policy the announcements use
   * @return announcements holding them
   * @throws io.itsm.core.ItsmException if the stores already hold announcements that overlap them
   */
  public static Announcements create(Cmdb cmdb, Kernel kernel) {
    DemoClock clock = new DemoClock(Instant.parse("2026-11-16T07:00:00Z"));
    Announcements a = Announcements.builder().kernel(kernel.withClock(clock)).cmdb(cmdb).build();
    Actor desk = Actor.of("a-sara", Role.AGENT, "service-desk");
    Actor lead = Actor.of("l-lena", Role.TEAM_LEAD, "dba");
    Actor manager = Actor.of("m-maja", Role.MANAGER, "dba");
    Actor senior = Actor.of("x-sven", Role.SENIOR_MANAGER);

    String upgrade = a.draft(desk, AnnouncementContent.of(AnnouncementKind.UPGRADE,
            OutageWindow.of(Instant.parse("2026-11-16T19:00:00Z"), Instant.parse("2026-11-16T20:00:00Z"), BERLIN),
            "servicedesk@example.com", "en",
            new AnnouncementText("Mail server upgrade", "Version 15.4 of the mail software",
                "E-mail may be slow for an hour", ""))
        .withCis(Set.of("app-mail"))).id();
    a.submit(desk, upgrade);
    a.decide(manager, upgrade, Verdict.APPROVE, "");
    a.publish(lead, upgrade);
    clock.moveTo(Instant.parse("2026-11-16T20:05:00Z"));
    a.end(lead, upgrade, "Done.");
    a.archive(lead, upgrade);

    clock.moveTo(OUTAGE_START.plus(Duration.ofMinutes(10)));
    String outage = a.draft(desk, AnnouncementContent.of(AnnouncementKind.UNPLANNED_OUTAGE,
            OutageWindow.of(OUTAGE_START, OUTAGE_START.plus(Duration.ofHours(2)), BERLIN),
            "+49 30 1234 5678", "en",
            new AnnouncementText("Web shop, checkout and payments unavailable", "The orders database failed.",
                "Orders and payments cannot be placed.", "Call us to place urgent orders by phone."))
        .withCis(Set.of("db-orders"))
        .withText("de", new AnnouncementText("Webshop, Kasse und Zahlungen nicht verfügbar",
            "Die Bestelldatenbank ist ausgefallen.", "Bestellungen und Zahlungen sind nicht möglich.",
            "Eilige Bestellungen nehmen wir telefonisch an."))
        .withMajorIncident("INC-000001")).id();
    a.submit(desk, outage);
    a.decide(manager, outage, Verdict.APPROVE, "");
    a.decide(senior, outage, Verdict.APPROVE, "");
    a.publish(lead, outage);

    String maintenance = a.draft(desk, AnnouncementContent.of(AnnouncementKind.MAINTENANCE,
            OutageWindow.of(Instant.parse("2026-11-28T20:00:00Z"), Instant.parse("2026-11-28T22:00:00Z"), BERLIN),
            "servicedesk@example.com", "en",
            new AnnouncementText("E-mail maintenance on Saturday evening", "Storage replacement",
                "E-mail unavailable for up to two hours", "Use chat"))
        .withServices(Set.of("svc-email"))
        .withText("sv", new AnnouncementText("Underhåll av e-post på lördag kväll", "Byte av lagring",
            "E-post otillgänglig i upp till två timmar", "Använd chatten"))).id();
    a.submit(desk, maintenance);
    a.decide(manager, maintenance, Verdict.APPROVE, "");
    a.publish(lead, maintenance);
    return a;
  }
}
