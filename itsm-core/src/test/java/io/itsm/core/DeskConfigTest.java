package io.itsm.core;

import static io.itsm.core.Fixtures.CALLER;
import static io.itsm.core.Fixtures.SIMPLE_POLICY;
import static io.itsm.core.Fixtures.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.access.Role;
import io.itsm.core.access.RoleBasedAccessPolicy;
import io.itsm.core.approval.ApprovalPolicy;
import io.itsm.core.approval.ApprovalStage;
import io.itsm.core.approval.Approver;
import io.itsm.core.escalation.EscalationPolicy;
import io.itsm.core.incident.CallerDirectory;
import io.itsm.core.incident.Catalogue;
import io.itsm.core.incident.ResolutionCodes;
import io.itsm.core.kernel.Kernel;
import io.itsm.core.lifecycle.Lifecycle;
import io.itsm.core.repository.InMemoryIncidentRepository;
import io.itsm.core.repository.IncidentQuery;
import io.itsm.core.sla.SlaPolicy;
import io.itsm.core.triage.TriagePolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeskConfigTest {

  private final MutableClock clock = MutableClock.at(Instant.parse("2026-11-23T09:00:00Z"));

  @Test
  void ofDefaults_holdsTheDocumentedDefaults() {
    DeskConfig d = DeskConfig.ofDefaults();
    assertThat(d.autoCloseAfter()).isEqualTo(ServiceDesk.DEFAULT_AUTO_CLOSE_AFTER).isEqualTo(Duration.ofDays(7));
    assertThat(d.slaThresholds()).isEqualTo(ServiceDesk.DEFAULT_SLA_THRESHOLDS).containsExactly(50, 75, 90);
    assertThat(d.resolutionApproval().stages())
        .containsExactly(new ApprovalStage(ServiceDesk.DEFAULT_RESOLUTION_APPROVERS, ApprovalPolicy.any()));
    assertThat(d.resolutionApproval().dueAfter()).isEmpty();
    assertThat(d.repository()).isInstanceOf(InMemoryIncidentRepository.class);
    assertThat(d.triagePolicy()).isSameAs(TriagePolicy.none());
    assertThat(d.accessPolicy()).isEqualTo(RoleBasedAccessPolicy.defaults());
    assertThat(d.lifecycle()).isSameAs(Lifecycle.DEFAULT);
    assertThat(d.catalogue()).isEqualTo(Catalogue.defaults());
    assertThat(d.resolutionCodes()).isEqualTo(ResolutionCodes.defaults());
    assertThat(d.callerDirectory()).isSameAs(CallerDirectory.none());
    assertThat(d.listeners()).isEmpty();
    assertThat(d.slaPolicy()).isEmpty();
    assertThat(d.escalationPolicy()).isEmpty();
    assertThat(d.knownTeams()).isEmpty();
    assertThat(d.reopenClosedWithin()).isEmpty();
    assertThat(d.idGenerator().get()).isEqualTo("INC-000001");
    assertThat(d.idGenerator().get()).isEqualTo("INC-000002");
  }

  @Test
  void aConfig_makesTheSameDeskAsTheBuilder_andDesksOfOneConfig_shareItsRepository() {
    DeskConfig config = DeskConfig.custom().clock(clock).triagePolicy(SIMPLE_POLICY)
        .autoCloseAfter(Duration.ofDays(3)).build();
    ServiceDesk one = ServiceDesk.of(config);
    ServiceDesk two = ServiceDesk.of(config);
    assertThat(one.config()).isSameAs(config);
    assertThat(one.log(CALLER, ticket("VPN down")).id()).isEqualTo("INC-000001");
    assertThat(two.log(CALLER, ticket("VPN down again")).id()).isEqualTo("INC-000002");
    assertThat(one.find(CALLER, IncidentQuery.all())).hasSize(2);

    ServiceDesk built = ServiceDesk.builder().clock(clock).triagePolicy(SIMPLE_POLICY)
        .autoCloseAfter(Duration.ofDays(3)).build();
    assertThat(built.log(CALLER, ticket("VPN down"))).isEqualTo(
        ServiceDesk.of(DeskConfig.from(config).repository(new InMemoryIncidentRepository())
            .idGenerator(() -> "INC-000001").build()).log(CALLER, ticket("VPN down")));
  }

  @Test
  void from_keepsEverySetting_andChangesOnlyWhatIsSet() {
    DeskConfig base = DeskConfig.custom().clock(clock).slaPolicy(SlaPolicy.defaults())
        .slaThresholds(80).knownTeams(List.of("network-ops")).reopenClosedWithin(Duration.ofDays(30))
        .resolutionApprovers(List.of(Approver.user("zoe")), ApprovalPolicy.all())
        .approvalDueAfter(Duration.ofDays(2)).listener((e, i) -> { }).build();
    DeskConfig copy = DeskConfig.from(base).build();
    assertThat(copy).isEqualTo(base);
    DeskConfig changed = DeskConfig.from(base).autoCloseAfter(Duration.ofDays(1)).build();
    assertThat(changed.autoCloseAfter()).isEqualTo(Duration.ofDays(1));
    assertThat(DeskConfig.from(changed).autoCloseAfter(base.autoCloseAfter()).build()).isEqualTo(base);
  }

  @Test
  void badSettings_areRefused_withTheSettingAndTheFix() {
    assertThatThrownBy(() -> DeskConfig.custom().escalationPolicy((inc, sla) -> List.of()).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("escalationPolicy needs an slaPolicy");
    EscalationPolicy zeroCheckpoint = new EscalationPolicy() {
      @Override
      public List<io.itsm.core.escalation.EscalationAction> decide(
          io.itsm.core.incident.Incident incident, io.itsm.core.sla.SlaReport sla) {
        return List.of();
      }

      @Override
      public List<Integer> checkpoints() {
        return List.of(0);
      }
    };
    assertThatThrownBy(() -> DeskConfig.custom().slaPolicy(SlaPolicy.defaults())
        .escalationPolicy(zeroCheckpoint).build())
        .hasMessageContaining("checkpoints must be 1 percent or more");
    assertThatThrownBy(() -> DeskConfig.custom().slaThresholds(50, 100))
        .hasMessageContaining("SLA thresholds must be 1 to 99 percent");
    assertThatThrownBy(() -> DeskConfig.custom().autoCloseAfter(Duration.ZERO))
        .hasMessage("autoCloseAfter must be positive, but was PT0S");
    DeskConfig ok = DeskConfig.ofDefaults();
    assertThatThrownBy(() -> new DeskConfig(ok.kernel(), ok.repository(), ok.idGenerator(),
        List.of(), ok.triagePolicy(), ok.lifecycle(), ok.catalogue(), ok.autoCloseAfter(),
        Optional.empty(), List.of(50, 50), Optional.empty(), ok.callerDirectory(),
        ok.resolutionCodes(), Optional.empty(), Optional.empty()))
        .hasMessageContaining("SLA thresholds must be distinct, but 50 was repeated");
  }

  @Test
  void settingsAfterTheKernel_changeItForThisDeskOnly() {
    Kernel kernel = Kernel.ofDefaults().withClock(clock);
    MutableClock other = MutableClock.at(Instant.parse("2027-01-01T00:00:00Z"));
    ServiceDesk desk = ServiceDesk.builder().kernel(kernel).clock(other)
        .resolutionApprovers(List.of(Approver.role(Role.SENIOR_MANAGER)), ApprovalPolicy.any())
        .build();
    assertThat(desk.config().clock()).isSameAs(other);
    assertThat(desk.config().kernel().ids()).isSameAs(kernel.ids());
    assertThat(desk.config().resolutionApproval().stages().get(0).approvers())
        .containsExactly(Approver.role(Role.SENIOR_MANAGER));
    assertThat(kernel.clock()).isSameAs(clock);
    assertThat(kernel.approvalTerms(io.itsm.core.approval.ApprovalSubject.Kind.RESOLUTION).stages()
        .get(0).approvers()).isEqualTo(ServiceDesk.DEFAULT_RESOLUTION_APPROVERS);
  }
}
