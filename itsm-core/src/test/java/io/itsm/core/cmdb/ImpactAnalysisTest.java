package io.itsm.core.cmdb;

import static io.itsm.core.cmdb.CmdbFixtures.ADMIN;
import static io.itsm.core.cmdb.CmdbFixtures.AGENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.RecordNotFoundException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ImpactAnalysisTest {

  private Cmdb cmdb;

  @BeforeEach
  void setUp() {
    cmdb = CmdbFixtures.sample(Cmdb.builder().clock(CmdbFixtures.clock()).build());
  }

  @Test
  void aFailingDatabase_reachesThreeServicesThroughTheApplications() {
    ImpactAnalysis a = cmdb.impactOf(AGENT, "db-orders");
    assertThat(a.services()).containsExactly("svc-checkout", "svc-payments", "svc-webshop");
    assertThat(a.affected()).extracting(AffectedCi::id)
        .containsExactlyInAnyOrder("app-shop", "app-payments", "svc-webshop", "svc-checkout", "svc-payments");
    assertThat(a.affected()).filteredOn(x -> x.id().equals("app-shop")).singleElement()
        .satisfies(x -> {
          assertThat(x.distance()).isEqualTo(1);
          assertThat(x.via()).isEqualTo("db-orders");
        });
    assertThat(a.affected()).filteredOn(x -> x.id().equals("svc-webshop")).singleElement()
        .satisfies(x -> assertThat(x.distance()).isEqualTo(2));
    assertThat(a.highestCriticality()).isEqualTo(Criticality.BUSINESS_CRITICAL);
    assertThat(a.affectedUsers()).isEqualTo(12000 + 8000 + 300);
    assertThat(a.summary()).startsWith("db-orders fails: 3 services (svc-checkout, svc-payments, svc-webshop)");
  }

  @Test
  void aFailingServer_reachesWhatRunsOnIt_andConnectionsCarryNoImpact() {
    assertThat(cmdb.impactOf(AGENT, "srv-db-01").services())
        .containsExactly("svc-checkout", "svc-payments", "svc-webshop");
    assertThat(cmdb.impactOf(AGENT, "net-core-sw").affected()).isEmpty();
  }

  @Test
  void aFailingPart_affectsTheWhole_notTheOtherWayRound() {
    assertThat(cmdb.impactOf(AGENT, "svc-checkout").services()).containsExactly("svc-checkout", "svc-webshop");
    assertThat(cmdb.impactOf(AGENT, "svc-webshop").services()).containsExactly("svc-webshop");
  }

  @Test
  void nothingDependsOnTheTopService() {
    ImpactAnalysis a = cmdb.impactOf(AGENT, "svc-email");
    assertThat(a.affected()).isEmpty();
    assertThat(a.services()).containsExactly("svc-email");
    assertThat(a.affectedUsers()).isEqualTo(5000);
  }

  @Test
  void analysis_followsChangesOfTheGraphAndOfCriticality() {
    assertThat(cmdb.impactOf(AGENT, "app-mail").highestCriticality()).isEqualTo(Criticality.MEDIUM);
    cmdb.update(ADMIN, "svc-email", List.of(CiUpdate.set("criticality", "BUSINESS_CRITICAL")));
    assertThat(cmdb.impactOf(AGENT, "app-mail").highestCriticality()).isEqualTo(Criticality.BUSINESS_CRITICAL);
    cmdb.relate(ADMIN, Relation.of("app-mail", RelationType.DEPENDS_ON, "db-orders"));
    assertThat(cmdb.impactOf(AGENT, "db-orders").services()).contains("svc-email");
  }

  @Test
  void unknownItem_isAnErrorForImpactOf_butEmptyForImpactIfKnown() {
    assertThatThrownBy(() -> cmdb.impactOf(AGENT, "db-nope")).isInstanceOf(RecordNotFoundException.class);
    assertThat(cmdb.impactIfKnown(AGENT, "db-nope")).isEmpty();
  }
}
