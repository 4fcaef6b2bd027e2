package io.itsm.examples.outage;

import io.itsm.core.ServiceDesk;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.announcement.Announcement;
import io.itsm.core.announcement.AnnouncementLinker;
import io.itsm.core.announcement.AnnouncementQuery;
import io.itsm.core.announcement.AnnouncementSubmitted;
import io.itsm.core.announcement.AnnouncementText;
import io.itsm.core.announcement.Announcements;
import io.itsm.core.announcement.OutageWindow;
import io.itsm.core.approval.Verdict;
import io.itsm.core.cmdb.AffectedCi;
import io.itsm.core.cmdb.ChangePlan;
import io.itsm.core.cmdb.ChangeRequest;
import io.itsm.core.cmdb.ChangeRequests;
import io.itsm.core.cmdb.CiAuditEntry;
import io.itsm.core.cmdb.CiAuditQuery;
import io.itsm.core.cmdb.CiUpdate;
import io.itsm.core.cmdb.CiUpdateSet;
import io.itsm.core.cmdb.Cmdb;
import io.itsm.core.cmdb.ImpactAnalysis;
import io.itsm.core.event.Visibility;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Channel;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Link;
import io.itsm.core.incident.Ticket;
import io.itsm.core.notification.InMemoryRecipientDirectory;
import io.itsm.core.notification.Message;
import io.itsm.core.notification.Notifications;
import io.itsm.core.sla.SlaPolicy;
import io.itsm.core.triage.TriageAttribute;
import io.itsm.examples.demo.DemoClock;
import io.itsm.rules.AnnouncementEngine;
import io.itsm.rules.NotifyEngine;
import io.itsm.rules.TriageEngine;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An outage from failure to archive, with every practice wired together: a {@link Cmdb} with the
 * {@link SampleCmdb}, {@link ChangeRequests}, {@link Announcements} approved by the {@link
 * AnnouncementEngine} rules, {@link Notifications} decided by the {@link NotifyEngine} rules, and a
 * {@link ServiceDesk} triaging with the CMDB and the active announcements ({@code
 * TriageEngine.builder().cmdb(..).announcements(..)}), linking incoming tickets to the outage
 * ({@link AnnouncementLinker}).
 *
 * <ol>
 *   <li>Monitoring reports the orders database down: the CMDB makes it high impact and routes it
 *       to the database team;
 *   <li>impact analysis finds the three services it takes down, and their users;
 *   <li>an unplanned-outage announcement is drafted from the major incident, written in English
 *       and German, approved by a manager and senior management (a rule: a major outage), and
 *       published: the services' users are told, each in their language;
 *   <li>users' tickets about those services are linked to it and to the major incident, get a
 *       low urgency and the announcement as the reply; an unrelated ticket is not;
 *   <li>the window is extended (users are told again), a change fails the database over to the
 *       standby node (approved by the change advisory board, implemented, verified: the CI update
 *       is in the CMDB's audit trail with the change's id);
 *   <li>the major incident is resolved, the announcement ended (users told) and archived, and
 *       found in the archive.
 * </ol>
 *
 * <p>The output is the same on every run. Not thread-safe: run once per instance.
 */
public final class OutageDemo {

  static final Instant START = Instant.parse("2026-11-23T08:00:00Z");
  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  static final Actor MONITORING = Actor.of("monitoring", Role.AGENT, "service-desk");
  static final Actor SARA = Actor.of("a-sara", Role.AGENT, "service-desk");
  static final Actor DANA = Actor.of("s-dana", Role.SPECIALIST, "dba");
  static final Actor LENA = Actor.of("l-lena", Role.TEAM_LEAD, "dba");
  static final Actor MAJA = Actor.of("m-maja", Role.MANAGER, "dba");
  static final Actor SVEN = Actor.of("x-sven", Role.SENIOR_MANAGER, "management");

