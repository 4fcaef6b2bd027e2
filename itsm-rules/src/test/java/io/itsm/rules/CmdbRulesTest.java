package io.itsm.rules;

import static io.itsm.rules.Tickets.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.cmdb.CiDefinition;
import io.itsm.core.cmdb.CiType;
import io.itsm.core.cmdb.CiUpdate;
import io.itsm.core.cmdb.Cmdb;
import io.itsm.core.cmdb.Criticality;
import io.itsm.core.cmdb.Relation;
import io.itsm.core.cmdb.RelationType;
import io.itsm.core.incident.Impact;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.SupportLevel;
import io.itsm.core.incident.Urgency;
import io.itsm.core.triage.TriageAttribute;
import io.itsm.core.triage.TriageResult;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules of {@code cmdb.drl}: triage with CMDB facts. */
class CmdbRulesTest {

  static final Actor ADMIN = Actor.of("root", Role.ADMIN);
  static final String CRITICAL = "A business-critical item in the CMDB means high impact";
  static final String REACHES_CRITICAL = "An item whose failure reaches a business-critical service means high impact";
  static final String MANY = "An item whose failure reaches three or more services means high impact";
  static final String SUPPORT = "Tickets about a configuration item go to its support team";

  private Cmdb cmdb;
  private TriageEngine engine;

  @BeforeEach
  void setUp() {
    cmdb = Cmdb.builder().build();
    cmdb.register(ADMIN, CiDefinition.of("db-orders", CiType.DATABASE, "Orders DB")
        .withCriticality(Criticality.BUSINESS_CRITICAL).withSupportTeam("dba"));
    cmdb.register(ADMIN, CiDefinition.of("app-shop", CiType.APPLICATION, "Shop app").withSupportTeam("web"));
    cmdb.register(ADMIN, CiDefinition.of("app-mail", CiType.APPLICATION, "Mail").withSupportTeam("messaging"));
    cmdb.register(ADMIN, CiDefinition.of("svc-payroll", CiType.BUSINESS_SERVICE, "Payroll")
        .withCriticality(Criticality.BUSINESS_CRITICAL));
    cmdb.register(ADMIN, CiDefinition.of("app-payroll", CiType.APPLICATION, "Payroll app"));
    for (String s : List.of("svc-webshop", "svc-checkout", "svc-payments", "svc-email")) {
      cmdb.register(ADMIN, CiDefinition.of(s, CiType.BUSINESS_SERVICE, s));
    }
    cmdb.relate(ADMIN, Relation.of("app-shop", RelationType.DEPENDS_ON, "db-orders"));
    cmdb.relate(ADMIN, Relation.of("svc-webshop", RelationType.DEPENDS_ON, "app-shop"));
    cmdb.relate(ADMIN, Relation.of("svc-checkout", RelationType.DEPENDS_ON, "app-shop"));
    cmdb.relate(ADMIN, Relation.of("svc-payments", RelationType.DEPENDS_ON, "app-shop"));
    cmdb.relate(ADMIN, Relation.of("svc-email", RelationType.DEPENDS_ON, "app-mail"));
    cmdb.relate(ADMIN, Relation.of("svc-payroll", RelationType.DEPENDS_ON, "app-payroll"));
    engine = TriageEngine.builder().cmdb(cmdb).build();
  }

  private TriageResult triage(String title, String ci) {
    return engine.triage(ticket(title).configurationItem(ci).impact(Impact.LOW).urgency(Urgency.MEDIUM).build());
  }

  @Test
  void aBusinessCriticalItem_raisesImpactToHigh() {
    TriageResult r = triage("orders database errors", "db-orders");
    assertThat(r.impact()).contains(Impact.HIGH);
    assertThat(r.priority()).contains(Priority.P2);
    assertThat(r.decision(TriageAttribute.IMPACT).orElseThrow().rule()).isEqualTo(CRITICAL);
    assertThat(r.decision(TriageAttribute.IMPACT).orElseThrow().reason())
        .isEqualTo("configuration item db-orders is business-critical in the CMDB");
  }

