package io.itsm.core;

import io.itsm.core.access.AccessPolicy;
import io.itsm.core.approval.ApprovalPolicy;
import io.itsm.core.approval.ApprovalStage;
import io.itsm.core.approval.ApprovalSubject;
import io.itsm.core.approval.ApprovalTerms;
import io.itsm.core.approval.Approver;
import io.itsm.core.escalation.EscalationPolicy;
import io.itsm.core.incident.CallerDirectory;
import io.itsm.core.incident.Catalogue;
import io.itsm.core.incident.ResolutionCodes;
import io.itsm.core.kernel.Kernel;
import io.itsm.core.lifecycle.Lifecycle;
import io.itsm.core.repository.InMemoryIncidentRepository;
import io.itsm.core.repository.IncidentRepository;
import io.itsm.core.sla.SlaPolicy;
import io.itsm.core.triage.TriagePolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The settings of an incident desk, shared by {@link DeskConfig.Builder} and {@link
 * ServiceDesk.Builder}: every setter returns the builder it was called on, and a setting left
 * alone keeps the default of {@link DeskConfig#ofDefaults()}.
 *
 * <p>The {@link #kernel kernel} holds what the desk shares with other practices. {@link #clock},
 * {@link #accessPolicy}, {@link #resolutionApprovers} and {@link #approvalDueAfter} change that
 * kernel for this desk only; {@link #repository} and {@link #idGenerator}, when set, take the
 * place of the kernel's incident store and id generator.
 *
 * <p>Not thread-safe.
 *
 * @param <B> the builder type
 */
public abstract class DeskSettings<B extends DeskSettings<B>> {
  private Kernel kernel;
  private Clock clock;
  private AccessPolicy accessPolicy;
  private List<Approver> resolutionApprovers;
  private ApprovalPolicy resolutionApprovalPolicy;
  private Duration approvalDueAfter;
  private IncidentRepository repository;
  private Supplier<String> idGenerator;
  private final List<IncidentListener> listeners = new ArrayList<>();
  private TriagePolicy triagePolicy = TriagePolicy.none();
  private Lifecycle lifecycle = Lifecycle.DEFAULT;
  private Catalogue catalogue = Catalogue.defaults();
  private Duration autoCloseAfter = DeskConfig.DEFAULT_AUTO_CLOSE_AFTER;
  private SlaPolicy slaPolicy;
  private List<Integer> slaThresholds = DeskConfig.DEFAULT_SLA_THRESHOLDS;
  private EscalationPolicy escalationPolicy;
  private CallerDirectory callerDirectory = CallerDirectory.none();
  private ResolutionCodes resolutionCodes = ResolutionCodes.defaults();
  private Set<String> knownTeams;
  private Duration reopenClosedWithin;

  DeskSettings() {}

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  /** Makes the config: the kernel with this desk's changes, then the desk's own settings. */
  final DeskConfig toConfig() {
    Kernel k = kernel != null ? kernel : Kernel.ofDefaults();
    if (clock != null) {
      k = k.withClock(clock);
    }
    if (accessPolicy != null) {
      k = k.withAccessPolicy(accessPolicy);
    }
    if (resolutionApprovers != null || approvalDueAfter != null) {
      ApprovalTerms terms = k.approvalTerms(ApprovalSubject.Kind.RESOLUTION);
      if (resolutionApprovers != null) {
        terms = terms.withStages(
            List.of(new ApprovalStage(resolutionApprovers, resolutionApprovalPolicy)));
      }
      if (approvalDueAfter != null) {
        terms = terms.withDueAfter(approvalDueAfter);
      }
      k = k.withApprovalTerms(ApprovalSubject.Kind.RESOLUTION, terms);
    }
    Kernel shared = k;
    IncidentRepository repo = repository != null ? repository
        : k.stores().find(IncidentRepository.class).orElseGet(InMemoryIncidentRepository::new);
    // a repository that outlives the desk or is shared (a database) hands out ids no desk used
    Supplier<String> ids = idGenerator != null ? idGenerator
        : repo.incidentIds().orElse(() -> shared.ids().next("INC"));
    return new DeskConfig(k, repo, ids, listeners, triagePolicy, lifecycle, catalogue,
        autoCloseAfter, Optional.ofNullable(slaPolicy), slaThresholds,
        Optional.ofNullable(escalationPolicy), callerDirectory, resolutionCodes,
        Optional.ofNullable(knownTeams), Optional.ofNullable(reopenClosedWithin));
  }

  /**
   * Sets the kernel this desk shares with the desk's other practices (clock, access policy, ids,
   * approval terms, stores); see {@link Kernel}.
   *
   * @param kernel the kernel; default {@link Kernel#ofDefaults()}
   * @return this builder
   */
  public B kernel(Kernel kernel) {
    this.kernel = Objects.requireNonNull(kernel, "kernel");
    return self();
  }

  /**
   * Sets the clock every event's instant comes from ({@link MutableClock} for tests and
   * simulations), for this desk.
   *
   * @param clock the clock; default the kernel's (the UTC system clock)
   * @return this builder
   */
  public B clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return self();
  }

  /**
   * Sets the access policy, for this desk.
   *
   * @param accessPolicy the policy; default the kernel's ({@link
   *     io.itsm.core.access.RoleBasedAccessPolicy#defaults()})
   * @return this builder
   */
  public B accessPolicy(AccessPolicy accessPolicy) {
    this.accessPolicy = Objects.requireNonNull(accessPolicy, "accessPolicy");
    return self();
  }

  /**
   * Sets who approves resolutions that need approval, and how many of them must.
   *
   * @param approvers named users or roles; default {@link DeskConfig#DEFAULT_RESOLUTION_APPROVERS}
   * @param policy ANY, ALL or QUORUM(k); default ANY
   * @return this builder
   * @throws ValidationException if the combination is invalid (for example ALL with a role)
   */
  public B resolutionApprovers(List<Approver> approvers, ApprovalPolicy policy) {
    Objects.requireNonNull(approvers, "approvers");
    Objects.requireNonNull(policy, "policy");
    new ApprovalStage(approvers, policy); // validates now, not at first use
    this.resolutionApprovers = List.copyOf(approvers);
    this.resolutionApprovalPolicy = policy;
    return self();
  }

  /**
   * Sets how long a resolution approval may stay pending before it expires; by default it never
   * does.
   *
   * @param dueAfter a positive duration
   * @return this builder
   * @throws ValidationException if not positive
   */
  public B approvalDueAfter(Duration dueAfter) {
    this.approvalDueAfter = positive("approvalDueAfter", dueAfter);
    return self();
  }

  /**
   * Sets where incidents are stored.
   *
   * @param repository the repository; default the kernel's store of {@link IncidentRepository},
   *     else a new {@link InMemoryIncidentRepository}
   * @return this builder
   */
  public B repository(IncidentRepository repository) {
    this.repository = Objects.requireNonNull(repository, "repository");
    return self();
  }

  /**
   * Sets how new incident ids are made. Ids must be unique in the repository.
   *
   * @param idGenerator a thread-safe supplier of fresh ids; default the kernel's ids with prefix
   *     {@code INC}: {@code INC-000001, ...}
   * @return this builder
   */
  public B idGenerator(Supplier<String> idGenerator) {
    this.idGenerator = Objects.requireNonNull(idGenerator, "idGenerator");
    return self();
  }

  /**
   * Adds a listener for every stored event. Each listener hears each incident's events in the
   * order they were stored, once; see {@link IncidentListener} for threads and ordering.
   *
   * @param listener the listener
   * @return this builder
   */
  public B listener(IncidentListener listener) {
    this.listeners.add(Objects.requireNonNull(listener, "listener"));
    return self();
  }

  /**
   * Sets the triage policy, for example {@code TriageEngine.withDefaults()} of itsm-rules.
   *
   * @param triagePolicy the policy; default {@link TriagePolicy#none()}
   * @return this builder
   */
  public B triagePolicy(TriagePolicy triagePolicy) {
    this.triagePolicy = Objects.requireNonNull(triagePolicy, "triagePolicy");
    return self();
  }

  /**
   * Sets the lifecycle table.
   *
   * @param lifecycle the table; default {@link Lifecycle#DEFAULT}
   * @return this builder
   */
  public B lifecycle(Lifecycle lifecycle) {
    this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
    return self();
  }

  /**
   * Sets the category catalogue.
   *
   * @param catalogue the catalogue; default {@link Catalogue#defaults()}
   * @return this builder
   */
  public B catalogue(Catalogue catalogue) {
    this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    return self();
  }

  /**
   * Sets how long a resolved incident waits for the caller before a tick closes it.
   *
   * @param autoCloseAfter a positive duration; default {@link DeskConfig#DEFAULT_AUTO_CLOSE_AFTER}
   * @return this builder
   * @throws ValidationException if not positive
   */
  public B autoCloseAfter(Duration autoCloseAfter) {
    this.autoCloseAfter = positive("autoCloseAfter", autoCloseAfter);
    return self();
  }

  /**
   * Sets the SLA policy. Without one the desk records no SLA events, {@link ServiceDesk#sla}
   * is empty and no escalation policy may be set.
   *
   * @param slaPolicy the policy, for example {@link SlaPolicy#defaults()}
   * @return this builder
   */
  public B slaPolicy(SlaPolicy slaPolicy) {
    this.slaPolicy = Objects.requireNonNull(slaPolicy, "slaPolicy");
    return self();
  }

  /**
   * Sets the SLA warning thresholds a tick records; the breach at 100 % is always recorded. No
   * thresholds: only breaches.
   *
   * @param percents distinct percents from 1 to 99; default {@link
   *     DeskConfig#DEFAULT_SLA_THRESHOLDS}
   * @return this builder
   * @throws ValidationException if a percent is outside 1 to 99 or repeated
   */
  public B slaThresholds(int... percents) {
    this.slaThresholds = thresholds(Objects.requireNonNull(percents, "percents"));
    return self();
  }

  /**
   * Sets the escalation policy a tick consults for open incidents; by default there is none.
   * Needs an {@link #slaPolicy SLA policy}.
   *
   * @param escalationPolicy the policy
   * @return this builder
   */
  public B escalationPolicy(EscalationPolicy escalationPolicy) {
    this.escalationPolicy = Objects.requireNonNull(escalationPolicy, "escalationPolicy");
    return self();
  }

  /**
   * Sets where the desk looks up what it may trust about callers (VIP, department, location,
   * language); see {@link CallerDirectory} and {@link ServiceDesk#log}.
   *
   * @param callerDirectory the directory; default {@link CallerDirectory#none()}
   * @return this builder
   */
  public B callerDirectory(CallerDirectory callerDirectory) {
    this.callerDirectory = Objects.requireNonNull(callerDirectory, "callerDirectory");
    return self();
  }

  /**
   * Sets the resolution and close codes the desk accepts.
   *
   * @param resolutionCodes the catalogue; default {@link ResolutionCodes#defaults()}
   * @return this builder
   */
  public B resolutionCodes(ResolutionCodes resolutionCodes) {
    this.resolutionCodes = Objects.requireNonNull(resolutionCodes, "resolutionCodes");
    return self();
  }

  /**
   * Sets the teams (assignment groups) incidents may be assigned to. With known teams, an
   * assignment, a functional escalation or a triage decision naming another team is refused
   * with the known teams and the closest name ({@code "network-osp"}: did you mean {@code
   * "network-ops"}?); an escalation policy's hand-over to an unknown team is logged and
   * skipped. Without (the default) any non-blank team name is accepted. The routing data of
   * itsm-rules knows its teams: {@code .knownTeams(TeamMap.defaults().teams())}.
   *
   * @param teams the team names, not blank, at least one
   * @return this builder
   * @throws ValidationException if {@code teams} is empty or holds a blank name
   */
  public B knownTeams(Collection<String> teams) {
    this.knownTeams = teams(Objects.requireNonNull(teams, "teams"));
    return self();
  }

  /**
   * Lets callers (and agents for them) {@linkplain ServiceDesk#reopen reopen} a CLOSED incident
   * within a time after its close. Off by default: a closed incident is final, and a new problem
   * gets a new incident. An import or replay of real histories, where incidents were reopened
   * after closing, turns it on.
   *
   * @param window a positive duration, counted from the close
   * @return this builder
   * @throws ValidationException if not positive
   */
  public B reopenClosedWithin(Duration window) {
    this.reopenClosedWithin = positive("reopenClosedWithin", window);
    return self();
  }

  static Duration positive(String name, Duration d) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new ValidationException(name + " must be positive, but was " + d);
    }
    return d;
  }

  static List<Integer> thresholds(int... percents) {
    int[] sorted = percents.clone();
    Arrays.sort(sorted);
    List<Integer> list = new ArrayList<>();
    for (int p : sorted) {
      if (p < 1 || p > 99) {
        throw new ValidationException("SLA thresholds must be 1 to 99 percent (the breach at 100 is"
            + " always recorded), but was " + p);
      }
      if (list.contains(p)) {
        throw new ValidationException("SLA thresholds must be distinct, but " + p + " was repeated");
      }
      list.add(p);
    }
    return List.copyOf(list);
  }

  static Set<String> teams(Collection<String> teams) {
    if (teams.isEmpty()) {
      throw new ValidationException("knownTeams must name at least one team; leave it unset to"
          + " accept any team");
    }
    for (String t : teams) {
      if (Objects.requireNonNull(t, "team").isBlank()) {
        throw new ValidationException("knownTeams must not hold a blank team name");
      }
    }
    return Set.copyOf(teams);
  }
}