  /**
   * What the demo did, for its test and for callers who want the objects.
   *
   * @param majorIncident the monitoring incident, at the end
   * @param impact the impact analysis of the failed database
   * @param announcement the announcement, at the end (archived)
   * @param linkedTickets the users' tickets linked to the announcement
   * @param unrelatedTicket the ticket about another service
   * @param change the change, at the end (completed)
   * @param sent every message the publisher delivered, in order
   */
  public record Result(Incident majorIncident, ImpactAnalysis impact, Announcement announcement,
      List<Incident> linkedTickets, Incident unrelatedTicket, ChangeRequest change, List<Message> sent) {}

  private final DemoClock clock = new DemoClock(START);
  private final List<Message> sent = new ArrayList<>();
  private final Cmdb cmdb;
  private final ChangeRequests changes;
  private final Announcements announcements;
  private final Notifications notifications;
  private final ServiceDesk desk;
  private PrintWriter out;
  private int reported;

  /** Sets up every practice on the demo clock. */
  public OutageDemo() {
    cmdb = SampleCmdb.fill(Cmdb.builder().clock(clock).build());
    changes = ChangeRequests.builder(cmdb).build();
    InMemoryRecipientDirectory people = InMemoryRecipientDirectory.of(SampleCmdb.people());
    AtomicReference<Notifications> notifier = new AtomicReference<>();
    announcements = Announcements.builder().clock(clock).cmdb(cmdb).policy(AnnouncementEngine.withDefaults())
        .listener((e, a) -> notifier.get().recordAnnouncement(e, a)).build();
    notifications = Notifications.builder().clock(clock).policy(NotifyEngine.withDefaults())
        .recipients(people).announcements(announcements).slaPolicy(SlaPolicy.defaults())
        .publisher(sent::add).build();
    notifier.set(notifications);
    AtomicReference<ServiceDesk> deskRef = new AtomicReference<>();
    desk = ServiceDesk.builder().clock(clock).slaPolicy(SlaPolicy.defaults())
        .triagePolicy(TriageEngine.builder().clock(clock).cmdb(cmdb).announcements(announcements).build())
        .listener(notifications.incidentListener())
        .listener(new AnnouncementLinker(announcements, deskRef::get))
        .build();
    deskRef.set(desk);
  }

