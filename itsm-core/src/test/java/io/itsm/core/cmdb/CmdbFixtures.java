package io.itsm.core.cmdb;

import io.itsm.core.MutableClock;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import java.time.Instant;

/** A small CMDB: the orders database behind three services, and an unrelated mail service. */
final class CmdbFixtures {

  static final Actor ADMIN = Actor.of("root", Role.ADMIN);
  static final Actor AGENT = Actor.of("a-sara", Role.AGENT, "service-desk");
  static final Actor DBA = Actor.of("s-dana", Role.SPECIALIST, "dba");
  static final Actor LEAD = Actor.of("l-lars", Role.TEAM_LEAD, "dba");
  static final Actor MANAGER = Actor.of("m-maja", Role.MANAGER);
  static final Actor SENIOR = Actor.of("x-sven", Role.SENIOR_MANAGER);
  static final Actor USER = Actor.endUser("u-anna");

  private CmdbFixtures() {}

  static MutableClock clock() {
    return MutableClock.at(Instant.parse("2026-11-23T08:00:00Z"));
  }

  /** Registers the sample items and relations. */
  static Cmdb sample(Cmdb cmdb) {
    reg(cmdb, CiDefinition.of("db-orders", CiType.DATABASE, "Orders database")
        .withCriticality(Criticality.BUSINESS_CRITICAL).withSupportTeam("dba").withOwnerTeam("platform")
        .withLocation("dc-north").withAttribute("engine", "PostgreSQL 16"));
    reg(cmdb, CiDefinition.of("srv-db-01", CiType.SERVER, "Database server 1").withSupportTeam("infra"));
    reg(cmdb, CiDefinition.of("app-shop", CiType.APPLICATION, "Shop application").withSupportTeam("web"));
    reg(cmdb, CiDefinition.of("app-payments", CiType.APPLICATION, "Payments application")
        .withCriticality(Criticality.HIGH).withSupportTeam("payments"));
    reg(cmdb, CiDefinition.of("svc-webshop", CiType.BUSINESS_SERVICE, "Web shop")
        .withCriticality(Criticality.HIGH).withAttribute("users", "12000"));
    reg(cmdb, CiDefinition.of("svc-checkout", CiType.BUSINESS_SERVICE, "Checkout")
        .withAttribute("users", "8000"));
    reg(cmdb, CiDefinition.of("svc-payments", CiType.BUSINESS_SERVICE, "Payments")
        .withAttribute("users", "300"));
    reg(cmdb, CiDefinition.of("app-mail", CiType.APPLICATION, "Mail server software").withSupportTeam("messaging"));
    reg(cmdb, CiDefinition.of("svc-email", CiType.BUSINESS_SERVICE, "E-mail").withAttribute("users", "5000"));
    reg(cmdb, CiDefinition.of("net-core-sw", CiType.NETWORK_DEVICE, "Core switch").withSupportTeam("network-ops"));
    rel(cmdb, "db-orders", RelationType.RUNS_ON, "srv-db-01");
    rel(cmdb, "app-shop", RelationType.DEPENDS_ON, "db-orders");
    rel(cmdb, "app-payments", RelationType.DEPENDS_ON, "db-orders");
    rel(cmdb, "svc-webshop", RelationType.DEPENDS_ON, "app-shop");
    rel(cmdb, "svc-checkout", RelationType.DEPENDS_ON, "app-payments");
    rel(cmdb, "svc-payments", RelationType.DEPENDS_ON, "app-payments");
    rel(cmdb, "svc-checkout", RelationType.PART_OF, "svc-webshop");
    rel(cmdb, "svc-email", RelationType.DEPENDS_ON, "app-mail");
    rel(cmdb, "net-core-sw", RelationType.CONNECTED_TO, "srv-db-01");
    return cmdb;
  }

  static void reg(Cmdb cmdb, CiDefinition d) {
    cmdb.register(ADMIN, d);
  }

  static void rel(Cmdb cmdb, String from, RelationType type, String to) {
    cmdb.relate(ADMIN, Relation.of(from, type, to));
  }
}