  @Test
  void anItemWhoseFailureReachesABusinessCriticalService_raisesImpact() {
    TriageResult r = triage("payroll app slow", "app-payroll");
    assertThat(r.impact()).contains(Impact.HIGH);
    assertThat(r.decision(TriageAttribute.IMPACT).orElseThrow().rule()).isEqualTo(REACHES_CRITICAL);
  }

  @Test
  void anItemWhoseFailureReachesThreeServices_raisesImpact_andAnItemReachingOneDoesNot() {
    TriageResult shop = triage("shop app errors", "app-shop");
    assertThat(shop.impact()).contains(Impact.HIGH);
    assertThat(shop.decision(TriageAttribute.IMPACT).orElseThrow().reason())
        .isEqualTo("the failure of app-shop reaches 3 services (svc-checkout, svc-payments, svc-webshop)");
    TriageResult mail = triage("mail app errors", "app-mail");
    assertThat(mail.impact()).contains(Impact.LOW);
    assertThat(mail.firedRules()).doesNotContain(CRITICAL, REACHES_CRITICAL, MANY);
  }

  @Test
  void ticketsAboutAnItem_goToItsSupportTeam_overTheCategorysTeam() {
    TriageResult r = triage("vpn client cannot reach the mail server", "app-mail");
    assertThat(r.category()).contains("network");
    assertThat(r.team()).contains("messaging");
    assertThat(r.supportLevel()).contains(SupportLevel.L2);
    assertThat(r.decision(TriageAttribute.TEAM).orElseThrow().rule()).isEqualTo(SUPPORT);
    assertThat(r.overruled()).anySatisfy(d -> assertThat(d.rule()).isEqualTo("Each category goes to its team"));
  }

  @Test
  void aServiceNamedByTheTicket_isLookedUpWhenThereIsNoItem() {
    TriageResult r = engine.triage(ticket("payroll is down").service("svc-payroll").impact(Impact.LOW).build());
    assertThat(r.impact()).contains(Impact.HIGH);
    assertThat(r.decision(TriageAttribute.IMPACT).orElseThrow().rule()).isEqualTo(CRITICAL);
  }

  @Test
  void unknownItemsAndTicketsWithoutOne_triageAsWithoutACmdb() {
    TriageEngine plain = TriageEngine.withDefaults();
    for (var t : List.of(ticket("vpn down").configurationItem("nope").build(), ticket("vpn down").build())) {
      TriageResult with = engine.triage(t);
      TriageResult without = plain.triage(t);
      assertThat(with.decisions()).isEqualTo(without.decisions());
    }
  }

  @Test
  void rulesSee_theCmdbAsItIsNow() {
    assertThat(triage("mail app errors", "app-mail").impact()).contains(Impact.LOW);
    cmdb.update(ADMIN, "svc-email", List.of(CiUpdate.set("criticality", "BUSINESS_CRITICAL")));
    assertThat(triage("mail app errors", "app-mail").impact()).contains(Impact.HIGH);
  }

  @Test
  void thePack_canBeLeftOut_andIsOnlyLoadedWithACmdb() {
    assertThat(TriageEngine.builder().cmdb(cmdb).withoutPack(TriageEngine.PACK_CMDB).build().ruleNames())
        .doesNotContain(SUPPORT);
    assertThat(TriageEngine.withDefaults().ruleNames()).doesNotContain(SUPPORT);
    assertThat(engine.ruleNames()).contains(CRITICAL, REACHES_CRITICAL, MANY, SUPPORT);
    triage("x", "db-orders");
    triage("x", "app-payroll");
    triage("x", "app-shop");
    assertThat(engine.ruleFireCounts()).containsKeys(CRITICAL).allSatisfy((rule, n) -> {
      if (List.of(CRITICAL, REACHES_CRITICAL, MANY, SUPPORT).contains(rule)) {
        assertThat(n).as(rule).isPositive();
      }
    });
  }
}