  /**
   * Runs the demo to standard output.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    new OutageDemo().run(out);
    out.flush();
  }

  /**
   * Runs the story and prints it.
   *
   * @param out where to print
   * @return what it did
   */
  public Result run(PrintWriter out) {
    this.out = Objects.requireNonNull(out, "out");
    out.println("itsm outage demo: a database fails, three services go down, users are told before they call");

    clock.advance(Duration.ofMinutes(5));
    section("1. Monitoring reports the orders database down");
    Incident major = desk.log(MONITORING, Ticket.builder().title("Orders database not responding")
        .description("connection refused on db-orders:5432 from app-shop and app-payments")
        .channel(Channel.MONITORING).configurationItem("db-orders").build());
    printTriage(major);

    section("2. Impact analysis of db-orders");
    ImpactAnalysis impact = cmdb.impactOf(SARA, "db-orders");
    out.println(impact.summary());
    for (AffectedCi a : impact.affected()) {
      out.printf("  %-13s %-16s %-17s %d relation%s away, via %s%n", a.id(), a.type(), a.criticality(),
          a.distance(), a.distance() == 1 ? "" : "s", a.via());
    }

    clock.advance(Duration.ofMinutes(10));
    section("3. An unplanned-outage announcement in English and German");
    Announcement a = announcements.draftForIncident(SARA, major, "+49 30 1234 5678, servicedesk@example.com", ZONE);
    String id = a.id();
    a = announcements.revise(SARA, id, a.content()
        .withWindow(OutageWindow.of(major.openedAt(), clock.instant().plus(Duration.ofHours(1)), ZONE))
        .withText("en", new AnnouncementText("Web shop, checkout and payments unavailable",
            "The orders database failed.", "Orders and payments cannot be placed.",
            "Call us to place urgent orders by phone."))
        .withText("de", new AnnouncementText("Webshop, Kasse und Zahlungen nicht verfügbar",
            "Die Bestelldatenbank ist ausgefallen.", "Bestellungen und Zahlungen sind nicht möglich.",
            "Eilige Bestellungen nehmen wir telefonisch an.")), "English and German texts, about an hour");
    out.printf("%s drafted from %s, revision %d (%s), reaches %s%n", id, major.id(), a.revision(),
        String.join(", ", a.content().texts().keySet()), String.join(", ", a.reach()));
    a = announcements.submit(SARA, id);
    for (String reason : ((AnnouncementSubmitted) announcements.history(SARA, id).get(2)).reasons()) {
      out.println("  approval: " + reason);
    }
    announcements.decide(MAJA, id, Verdict.APPROVE, "");
    announcements.decide(SVEN, id, Verdict.APPROVE, "tell them");
    a = announcements.publish(LENA, id);
    out.printf("approved by %s, published by %s: %s%n", "m-maja and x-sven", LENA.id(), a.status());
    deliver();

    clock.advance(Duration.ofMinutes(7));
    section("4. Tickets come in during the outage");
    List<Incident> linked = new ArrayList<>();
    linked.add(userTicket("u-anna", "de", "Bestellung geht nicht", "svc-webshop"));
    clock.advance(Duration.ofMinutes(3));
    linked.add(userTicket("u-bert", "en", "Checkout shows an error", "svc-checkout"));
    clock.advance(Duration.ofMinutes(2));
    linked.add(userTicket("u-carla", "sv", "Betalningen misslyckas", "svc-payments"));
    clock.advance(Duration.ofMinutes(4));
    Incident unrelated = userTicket("u-dan", "fr", "Les e-mails arrivent lentement", "svc-email");
    deliver();

    clock.advance(Duration.ofMinutes(20));
    section("5. The window is extended, and a change fixes the database");
    a = announcements.get(SARA, id);
    a = announcements.revise(LENA, id, a.content().withWindow(OutageWindow.of(a.content().window().start(),
        clock.instant().plus(Duration.ofHours(2)), ZONE)), "failover to the standby node planned, about two hours");
    out.printf("%s revision %d: %s; ends %s%n", id, a.revision(),
        a.revisions().get(a.revisions().size() - 1).whatChanged(), a.content().window().estimatedEnd().orElseThrow());
    deliver();
    ChangeRequest change = changes.request(DANA, ChangePlan.of("Fail over the orders database to node-b",
            "node-a lost its storage path; promote the standby")
        .withUpdates(List.of(CiUpdateSet.of("db-orders", CiUpdate.set("attributes.primary", "node-b")))));
    out.printf("%s \"%s\": %s%n", change.id(), change.plan().title(), change.assessment().summary());
    out.printf("  change advisory board: %s%n", String.join(" then ", change.approval().stages().stream()
        .map(s -> s.describeApprovers()).toList()));
    changes.decide(MAJA, change.id(), Verdict.APPROVE, "");
    changes.decide(SVEN, change.id(), Verdict.APPROVE, "go");
    clock.advance(Duration.ofMinutes(5));
    changes.start(DANA, change.id());
    clock.advance(Duration.ofMinutes(40));
    changes.complete(DANA, change.id(), "promoted node-b, repointed the connection pool");
    clock.advance(Duration.ofMinutes(10));
    change = changes.verify(LENA, change.id(), "orders and payments flow again");
    out.printf("%s %s by %s, verified by %s%n", change.id(), change.status(), change.implementer().orElse("-"),
        LENA.id());
    for (CiAuditEntry e : cmdb.audit(SARA, CiAuditQuery.all().withCi("db-orders").from(START.plusSeconds(1)))) {
      out.println("  audit: " + e);
    }

    section("6. The outage ends");
    desk.startWork(DANA, major.id());
    desk.comment(DANA, major.id(), "failover done by " + change.id(), Visibility.INTERNAL);
    desk.proposeResolution(DANA, major.id(), "SOLVED_FIXED", "Failed over to node-b (" + change.id() + ")");
    desk.decideApproval(MAJA, major.id(), Verdict.APPROVE, "confirmed by monitoring");
    Incident resolvedMajor = desk.get(SARA, major.id());
    out.printf("%s %s: %s%n", major.id(), resolvedMajor.status(), resolvedMajor.resolution().orElseThrow().steps());
    announcements.end(LENA, id, "The web shop, checkout and payments work again.");
    deliver();
    clock.advance(Duration.ofDays(1));
    a = announcements.archive(LENA, id);
    List<Announcement> found = announcements.search(Actor.endUser("u-anna"),
        AnnouncementQuery.archive().withService("svc-checkout").withText("bestelldatenbank"));
    out.printf("%s %s; the archive finds it for svc-checkout and 'bestelldatenbank': %s%n", id, a.status(),
        found.stream().map(Announcement::id).toList());

    section("Summary");
    List<Incident> linkedNow = linked.stream().map(i -> desk.get(SARA, i.id())).toList();
    out.printf("impact: %d services, %d users; announcement in %s, %d revisions, %d linked tickets;%n",
        impact.services().size(), impact.affectedUsers(), String.join(" and ", a.content().texts().keySet()),
        a.revision(), a.linkedIncidents().size());
    out.printf("%s not linked (another service); change %s %s; %d messages delivered%n", unrelated.id(),
        change.id(), change.status(), sent.size());
    out.flush();
    return new Result(desk.get(SARA, major.id()), impact, a, linkedNow, desk.get(SARA, unrelated.id()),
        change, List.copyOf(sent));
  }

