package io.itsm.examples.outage;

import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.cmdb.CiDefinition;
import io.itsm.core.cmdb.CiType;
import io.itsm.core.cmdb.Cmdb;
import io.itsm.core.cmdb.Criticality;
import io.itsm.core.cmdb.Relation;
import io.itsm.core.cmdb.RelationType;
import io.itsm.core.notification.DeliveryChannel;
import io.itsm.core.notification.QuietHours;
import io.itsm.core.notification.Recipient;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The sample CMDB of a web shop: the orders database on its server, the applications that use it,
 * the three business services behind them (web shop, checkout, payments), an unrelated mail
 * service and the network around them; and the people of the sample desk.
 *
 * <p>Stateless and thread-safe.
 */
public final class SampleCmdb {

  /** Who registers the sample items: the CMDB's administrator. */
  public static final Actor CMDB_ADMIN = Actor.of("cmdb-admin", Role.ADMIN);

  private SampleCmdb() {}

  /**
   * Registers the sample items and relations in a CMDB.
   *
   * @param cmdb an empty CMDB
   * @return the same CMDB
   */
  public static Cmdb fill(Cmdb cmdb) {
    Objects.requireNonNull(cmdb, "cmdb");
    reg(cmdb, CiDefinition.of("db-orders", CiType.DATABASE, "Orders database")
        .withCriticality(Criticality.BUSINESS_CRITICAL).withOwnerTeam("platform").withSupportTeam("dba")
        .withLocation("dc-north").withAttribute("engine", "PostgreSQL 16").withAttribute("primary", "node-a"));
    reg(cmdb, CiDefinition.of("srv-db-01", CiType.SERVER, "Database server 1").withSupportTeam("infra")
        .withLocation("dc-north"));
    reg(cmdb, CiDefinition.of("srv-db-02", CiType.SERVER, "Database server 2").withSupportTeam("infra")
        .withLocation("dc-south"));
    reg(cmdb, CiDefinition.of("san-01", CiType.STORAGE, "Storage array north").withSupportTeam("infra")
        .withCriticality(Criticality.HIGH).withLocation("dc-north"));
    reg(cmdb, CiDefinition.of("app-shop", CiType.APPLICATION, "Shop front end").withSupportTeam("web"));
    reg(cmdb, CiDefinition.of("app-payments", CiType.APPLICATION, "Payment gateway")
        .withCriticality(Criticality.HIGH).withSupportTeam("payments"));
    reg(cmdb, CiDefinition.of("svc-webshop", CiType.BUSINESS_SERVICE, "Web shop")
        .withCriticality(Criticality.HIGH).withOwnerTeam("e-commerce").withAttribute("users", "12000"));
    reg(cmdb, CiDefinition.of("svc-checkout", CiType.BUSINESS_SERVICE, "Checkout")
        .withCriticality(Criticality.HIGH).withOwnerTeam("e-commerce").withAttribute("users", "8000"));
    reg(cmdb, CiDefinition.of("svc-payments", CiType.BUSINESS_SERVICE, "Payments")
        .withOwnerTeam("finance").withAttribute("users", "300"));
    reg(cmdb, CiDefinition.of("app-mail", CiType.APPLICATION, "Mail server software").withSupportTeam("messaging"));
    reg(cmdb, CiDefinition.of("srv-mail-01", CiType.SERVER, "Mail server").withSupportTeam("infra"));
    reg(cmdb, CiDefinition.of("svc-email", CiType.BUSINESS_SERVICE, "E-mail").withAttribute("users", "5000"));
    reg(cmdb, CiDefinition.of("net-core-01", CiType.NETWORK_DEVICE, "Core switch north")
        .withSupportTeam("network-ops").withLocation("dc-north"));
    rel(cmdb, "db-orders", RelationType.RUNS_ON, "srv-db-01");
    rel(cmdb, "srv-db-01", RelationType.DEPENDS_ON, "san-01");
    rel(cmdb, "app-shop", RelationType.DEPENDS_ON, "db-orders");
    rel(cmdb, "app-payments", RelationType.DEPENDS_ON, "db-orders");
    rel(cmdb, "svc-webshop", RelationType.DEPENDS_ON, "app-shop");
    rel(cmdb, "svc-checkout", RelationType.DEPENDS_ON, "app-payments");
    rel(cmdb, "svc-payments", RelationType.DEPENDS_ON, "app-payments");
    rel(cmdb, "svc-checkout", RelationType.PART_OF, "svc-webshop");
    rel(cmdb, "app-mail", RelationType.RUNS_ON, "srv-mail-01");
    rel(cmdb, "svc-email", RelationType.DEPENDS_ON, "app-mail");
    rel(cmdb, "net-core-01", RelationType.CONNECTED_TO, "srv-db-01");
    rel(cmdb, "net-core-01", RelationType.CONNECTED_TO, "srv-mail-01");
    return cmdb;
  }

  /** When the sample was registered, so that its history is the same on every run. */
  public static final Instant REGISTERED_AT = Instant.parse("2026-11-02T08:00:00Z");

  /**
   * Returns a new in-memory CMDB holding the sample, registered at {@link #REGISTERED_AT}.
   *
   * @return the CMDB
   */
  public static Cmdb create() {
    return fill(Cmdb.builder().clock(Clock.fixed(REGISTERED_AT, ZoneOffset.UTC)).build());
  }

  /**
   * The people of the sample desk: users of the services (in several languages), the support teams
   * with their leads, a manager and senior management.
   *
   * @return the recipients
   */
  public static List<Recipient> people() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    ZoneId stockholm = ZoneId.of("Europe/Stockholm");
    return List.of(
        user("u-anna", "Anna Schmidt", "de", berlin, Set.of("svc-webshop", "svc-checkout")),
        user("u-bert", "Bert Miller", "en", ZoneId.of("Europe/London"), Set.of("svc-webshop")),
        user("u-carla", "Carla Lind", "sv", stockholm, Set.of("svc-payments", "svc-email")),
        user("u-dan", "Dan Moreau", "fr", ZoneId.of("Europe/Paris"), Set.of("svc-email")),
        staff("s-dana", "Dana Berg", Role.SPECIALIST, "dba", stockholm),
        staff("s-dirk", "Dirk Braun", Role.SPECIALIST, "dba", berlin),
        staff("l-lena", "Lena Ek", Role.TEAM_LEAD, "dba", stockholm)
            .withQuietHours(QuietHours.of(LocalTime.of(21, 0), LocalTime.of(7, 0))),
        staff("a-sara", "Sara Nilsson", Role.AGENT, "service-desk", stockholm),
        staff("m-maja", "Maja Holm", Role.MANAGER, "dba", stockholm),
        staff("x-sven", "Sven Ahl", Role.SENIOR_MANAGER, "management", stockholm));
  }

  private static Recipient user(String id, String name, String lang, ZoneId zone, Set<String> services) {
    return Recipient.of(id, name).withAddress(DeliveryChannel.EMAIL, id.substring(2) + "@example.com")
        .withLanguage(lang).withZone(zone).withServices(services);
  }

  private static Recipient staff(String id, String name, Role role, String team, ZoneId zone) {
    return Recipient.of(id, name).withRole(role, team).withAddress(DeliveryChannel.CHAT, "@" + id.substring(2))
        .withLanguage("en").withZone(zone);
  }

  private static void reg(Cmdb cmdb, CiDefinition d) {
    cmdb.register(CMDB_ADMIN, d);
  }

  private static void rel(Cmdb cmdb, String from, RelationType type, String to) {
    cmdb.relate(CMDB_ADMIN, Relation.of(from, type, to));
  }
}
