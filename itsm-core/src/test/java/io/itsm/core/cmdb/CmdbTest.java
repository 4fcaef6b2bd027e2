package io.itsm.core.cmdb;

import static io.itsm.core.cmdb.CmdbFixtures.ADMIN;
import static io.itsm.core.cmdb.CmdbFixtures.AGENT;
import static io.itsm.core.cmdb.CmdbFixtures.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.RecordNotFoundException;
import io.itsm.core.MutableClock;
import io.itsm.core.ValidationException;
import io.itsm.core.access.AccessDeniedException;
import io.itsm.core.access.Permission;
import io.itsm.core.access.Role;
import io.itsm.core.access.RoleBasedAccessPolicy;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CmdbTest {

  private MutableClock clock;
  private InMemoryCmdbRepository repository;
  private List<CiEvent> heard;
  private Cmdb cmdb;

  @BeforeEach
  void setUp() {
    clock = CmdbFixtures.clock();
    repository = new InMemoryCmdbRepository();
    heard = new ArrayList<>();
    cmdb = CmdbFixtures.sample(Cmdb.builder().clock(clock).repository(repository)
        .listener((e, ci) -> heard.add(e)).build());
  }

  @Test
  void register_storesTheItemWithItsFirstEvent() {
    ConfigurationItem db = cmdb.get(AGENT, "db-orders");
    assertThat(db.name()).isEqualTo("Orders database");
    assertThat(db.criticality()).isEqualTo(Criticality.BUSINESS_CRITICAL);
    assertThat(db.supportTeam()).contains("dba");
    assertThat(db.relations()).containsExactly(Relation.of("db-orders", RelationType.RUNS_ON, "srv-db-01"));
    assertThat(cmdb.history(AGENT, "db-orders")).extracting(CiEvent::type)
        .containsExactly("CiRegistered", "RelationAdded");
    assertThat(heard).hasSize(10 + 9);
  }

  @Test
  void register_whenTheIdExists_isRejectedAndNothingChanges() {
    assertThatThrownBy(() -> cmdb.register(ADMIN, CiDefinition.of("db-orders", CiType.DATABASE, "x")))
        .isInstanceOf(ValidationException.class).hasMessageContaining("db-orders already exists");
    assertThat(cmdb.get(AGENT, "db-orders").name()).isEqualTo("Orders database");
  }

  @Test
  void update_recordsEachFieldBeforeAndAfter() {
    clock.advance(Duration.ofHours(1));
    ConfigurationItem after = cmdb.update(ADMIN, "db-orders", List.of(
        CiUpdate.set(CiUpdate.CRITICALITY, "HIGH"), CiUpdate.set("attributes.engine", "PostgreSQL 17"),
        CiUpdate.clear(CiUpdate.LOCATION)));
    assertThat(after.criticality()).isEqualTo(Criticality.HIGH);
    assertThat(after.location()).isEmpty();
    CiUpdated e = (CiUpdated) cmdb.history(AGENT, "db-orders").get(2);
    assertThat(e.actor()).isEqualTo("root");
    assertThat(e.at()).isEqualTo(clock.instant());
    assertThat(e.changes()).containsExactly(
        new AttributeChange("criticality", Optional.of("BUSINESS_CRITICAL"), Optional.of("HIGH")),
        new AttributeChange("location", Optional.of("dc-north"), Optional.empty()),
        new AttributeChange("attributes.engine", Optional.of("PostgreSQL 16"), Optional.of("PostgreSQL 17")));
    assertThat(CiHistory.replay(cmdb.history(AGENT, "db-orders"))).isEqualTo(after);
  }

  @Test
  void update_thatChangesNothing_isRejected() {
    assertThatThrownBy(() -> cmdb.update(ADMIN, "db-orders", List.of(CiUpdate.set("name", "Orders database"))))
        .isInstanceOf(ValidationException.class).hasMessageContaining("change nothing on configuration item db-orders");
    assertThat(cmdb.get(AGENT, "db-orders").version()).isEqualTo(2);
  }

  @Test
  void update_withAnUnknownFieldOrValue_namesWhatIsAllowed() {
    assertThatThrownBy(() -> CiUpdate.set("colour", "red"))
        .hasMessageContaining("CI field must be one of type, name, ownerTeam, supportTeam, criticality,"
            + " location or attributes.<key>, but was 'colour'");
    assertThatThrownBy(() -> cmdb.update(ADMIN, "db-orders", List.of(CiUpdate.set("criticality", "SEVERE"))))
        .hasMessageContaining("must be one of LOW, MEDIUM, HIGH, BUSINESS_CRITICAL, but was 'SEVERE'");
    assertThatThrownBy(() -> CiUpdate.clear("name")).hasMessageContaining("cannot be cleared");
  }

  @Test
  void unknownItem_isReportedWithTheIdProbablyMeant() {
    assertThatThrownBy(() -> cmdb.get(AGENT, "db-order"))
        .isInstanceOf(RecordNotFoundException.class)
        .hasMessage("configuration item 'db-order' does not exist; did you mean 'db-orders'?");
  }

  @Test
  void relate_toAnUnknownItem_isRejectedAndNothingChanges() {
    assertThatThrownBy(() -> cmdb.relate(ADMIN, Relation.of("app-shop", RelationType.DEPENDS_ON, "db-ordres")))
        .isInstanceOf(RecordNotFoundException.class).hasMessageContaining("did you mean 'db-orders'");
    assertThatThrownBy(() -> cmdb.relate(ADMIN, Relation.of("nope", RelationType.DEPENDS_ON, "db-orders")))
        .isInstanceOf(RecordNotFoundException.class).hasMessageContaining("'nope' does not exist");
    assertThat(cmdb.get(AGENT, "app-shop").relations()).hasSize(1);
  }

  @Test
  void relate_twice_isRejected() {
    assertThatThrownBy(() -> cmdb.relate(ADMIN, Relation.of("app-shop", RelationType.DEPENDS_ON, "db-orders")))
        .hasMessage("relation app-shop DEPENDS_ON db-orders already exists");
  }

  @Test
  void relate_toItself_isRejected() {
    assertThatThrownBy(() -> Relation.of("db-orders", RelationType.PART_OF, "db-orders"))
        .hasMessageContaining("points at itself");
  }

  @Test
  void partOf_thatClosesACycle_isRejectedNamingTheCycleAndNothingChanges() {
    cmdb.register(ADMIN, CiDefinition.of("a", CiType.OTHER, "A"));
    cmdb.register(ADMIN, CiDefinition.of("b", CiType.OTHER, "B"));
    cmdb.register(ADMIN, CiDefinition.of("c", CiType.OTHER, "C"));
    cmdb.relate(ADMIN, Relation.of("a", RelationType.PART_OF, "b"));
    cmdb.relate(ADMIN, Relation.of("b", RelationType.PART_OF, "c"));
    long before = cmdb.get(AGENT, "c").version();
    assertThatThrownBy(() -> cmdb.relate(ADMIN, Relation.of("c", RelationType.PART_OF, "a")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("relation c PART_OF a would close a cycle in 'part of': a PART_OF b, b PART_OF c, then"
            + " c PART_OF a; a thing cannot be part of itself (remove one of these relations first)");
    assertThat(cmdb.get(AGENT, "c").version()).isEqualTo(before);
    // a dependency cycle is allowed: real systems have them, impact analysis stops at seen items
    cmdb.relate(ADMIN, Relation.of("c", RelationType.DEPENDS_ON, "a"));
    cmdb.relate(ADMIN, Relation.of("a", RelationType.DEPENDS_ON, "c"));
    assertThat(cmdb.impactOf(AGENT, "a").affected()).extracting(AffectedCi::id).contains("b", "c");
  }

  @Test
  void unrelate_removesTheRelationAndItsImpact() {
    cmdb.unrelate(ADMIN, Relation.of("svc-payments", RelationType.DEPENDS_ON, "app-payments"));
    assertThat(cmdb.impactOf(AGENT, "db-orders").services()).containsExactly("svc-checkout", "svc-webshop");
    assertThatThrownBy(() -> cmdb.unrelate(ADMIN, Relation.of("svc-payments", RelationType.DEPENDS_ON, "app-payments")))
        .hasMessageContaining("does not exist");
  }

  @Test
  void retire_whileOthersRelateToIt_namesTheRelationsToRemoveFirst() {
    assertThatThrownBy(() -> cmdb.retire(ADMIN, "db-orders", "moved to the cloud"))
        .hasMessageContaining("remove these relations first: [app-shop DEPENDS_ON db-orders,"
            + " app-payments DEPENDS_ON db-orders]");
    assertThat(cmdb.get(AGENT, "db-orders").isActive()).isTrue();
  }

  @Test
  void retire_removesItsOwnRelations_andARetiredItemCannotChange() {
    ConfigurationItem r = cmdb.retire(ADMIN, "svc-email", "replaced by the new mail service");
    assertThat(r.status()).isEqualTo(CiStatus.RETIRED);
    assertThat(r.relations()).isEmpty();
    assertThat(cmdb.history(AGENT, "svc-email")).extracting(CiEvent::type)
        .containsExactly("CiRegistered", "RelationAdded", "RelationRemoved", "CiRetired");
    assertThat(cmdb.impactOf(AGENT, "app-mail").services()).isEmpty();
    assertThatThrownBy(() -> cmdb.update(ADMIN, "svc-email", List.of(CiUpdate.set("name", "Mail"))))
        .hasMessage("configuration item svc-email is RETIRED and cannot update");
    assertThatThrownBy(() -> cmdb.relate(ADMIN, Relation.of("svc-webshop", RelationType.DEPENDS_ON, "svc-email")))
        .hasMessageContaining("RETIRED");
  }

  @Test
  void find_byTypeTeamCriticalityAndText() {
    assertThat(cmdb.find(AGENT, CiQuery.all().withType(CiType.BUSINESS_SERVICE)))
        .extracting(ConfigurationItem::id)
        .containsExactly("svc-checkout", "svc-email", "svc-payments", "svc-webshop");
    assertThat(cmdb.find(AGENT, CiQuery.all().withTeam("dba"))).extracting(ConfigurationItem::id)
        .containsExactly("db-orders");
    assertThat(cmdb.find(AGENT, CiQuery.all().withCriticalityAtLeast(Criticality.HIGH)))
        .extracting(ConfigurationItem::id).containsExactly("app-payments", "db-orders", "svc-webshop");
    assertThat(cmdb.find(AGENT, CiQuery.all().withText("SHOP"))).extracting(ConfigurationItem::id)
        .containsExactly("app-shop", "svc-webshop");
  }

  @Test
  void relations_listOutgoingThenIncoming() {
    assertThat(cmdb.relations(AGENT, "db-orders")).extracting(Relation::toString).containsExactly(
        "db-orders RUNS_ON srv-db-01", "app-shop DEPENDS_ON db-orders", "app-payments DEPENDS_ON db-orders");
  }

  @Test
  void access_endUsersMayNotReadAndOnlyCmdbUpdateMayWrite() {
    assertThatThrownBy(() -> cmdb.get(USER, "db-orders")).isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("denied CMDB_READ");
    assertThatThrownBy(() -> cmdb.register(AGENT, CiDefinition.of("x", CiType.OTHER, "X")))
        .isInstanceOf(AccessDeniedException.class).hasMessageContaining("denied CMDB_UPDATE");
    Cmdb specialistsMayWrite = Cmdb.builder().repository(repository)
        .accessPolicy(RoleBasedAccessPolicy.defaults().grant(Role.SPECIALIST, Permission.CMDB_UPDATE)).build();
    specialistsMayWrite.register(CmdbFixtures.DBA, CiDefinition.of("db-stock", CiType.DATABASE, "Stock"));
    assertThat(specialistsMayWrite.get(AGENT, "db-stock").name()).isEqualTo("Stock");
  }

  @Test
  void aNewCmdbOnTheSameRepository_rebuildsTheGraph() {
    Cmdb again = Cmdb.builder().repository(repository).build();
    assertThat(again.impactOf(AGENT, "db-orders").services())
        .isEqualTo(cmdb.impactOf(AGENT, "db-orders").services());
    again.relate(ADMIN, Relation.of("svc-email", RelationType.DEPENDS_ON, "db-orders"));
    assertThat(cmdb.impactOf(AGENT, "db-orders").services()).doesNotContain("svc-email");
    cmdb.reloadGraph();
    assertThat(cmdb.impactOf(AGENT, "db-orders").services()).contains("svc-email");
  }

  @Test
  void definition_rejectsBadIdsAndBlankValues() {
    assertThatThrownBy(() -> CiDefinition.of("bad id", CiType.OTHER, "x"))
        .hasMessageContaining("configuration item id must be letters, digits and . _ : / -");
    assertThatThrownBy(() -> CiDefinition.of("ok", CiType.OTHER, " "))
        .hasMessageContaining("name of configuration item ok must not be blank");
    assertThatThrownBy(() -> CiDefinition.of("ok", CiType.OTHER, "x").withSupportTeam(" "))
        .hasMessageContaining("supportTeam of configuration item ok must not be blank");
  }

  @Test
  void impactCache_aChangeDropsOnlyTheAnalysesItCanAlter_andEveryAnswerStaysFresh() {
    ImpactAnalysis db = cmdb.impactOf(AGENT, "db-orders");
    ImpactAnalysis mail = cmdb.impactOf(AGENT, "app-mail");
    assertThat(cmdb.impactOf(AGENT, "db-orders")).as("cached").isSameAs(db);

    cmdb.update(ADMIN, "svc-email", List.of(CiUpdate.set("attributes.users", "6000")));

    assertThat(cmdb.impactOf(AGENT, "db-orders"))
        .as("the e-mail service is not in the orders database's analysis: still cached").isSameAs(db);
    ImpactAnalysis mailAfter = cmdb.impactOf(AGENT, "app-mail");
    assertThat(mailAfter).isNotSameAs(mail);
    assertThat(mailAfter.affectedUsers()).isEqualTo(mail.affectedUsers() + 1000);

    cmdb.relate(ADMIN, Relation.of("app-mail", RelationType.DEPENDS_ON, "db-orders"));
    assertThat(cmdb.impactOf(AGENT, "db-orders").services())
        .as("a relation gained reaches the analyses holding its target").contains("svc-email");
    assertSameAsAFreshCmdb();

    cmdb.unrelate(ADMIN, Relation.of("app-shop", RelationType.DEPENDS_ON, "db-orders"));
    assertThat(cmdb.impactOf(AGENT, "srv-db-01").affected()).extracting(AffectedCi::id)
        .as("a relation lost").doesNotContain("app-shop");
    cmdb.update(ADMIN, "app-payments", List.of(CiUpdate.set(CiUpdate.CRITICALITY, "BUSINESS_CRITICAL")));
    cmdb.retire(ADMIN, "svc-payments", "merged into checkout");
    assertSameAsAFreshCmdb();
  }

  /** Every analysis equals the one of a CMDB built afresh on the same repository (no cache). */
  private void assertSameAsAFreshCmdb() {
    Cmdb fresh = Cmdb.builder().clock(clock).repository(repository).build();
    for (ConfigurationItem ci : fresh.find(AGENT, CiQuery.all())) {
      assertThat(cmdb.impactOf(AGENT, ci.id())).as(ci.id()).isEqualTo(fresh.impactOf(AGENT, ci.id()));
    }
  }
}