  private Incident userTicket(String user, String lang, String title, String service) {
    Actor caller = Actor.endUser(user);
    Incident inc = desk.log(caller, Ticket.builder().title(title).service(service)
        .caller(Caller.of(user).withLanguage(lang)).channel(Channel.PORTAL).build());
    inc = desk.get(SARA, inc.id());
    out.printf("%s %s \"%s\" (%s) -> %s, urgency %s%s%s%n", inc.id(), user, title, service,
        inc.priority().map(Enum::name).orElse("-"), inc.urgency().map(Enum::name).orElse("-"),
        inc.tags().isEmpty() ? "" : ", tags " + String.join(", ", inc.tags()),
        inc.links().isEmpty() ? ", not linked" : ", linked to " + String.join(" and ",
            inc.links().stream().map(Link::targetId).toList()));
    desk.explain(SARA, inc.id(), TriageAttribute.URGENCY).lastChange()
        .flatMap(c -> c.decision()).filter(d -> d.rule().contains("announced"))
        .ifPresent(d -> out.println("  URGENCY=" + d.value() + " by '" + d.rule() + "'"));
    return inc;
  }

  private void printTriage(Incident inc) {
    out.printf("%s \"%s\" (%s) -> %s %s %s%n", inc.id(), inc.title(), inc.configurationItem().orElse("-"),
        inc.priority().map(Enum::name).orElse("-"), inc.team().orElse("-"),
        inc.assignment().map(x -> x.level().name()).orElse("-"));
    for (TriageAttribute attr : List.of(TriageAttribute.IMPACT, TriageAttribute.TEAM)) {
      desk.explain(SARA, inc.id(), attr).lastChange().flatMap(c -> c.decision())
          .ifPresent(d -> out.println("  " + d.attribute() + "=" + d.value() + " by '" + d.rule() + "': " + d.reason()));
    }
  }

  private void deliver() {
    notifications.deliverDue();
    for (Message m : sent.subList(reported, sent.size())) {
      out.printf("  -> %-7s %-8s [%s] %s%n", m.recipientId(), m.channel(), m.language(), m.subject());
    }
    reported = sent.size();
  }

  private void section(String title) {
    out.println();
    out.printf("== %s  [%s]%n", title, clock.instant());
  }
}
