package io.itsm.core;

import io.itsm.core.access.AccessPolicy;
import io.itsm.core.access.Role;
import io.itsm.core.approval.ApprovalSubject;
import io.itsm.core.approval.ApprovalTerms;
import io.itsm.core.approval.Approver;
import io.itsm.core.escalation.EscalationPolicy;
import io.itsm.core.incident.CallerDirectory;
import io.itsm.core.incident.Catalogue;
import io.itsm.core.incident.ResolutionCodes;
import io.itsm.core.kernel.Kernel;
import io.itsm.core.lifecycle.Lifecycle;
import io.itsm.core.repository.IncidentRepository;
import io.itsm.core.sla.SlaPolicy;
import io.itsm.core.triage.TriagePolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Everything a {@link ServiceDesk} is configured with, as one immutable value: the {@link Kernel}
 * it shares with the desk's other practices, and the incident desk's own settings. Defaults from
 * {@link #ofDefaults()}, changes through {@link #custom()} or {@link #from(DeskConfig)}, a desk
 * from {@link ServiceDesk#of(DeskConfig)}; {@link ServiceDesk#builder()} takes the same settings
 * ({@link DeskSettings}) and builds the desk in one go.
 *
 * <pre>{@code
 * DeskConfig config = DeskConfig.custom()
 *     .triagePolicy(TriageEngine.withDefaults())
 *     .slaPolicy(SlaPolicy.defaults())
 *     .autoCloseAfter(Duration.ofDays(3))
 *     .build();
 * ServiceDesk desk = ServiceDesk.of(config);
 * }</pre>
 *
 * <p>A config holds objects, not recipes: the repository and id generator made by default are
 * made when the config is built, so desks made from one config share them.
 *
 * <p>Immutable and thread-safe, provided the objects it holds are.
 *
 * @param kernel what the desk shares with other practices: clock, access policy, ids, approval
 *     terms ({@link ApprovalSubject.Kind#RESOLUTION} for resolutions), stores
 * @param repository where incidents are stored
 * @param idGenerator makes new incident ids, unique in the repository
 * @param listeners hear every stored event, in this order (see {@link IncidentListener})
 * @param triagePolicy decides category, priority, team, approval need and tags of a new ticket
 * @param lifecycle the transition table every command is checked against
 * @param catalogue the categories and subcategories accepted
 * @param autoCloseAfter how long a resolved incident waits for the caller before a tick closes it
 * @param slaPolicy the SLA targets; empty: no SLA events, no escalation policy
 * @param slaThresholds the SLA warning thresholds a tick records, percents from 1 to 99
 * @param escalationPolicy what a tick escalates; needs an SLA policy
 * @param callerDirectory what the desk may trust about callers (see {@link ServiceDesk#log})
 * @param resolutionCodes the resolution and close codes accepted
 * @param knownTeams the teams incidents may be assigned to; empty: any team
 * @param reopenClosedWithin how long after its close a CLOSED incident may be reopened; empty:
 *     never
 */
public record DeskConfig(
    Kernel kernel,
    IncidentRepository repository,
    Supplier<String> idGenerator,
    List<IncidentListener> listeners,
    TriagePolicy triagePolicy,
    Lifecycle lifecycle,
    Catalogue catalogue,
    Duration autoCloseAfter,
    Optional<SlaPolicy> slaPolicy,
    List<Integer> slaThresholds,
    Optional<EscalationPolicy> escalationPolicy,
    CallerDirectory callerDirectory,
    ResolutionCodes resolutionCodes,
    Optional<Set<String>> knownTeams,
    Optional<Duration> reopenClosedWithin) {

  /** How long a resolved incident waits for the caller's answer before it closes by itself. */
  public static final Duration DEFAULT_AUTO_CLOSE_AFTER = Duration.ofDays(7);

  /** Who approves resolutions by default: any manager. */
  public static final List<Approver> DEFAULT_RESOLUTION_APPROVERS =
      List.of(Approver.role(Role.MANAGER));

  /** The SLA warning thresholds, in percent of a target, recorded by a tick by default. */
  public static final List<Integer> DEFAULT_SLA_THRESHOLDS = List.of(50, 75, 90);

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if a duration is not positive, a threshold is outside 1 to 99 or
   *     repeated, a known team is blank (or there are none), or an escalation policy is set
   *     without an SLA policy or has a checkpoint below 1 percent
   */
  public DeskConfig {
    Objects.requireNonNull(kernel, "kernel");
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(idGenerator, "idGenerator");
    listeners = List.copyOf(listeners);
    Objects.requireNonNull(triagePolicy, "triagePolicy");
    Objects.requireNonNull(lifecycle, "lifecycle");
    Objects.requireNonNull(catalogue, "catalogue");
    DeskSettings.positive("autoCloseAfter", autoCloseAfter);
    Objects.requireNonNull(slaPolicy, "slaPolicy");
    slaThresholds = DeskSettings.thresholds(slaThresholds.stream().mapToInt(Integer::intValue).toArray());
    Objects.requireNonNull(escalationPolicy, "escalationPolicy");
    Objects.requireNonNull(callerDirectory, "callerDirectory");
    Objects.requireNonNull(resolutionCodes, "resolutionCodes");
    knownTeams = knownTeams.map(DeskSettings::teams);
    reopenClosedWithin.ifPresent(w -> DeskSettings.positive("reopenClosedWithin", w));
    if (escalationPolicy.isPresent() && slaPolicy.isEmpty()) {
      throw new ValidationException("escalationPolicy needs an slaPolicy: escalations are decided"
          + " from the SLA report; set slaPolicy(SlaPolicy.defaults()) or another policy");
    }
    if (escalationPolicy.isPresent()) {
      List<Integer> checkpoints = Objects.requireNonNull(escalationPolicy.get().checkpoints(),
          "escalation checkpoints");
      for (Integer p : checkpoints) {
        if (p == null || p < 1) {
          throw new ValidationException("escalation policy " + escalationPolicy.get()
              + ": checkpoints must be 1 percent or more, but were " + checkpoints);
        }
      }
    }
  }

  /**
   * Returns a config with every default: {@link Kernel#ofDefaults()} (the UTC system clock, {@link
   * io.itsm.core.access.RoleBasedAccessPolicy#defaults()}, ids {@code INC-000001, ...}, any
   * manager approves resolutions), a new in-memory repository, no listeners, {@link
   * TriagePolicy#none()}, {@link Lifecycle#DEFAULT}, {@link Catalogue#defaults()}, the {@code
   * DEFAULT_*} constants, no SLA or escalation policy, {@link CallerDirectory#none()}, {@link
   * ResolutionCodes#defaults()}, any team, no reopening of closed incidents.
   *
   * @return the config
   */
  public static DeskConfig ofDefaults() {
    return custom().build();
  }

  /**
   * Starts a config from the defaults of {@link #ofDefaults()}.
   *
   * @return a builder
   */
  public static Builder custom() {
    return new Builder();
  }

  /**
   * Starts a config holding another config's settings, kernel, repository, id generator and
   * listeners.
   *
   * @param config the config to start from
   * @return a builder
   */
  public static Builder from(DeskConfig config) {
    Objects.requireNonNull(config, "config");
    Builder b = new Builder();
    b.kernel(config.kernel).repository(config.repository).idGenerator(config.idGenerator)
        .triagePolicy(config.triagePolicy).lifecycle(config.lifecycle).catalogue(config.catalogue)
        .autoCloseAfter(config.autoCloseAfter)
        .slaThresholds(config.slaThresholds.stream().mapToInt(Integer::intValue).toArray())
        .callerDirectory(config.callerDirectory).resolutionCodes(config.resolutionCodes);
    config.listeners.forEach(b::listener);
    config.slaPolicy.ifPresent(b::slaPolicy);
    config.escalationPolicy.ifPresent(b::escalationPolicy);
    config.knownTeams.ifPresent(b::knownTeams);
    config.reopenClosedWithin.ifPresent(b::reopenClosedWithin);
    return b;
  }

  /**
   * Returns the kernel's clock, which every event's instant comes from.
   *
   * @return the clock
   */
  public Clock clock() {
    return kernel.clock();
  }

  /**
   * Returns the kernel's access policy, which every command checks.
   *
   * @return the policy
   */
  public AccessPolicy accessPolicy() {
    return kernel.accessPolicy();
  }

  /**
   * Returns who approves resolutions that need approval, in which stages, and when a request
   * expires: the kernel's terms for {@link ApprovalSubject.Kind#RESOLUTION}.
   *
   * @return the terms
   */
  public ApprovalTerms resolutionApproval() {
    return kernel.approvalTerms(ApprovalSubject.Kind.RESOLUTION);
  }

  /**
   * Builds a {@link DeskConfig}. Not thread-safe.
   */
  public static final class Builder extends DeskSettings<Builder> {
    private Builder() {}

    /**
     * Validates the settings and builds the config.
     *
     * @return the config
     * @throws ValidationException if an escalation policy is set without an SLA policy, or its
     *     checkpoints are below 1 percent
     */
    public DeskConfig build() {
      return toConfig();
    }
  }
}
