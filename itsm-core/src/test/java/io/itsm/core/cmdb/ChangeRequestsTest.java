package io.itsm.core.cmdb;

import static io.itsm.core.cmdb.CmdbFixtures.ADMIN;
import static io.itsm.core.cmdb.CmdbFixtures.AGENT;
import static io.itsm.core.cmdb.CmdbFixtures.DBA;
import static io.itsm.core.cmdb.CmdbFixtures.LEAD;
import static io.itsm.core.cmdb.CmdbFixtures.MANAGER;
import static io.itsm.core.cmdb.CmdbFixtures.SENIOR;
import static io.itsm.core.cmdb.CmdbFixtures.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.RecordNotFoundException;
import io.itsm.core.RecordStateException;
import io.itsm.core.MutableClock;
import io.itsm.core.ValidationException;
import io.itsm.core.access.AccessDeniedException;
import io.itsm.core.access.Role;
import io.itsm.core.approval.ApprovalStatus;
import io.itsm.core.approval.Approver;
import io.itsm.core.approval.NotAnApproverException;
import io.itsm.core.approval.Verdict;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChangeRequestsTest {

  private MutableClock clock;
  private Cmdb cmdb;
  private ChangeRequests changes;
  private final List<String> heard = new ArrayList<>();

  @BeforeEach
  void setUp() {
    clock = CmdbFixtures.clock();
    cmdb = CmdbFixtures.sample(Cmdb.builder().clock(clock).build());
    changes = ChangeRequests.builder(cmdb).listener((e, c) -> heard.add(e.type())).build();
  }

  private static ChangePlan failover() {
    return ChangePlan.of("Fail over the orders database", "the primary's disk failed")
        .withUpdates(List.of(CiUpdateSet.of("db-orders", CiUpdate.set("attributes.primary", "node-b"),
            CiUpdate.set("attributes.engine", "PostgreSQL 16.4"))))
        .withPreventiveAction("PA-7");
  }

  @Test
  void aChange_isAssessedFromTheGraph_approvedByTheBoard_andVerifyingAppliesItsUpdates() {
    ChangeRequest c = changes.request(AGENT, failover());
    assertThat(c.id()).isEqualTo("CHG-000001");
    assertThat(c.status()).isEqualTo(ChangeStatus.PENDING_APPROVAL);
    assertThat(c.assessment().services()).containsExactly("svc-checkout", "svc-payments", "svc-webshop");
    assertThat(c.assessment().highestCriticality()).isEqualTo(Criticality.BUSINESS_CRITICAL);
    assertThat(c.assessment().affectedUsers()).isEqualTo(20300);
    assertThat(c.risk()).isEqualTo(Risk.HIGH);
    assertThat(c.plan().preventiveActionId()).contains("PA-7");
    assertThat(c.approval().stages()).hasSize(2);

    c = changes.decide(MANAGER, c.id(), Verdict.APPROVE, "go");
    assertThat(c.status()).isEqualTo(ChangeStatus.PENDING_APPROVAL);
    assertThat(c.approval().currentStage()).isEqualTo(2);
    String id = c.id();
    assertThatThrownBy(() -> changes.decide(MANAGER, id, Verdict.APPROVE, ""))
        .isInstanceOf(NotAnApproverException.class);
    c = changes.decide(SENIOR, id, Verdict.APPROVE, "ok");
    assertThat(c.status()).isEqualTo(ChangeStatus.APPROVED);

    clock.advance(Duration.ofHours(1));
    changes.start(DBA, id);
    assertThat(cmdb.get(AGENT, "db-orders").attributes()).doesNotContainKey("primary");
    changes.complete(DBA, id, "promoted node-b");
    c = changes.verify(LEAD, id, "orders flow again");
    assertThat(c.status()).isEqualTo(ChangeStatus.COMPLETED);
    assertThat(c.implementer()).contains("s-dana");
    ConfigurationItem db = cmdb.get(AGENT, "db-orders");
    assertThat(db.attributes()).containsEntry("primary", "node-b").containsEntry("engine", "PostgreSQL 16.4");
    CiUpdated applied = (CiUpdated) cmdb.history(AGENT, "db-orders").get(2);
    assertThat(applied.changeRequestId()).contains(id);
    assertThat(applied.actor()).isEqualTo("l-lars");
    assertThat(cmdb.audit(AGENT, CiAuditQuery.all().withField("attributes.primary")))
        .singleElement().satisfies(e -> assertThat(e.changeRequestId()).contains(id));
    assertThat(changes.history(AGENT, id)).extracting(ChangeEvent::type).containsExactly("ChangeRequested",
        "ChangeApprovalDecided", "ChangeApprovalDecided", "ChangeStarted", "ChangeImplemented", "ChangeVerified");
    assertThat(ChangeHistory.replay(changes.history(AGENT, id))).isEqualTo(c);
    assertThat(heard).hasSize(6);
  }

  @Test
  void theBoardFollowsTheRisk() {
    ChangeRequest low = changes.request(AGENT, ChangePlan.of("Label the core switch", "")
        .withUpdates(List.of(CiUpdateSet.of("net-core-sw", CiUpdate.set("location", "rack 4")))));
    assertThat(low.risk()).isEqualTo(Risk.LOW);
    assertThat(low.approval().stages()).singleElement()
        .satisfies(s -> assertThat(s.approvers()).containsExactly(Approver.role(Role.TEAM_LEAD)));
    ChangeRequest medium = changes.request(AGENT, ChangePlan.of("Patch the mail software", "")
        .withAffectedCis(List.of("app-mail")));
    assertThat(medium.risk()).isEqualTo(Risk.MEDIUM);
    assertThat(medium.approval().stages()).singleElement()
        .satisfies(s -> assertThat(s.approvers()).containsExactly(Approver.role(Role.MANAGER)));
    ChangeRequest raised = changes.request(AGENT, ChangePlan.of("Re-cable the switch", "")
        .withAffectedCis(List.of("net-core-sw")).withRisk(Risk.HIGH));
    assertThat(raised.risk()).as("the requester's risk is kept when higher").isEqualTo(Risk.HIGH);
  }

  @Test
  void aRejection_endsTheChangeWithTheComment() {
    String id = changes.request(AGENT, failover()).id();
    ChangeRequest c = changes.decide(MANAGER, id, Verdict.REJECT, "not during the sale");
    assertThat(c.status()).isEqualTo(ChangeStatus.REJECTED);
    assertThat(c.approval().status()).isEqualTo(ApprovalStatus.REJECTED);
    assertThat(c.outcome()).contains("not during the sale");
    assertThatThrownBy(() -> changes.start(DBA, id)).isInstanceOf(RecordStateException.class)
        .hasMessage("change request CHG-000001 is REJECTED: start is allowed only when APPROVED;"
            + " REJECTED is final; request a new change");
  }

  @Test
  void commandsOutOfOrder_nameTheStateAndWhatToDoFirst() {
    String id = changes.request(AGENT, failover()).id();
    assertThatThrownBy(() -> changes.start(DBA, id))
        .hasMessage("change request CHG-000001 is PENDING_APPROVAL: start is allowed only when APPROVED;"
            + " the change advisory board has not approved it yet");
    changes.decide(MANAGER, id, Verdict.APPROVE, "");
    changes.decide(SENIOR, id, Verdict.APPROVE, "");
    changes.start(DBA, id);
    assertThatThrownBy(() -> changes.verify(DBA, id, "fine"))
        .hasMessageContaining("verify is allowed only when IMPLEMENTED; complete it first");
    assertThat(cmdb.get(AGENT, "db-orders").attributes()).doesNotContainKey("primary");
  }

  @Test
  void aFailedChange_appliesNothing() {
    String id = changes.request(AGENT, failover()).id();
    changes.decide(MANAGER, id, Verdict.APPROVE, "");
    changes.decide(SENIOR, id, Verdict.APPROVE, "");
    changes.start(DBA, id);
    changes.complete(DBA, id, "promoted node-b");
    ChangeRequest c = changes.fail(DBA, id, "replication lag too high; rolled back");
    assertThat(c.status()).isEqualTo(ChangeStatus.FAILED);
    assertThat(cmdb.get(AGENT, "db-orders").version()).isEqualTo(2);
  }

  @Test
  void verifying_whenAnItemWasRetiredMeanwhile_appliesNothingAndKeepsTheChangeImplemented() {
    String id = changes.request(AGENT, ChangePlan.of("Move mail", "")
        .withUpdates(List.of(CiUpdateSet.of("svc-email", CiUpdate.set("location", "cloud")),
            CiUpdateSet.of("app-mail", CiUpdate.set("location", "cloud"))))).id();
    changes.decide(MANAGER, id, Verdict.APPROVE, "");
    changes.start(DBA, id);
    changes.complete(DBA, id, "moved");
    cmdb.retire(ADMIN, "svc-email", "replaced");
    assertThatThrownBy(() -> changes.verify(DBA, id, "works"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("svc-email is RETIRED");
    assertThat(changes.get(AGENT, id).status()).isEqualTo(ChangeStatus.IMPLEMENTED);
    assertThat(cmdb.get(AGENT, "app-mail").location()).isEmpty();
  }

  @Test
  void badPlans_areRejectedAndStoreNothing() {
    assertThatThrownBy(() -> changes.request(AGENT, ChangePlan.of("Nothing", "")))
        .hasMessageContaining("must name the configuration items it touches");
    assertThatThrownBy(() -> changes.request(AGENT, ChangePlan.of("Typo", "").withAffectedCis(List.of("db-ordres"))))
        .isInstanceOf(RecordNotFoundException.class).hasMessageContaining("did you mean 'db-orders'");
    assertThatThrownBy(() -> changes.request(AGENT, ChangePlan.of("Same", "")
        .withUpdates(List.of(CiUpdateSet.of("db-orders", CiUpdate.set("name", "Orders database"))))))
        .hasMessageContaining("change nothing on db-orders");
    assertThatThrownBy(() -> ChangePlan.of("Backwards", "").withWindow(clock.instant(), clock.instant()))
        .hasMessageContaining("plannedEnd of change 'Backwards' must be after plannedStart");
    assertThat(changes.find(AGENT, ChangeQuery.all())).isEmpty();
  }

  @Test
  void access_whoMayDoWhat() {
    assertThatThrownBy(() -> changes.request(USER, failover())).isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("CHANGE_REQUEST");
    String id = changes.request(AGENT, failover()).id();
    assertThatThrownBy(() -> changes.decide(AGENT, id, Verdict.APPROVE, ""))
        .isInstanceOf(AccessDeniedException.class).hasMessageContaining("DECIDE_APPROVAL");
    changes.decide(MANAGER, id, Verdict.APPROVE, "");
    changes.decide(SENIOR, id, Verdict.APPROVE, "");
    assertThatThrownBy(() -> changes.start(AGENT, id)).isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("CHANGE_IMPLEMENT");
    assertThat(changes.find(AGENT, ChangeQuery.all().withCi("db-orders").withStatus(ChangeStatus.APPROVED)))
        .extracting(ChangeRequest::id).containsExactly(id);
    assertThat(changes.find(AGENT, ChangeQuery.all().withCi("svc-email"))).isEmpty();
    assertThat(changes.cancel(AGENT, id, "not needed").status()).isEqualTo(ChangeStatus.CANCELLED);
    assertThat(changes.get(AGENT, id).outcome()).isEqualTo(Optional.of("not needed"));
  }
}
