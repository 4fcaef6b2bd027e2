package io.itsm.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.MutableClock;
import io.itsm.core.ServiceDesk;
import io.itsm.core.ValidationException;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.approval.Approval;
import io.itsm.core.approval.ApprovalPolicy;
import io.itsm.core.approval.ApprovalSubject;
import io.itsm.core.approval.ApprovalTerms;
import io.itsm.core.approval.Approver;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Status;
import io.itsm.core.incident.Ticket;
import io.itsm.core.repository.InMemoryIncidentRepository;
import io.itsm.core.repository.IncidentRepository;
import io.itsm.core.triage.TriageAttribute;
import io.itsm.core.triage.TriageDecision;
import io.itsm.core.triage.TriageResult;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KernelTest {

  private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
  private static final Actor ANNA = Actor.endUser("u-anna");
  private static final Actor NILS = Actor.of("a-nils", Role.AGENT, "network-ops");

  private static Ticket ticket(String title) {
    return Ticket.builder().title(title).caller(Caller.of(ANNA.id())).build();
  }

  @Test
  void twoFacadesOnOneKernel_shareItsClock_ids_andStore() {
    MutableClock clock = MutableClock.at(T0);
    InMemoryIncidentRepository repo = new InMemoryIncidentRepository();
    Kernel kernel = Kernel.ofDefaults().withClock(clock).withStore(IncidentRepository.class, repo);
    ServiceDesk portal = ServiceDesk.builder().kernel(kernel).build();
    ServiceDesk phone = ServiceDesk.builder().kernel(kernel).build();

    Incident a = portal.log(ANNA, ticket("Printer jams"));
    clock.advance(Duration.ofMinutes(5));
    Incident b = phone.log(ANNA, ticket("Mail is slow"));

    assertThat(List.of(a.id(), b.id())).containsExactly("INC-000001", "INC-000002");
    assertThat(repo.find(a.id())).contains(a);
    assertThat(portal.get(ANNA, b.id())).isEqualTo(b);
    assertThat(b.openedAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
  }

  @Test
  void theKernelsResolutionTerms_decideWhoApproves_andWhenItExpires() {
    MutableClock clock = MutableClock.at(T0);
    ApprovalTerms zoeWithinTwoDays =
        ApprovalTerms.of(List.of(Approver.user("zoe")), ApprovalPolicy.any()).withDueAfter(Duration.ofDays(2));
    Kernel kernel = Kernel.ofDefaults().withClock(clock)
        .withApprovalTerms(ApprovalSubject.Kind.RESOLUTION, zoeWithinTwoDays);
    ServiceDesk desk = ServiceDesk.builder().kernel(kernel)
        .triagePolicy(t -> TriageResult.of(List.of(
            new TriageDecision(TriageAttribute.TEAM, "network-ops", "net", "net", 0),
            new TriageDecision(TriageAttribute.APPROVAL_REQUIRED, true, "approve", "always", 0)),
            List.of(), List.of("net", "approve")))
        .build();
    Incident inc = desk.log(ANNA, ticket("VPN down"));
    desk.startWork(NILS, inc.id());
    inc = desk.proposeResolution(NILS, inc.id(), "SOLVED_FIXED", "Restarted the concentrator");

    assertThat(inc.status()).isEqualTo(Status.PENDING_APPROVAL);
    Approval approval = inc.approval().orElseThrow();
    assertThat(approval.stages().get(0).approvers()).containsExactly(Approver.user("zoe"));
    assertThat(approval.dueAt()).contains(T0.plus(Duration.ofDays(2)));
    assertThat(approval.subject()).isEqualTo(new ApprovalSubject(ApprovalSubject.Kind.RESOLUTION, inc.id()));
  }

  @Test
  void defaults_giveEveryKindOfSubjectItsApprovers() {
    Kernel k = Kernel.ofDefaults();
    assertThat(k.approvalTerms(ApprovalSubject.Kind.INCIDENT_REPORT).stages().get(0).approvers())
        .containsExactly(Approver.role(Role.SENIOR_MANAGER));
    for (ApprovalSubject.Kind kind : List.of(ApprovalSubject.Kind.RESOLUTION,
        ApprovalSubject.Kind.ANNOUNCEMENT, ApprovalSubject.Kind.CONFIGURATION_CHANGE)) {
      assertThat(k.approvalTerms(kind).stages().get(0).approvers()).containsExactly(Approver.role(Role.MANAGER));
      assertThat(k.approvalTerms(kind).dueAfter()).isEmpty();
    }
    Map<ApprovalSubject.Kind, ApprovalTerms> partial = new EnumMap<>(Kernel.defaultApprovals());
    partial.remove(ApprovalSubject.Kind.ANNOUNCEMENT);
    assertThatThrownBy(() -> new Kernel(k.clock(), k.accessPolicy(), k.ids(), partial, k.stores()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("ANNOUNCEMENT has none");
  }

  @Test
  void sequentialIds_countPerPrefix_andNeverRepeatUnderContention() {
    IdGenerator ids = IdGenerator.sequential();
    assertThat(ids.next("INC")).isEqualTo("INC-000001");
    assertThat(ids.next("KB")).isEqualTo("KB-000001");
    assertThat(ids.next("INC")).isEqualTo("INC-000002");
    Set<String> seen = ConcurrentHashMap.newKeySet();
    IntStream.range(0, 10_000).parallel().forEach(i -> seen.add(ids.next("CHG")));
    assertThat(seen).hasSize(10_000).contains("CHG-010000");
  }

  @Test
  void stores_holdOneStorePerType_andRefuseAStoreOfAnotherType() {
    InMemoryIncidentRepository repo = new InMemoryIncidentRepository();
    Stores stores = Stores.none().with(IncidentRepository.class, repo);
    assertThat(stores.find(IncidentRepository.class)).containsSame(repo);
    assertThat(Stores.none().find(IncidentRepository.class)).isEmpty();
    assertThat(stores.types()).containsExactly(IncidentRepository.class);
    @SuppressWarnings({"unchecked", "rawtypes"})
    Class<Object> wrong = (Class) IncidentRepository.class;
    assertThatThrownBy(() -> Stores.none().with(wrong, "not a repository"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("is not a io.itsm.core.repository.IncidentRepository");
  }

  @Test
  void approvalTerms_refuseNoStages_andAnExpiryThatIsNotPositive() {
    assertThatThrownBy(() -> new ApprovalTerms(List.of(), Optional.empty()))
        .hasMessageContaining("at least one stage");
    ApprovalTerms any = ApprovalTerms.of(List.of(Approver.role(Role.MANAGER)), ApprovalPolicy.any());
    assertThatThrownBy(() -> any.withDueAfter(Duration.ofHours(-1)))
        .hasMessageContaining("dueAfter must be positive");
    assertThat(any.request("APR-1", new ApprovalSubject(ApprovalSubject.Kind.ANNOUNCEMENT, "ANN-1"),
        "nils", T0).dueAt()).isEmpty();
  }
}
