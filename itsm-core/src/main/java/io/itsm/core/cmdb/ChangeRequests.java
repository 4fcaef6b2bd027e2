package io.itsm.core.cmdb;

import io.itsm.core.RecordNotFoundException;
import io.itsm.core.RecordStateException;
import io.itsm.core.ValidationException;
import io.itsm.core.access.AccessPolicy;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Permission;
import io.itsm.core.access.RoleBasedAccessPolicy;
import io.itsm.core.approval.Approval;
import io.itsm.core.approval.ApprovalStage;
import io.itsm.core.approval.ApprovalSubject;
import io.itsm.core.approval.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Change requests to configuration items: requested with a plan, assessed from the CMDB's graph,
 * approved by the change advisory board ({@link CabPolicy}, through the generic {@link Approval}),
 * implemented, and verified — which applies the planned updates to the items, each recorded in the
 * item's history with this change's id.
 *
 * <pre>{@code
 * ChangeRequests changes = ChangeRequests.builder(cmdb).build();
 * ChangeRequest c = changes.request(agent, ChangePlan.of("Fail over the orders DB", "disk failed")
 *     .withUpdates(List.of(CiUpdateSet.of("db-orders", CiUpdate.set("attributes.primary", "node-b")))));
 * changes.decide(manager, c.id(), Verdict.APPROVE, "");
 * changes.start(dba, c.id());
 * changes.complete(dba, c.id(), "promoted node-b");
 * changes.verify(dba, c.id(), "orders flow again");      // db-orders now has primary=node-b
 * }</pre>
 *
 * <p>Every command checks the actor ({@link Permission#CHANGE_REQUEST}, {@link
 * Permission#DECIDE_APPROVAL} and being an approver, {@link Permission#CHANGE_IMPLEMENT}), the
 * change's status and its input first, and either stores all its events or none.
 *
 * <p>Thread-safe, provided the repository, policy and listeners are.
 */
public final class ChangeRequests {

  private static final Logger LOG = LoggerFactory.getLogger(ChangeRequests.class);
  private static final String KIND = "change request";

  private final Cmdb cmdb;
  private final Clock clock;
  private final AccessPolicy access;
  private final ChangeRepository repository;
  private final CabPolicy cab;
  private final Supplier<String> ids;
  private final List<ChangeListener> listeners;

  private ChangeRequests(Builder b) {
    this.cmdb = b.cmdb;
    this.clock = b.clock == null ? b.cmdb.clock() : b.clock;
    this.access = b.accessPolicy;
    this.repository = b.repository == null ? new InMemoryChangeRepository() : b.repository;
    this.cab = b.cab;
    this.listeners = List.copyOf(b.listeners);
    if (b.ids != null) {
      this.ids = b.ids;
    } else {
      AtomicLong next = new AtomicLong();
      this.ids = () -> String.format("CHG-%06d", next.incrementAndGet());
    }
  }

  /**
   * Starts configuring change requests on a CMDB: its clock, {@link
   * RoleBasedAccessPolicy#defaults()}, an in-memory repository, {@link CabPolicy#defaults()}, ids
   * {@code CHG-000001, ...}.
   *
   * @param cmdb the CMDB whose items the changes touch
   * @return a builder
   */
  public static Builder builder(Cmdb cmdb) {
    return new Builder(Objects.requireNonNull(cmdb, "cmdb"));
  }

  /**
   * Requests a change: checks the plan against the CMDB, assesses its impact from the graph, takes
   * the higher of the plan's and the assessed risk, and requests the board's approval.
   *
   * @param actor the requester (needs {@link Permission#CHANGE_REQUEST})
   * @param plan what the change asks for
   * @return the change, PENDING_APPROVAL
   * @throws RecordNotFoundException if the plan names an unknown item
   * @throws ValidationException if the plan touches no item, or an update does not apply (retired
   *     item, invalid value, nothing changes)
   */
  public ChangeRequest request(Actor actor, ChangePlan plan) {
    Objects.requireNonNull(plan, "plan");
    check(actor, Permission.CHANGE_REQUEST);
    List<String> touched = plan.touchedCis();
    if (touched.isEmpty()) {
      throw new ValidationException("change '" + plan.title()
          + "' must name the configuration items it touches (affectedCis or updates), but names none");
    }
    for (CiUpdateSet s : plan.updates()) {
      ConfigurationItem ci = cmdb.load(s.ciId());
      if (ci.definition().changesTo(ci.definition().apply(s.updates())).isEmpty()) {
        throw new ValidationException("the updates " + s.updates() + " planned by change '" + plan.title()
            + "' change nothing on " + s.ciId());
      }
    }
    cmdb.checkPlannedUpdates(plan.updates());
    ImpactAssessment assessment = assess(touched);
    Risk risk = Risk.max(plan.risk(), assessment.risk());
    List<ApprovalStage> stages = Objects.requireNonNull(cab.stagesFor(plan, assessment, risk), "CAB stages");
    Instant now = clock.instant();
    String id = ids.get();
    Approval approval = Approval.request(id + "-APR", new ApprovalSubject(
        ApprovalSubject.Kind.CONFIGURATION_CHANGE, id), stages, actor.id(), now, Optional.empty());
    return commit(null, List.of(new ChangeRequested(id, 1, now, actor.id(), plan, assessment, risk, approval)));
  }

  /** The impact of the touched items, through the graph. */
  private ImpactAssessment assess(List<String> touched) {
    Set<String> services = new java.util.TreeSet<>();
    Set<String> affected = new LinkedHashSet<>();
    Criticality highest = Criticality.LOW;
    for (String id : touched) {
      ImpactAnalysis a = cmdb.impactOrFail(id);
      services.addAll(a.services());
      a.affected().forEach(x -> affected.add(x.id()));
      highest = Criticality.max(highest, a.highestCriticality());
    }
    affected.removeAll(touched);
    int users = 0;
    for (String s : services) {
      users += cmdb.load(s).definition().users();
    }
    return new ImpactAssessment(List.copyOf(services), highest, affected.size(), users,
        ImpactAssessment.riskOf(services.size(), highest));
  }

  /**
   * Records an approver's decision. When the last stage approves, the change is APPROVED; a
   * rejection (with a comment) makes it REJECTED.
   *
   * @param actor an approver of the current stage (needs {@link Permission#DECIDE_APPROVAL})
   * @param id the change
   * @param verdict approve or reject
   * @param comment why; required when rejecting
   * @return the change after the decision
   * @throws RecordStateException if the change is not PENDING_APPROVAL
   * @throws io.itsm.core.approval.NotAnApproverException if the actor may not decide this stage
   */
  public ChangeRequest decide(Actor actor, String id, Verdict verdict, String comment) {
    Objects.requireNonNull(verdict, "verdict");
    String c = comment == null ? "" : comment;
    return command(actor, id, Permission.DECIDE_APPROVAL, "decide", Set.of(ChangeStatus.PENDING_APPROVAL),
        (ch, now) -> List.of(new ChangeApprovalDecided(id, ch.version() + 1, now, actor.id(),
            ch.approval().decide(actor, verdict, c, now), verdict, c)));
  }

  /**
   * Starts implementing an approved change.
   *
   * @param actor the implementer (needs {@link Permission#CHANGE_IMPLEMENT})
   * @param id the change
   * @return the change, IN_PROGRESS
   * @throws RecordStateException if it is not APPROVED
   */
  public ChangeRequest start(Actor actor, String id) {
    return command(actor, id, Permission.CHANGE_IMPLEMENT, "start", Set.of(ChangeStatus.APPROVED),
        (ch, now) -> List.of(new ChangeStarted(id, ch.version() + 1, now, actor.id(), "")));
  }

  /**
   * Records that the change is implemented; it waits for verification.
   *
   * @param actor the implementer (needs {@link Permission#CHANGE_IMPLEMENT})
   * @param id the change
   * @param notes what was done, not blank
   * @return the change, IMPLEMENTED
   * @throws RecordStateException if it is not IN_PROGRESS
   */
  public ChangeRequest complete(Actor actor, String id, String notes) {
    String n = text("implementation notes", notes);
    return command(actor, id, Permission.CHANGE_IMPLEMENT, "complete", Set.of(ChangeStatus.IN_PROGRESS),
        (ch, now) -> List.of(new ChangeImplemented(id, ch.version() + 1, now, actor.id(), n)));
  }

  /**
   * Verifies an implemented change and applies its planned updates to the configuration items,
   * all at once, each recorded with this change's id. If an update no longer applies (an item was
   * retired meanwhile), nothing is applied and the change stays IMPLEMENTED.
   *
   * @param actor who verifies (needs {@link Permission#CHANGE_IMPLEMENT})
   * @param id the change
   * @param notes how it was verified, not blank
   * @return the change, COMPLETED
   * @throws RecordStateException if it is not IMPLEMENTED
   * @throws ValidationException if an update no longer applies
   */
  public ChangeRequest verify(Actor actor, String id, String notes) {
    String n = text("verification notes", notes);
    return command(actor, id, Permission.CHANGE_IMPLEMENT, "verify", Set.of(ChangeStatus.IMPLEMENTED),
        (ch, now) -> {
          cmdb.checkPlannedUpdates(ch.plan().updates());
          List<String> updated = cmdb.applyChange(actor, id, ch.plan().updates()).stream()
              .map(ConfigurationItem::id).toList();
          return List.of(new ChangeVerified(id, ch.version() + 1, now, actor.id(), n, updated));
        });
  }

  /**
   * Records that implementation or verification failed; nothing is applied.
   *
   * @param actor the implementer (needs {@link Permission#CHANGE_IMPLEMENT})
   * @param id the change
   * @param reason what went wrong, not blank
   * @return the change, FAILED
   * @throws RecordStateException if it is not IN_PROGRESS or IMPLEMENTED
   */
  public ChangeRequest fail(Actor actor, String id, String reason) {
    String r = text("failure reason", reason);
    return command(actor, id, Permission.CHANGE_IMPLEMENT, "fail",
        Set.of(ChangeStatus.IN_PROGRESS, ChangeStatus.IMPLEMENTED),
        (ch, now) -> List.of(new ChangeFailed(id, ch.version() + 1, now, actor.id(), r)));
  }

  /**
   * Withdraws a change before it starts.
   *
   * @param actor the requester (needs {@link Permission#CHANGE_REQUEST}) or an implementer
   * @param id the change
   * @param reason why, not blank
   * @return the change, CANCELLED
   * @throws RecordStateException if it is not PENDING_APPROVAL or APPROVED
   */
  public ChangeRequest cancel(Actor actor, String id, String reason) {
    String r = text("cancellation reason", reason);
    return command(actor, id, Permission.CHANGE_REQUEST, "cancel",
        Set.of(ChangeStatus.PENDING_APPROVAL, ChangeStatus.APPROVED),
        (ch, now) -> List.of(new ChangeCancelled(id, ch.version() + 1, now, actor.id(), r)));
  }

  /**
   * Returns a change.
   *
   * @param actor who asks (needs {@link Permission#CMDB_READ})
   * @param id the change
   * @return the change
   * @throws RecordNotFoundException if there is none
   */
  public ChangeRequest get(Actor actor, String id) {
    check(actor, Permission.CMDB_READ);
    return load(id);
  }

  /**
   * Finds changes.
   *
   * @param actor who asks (needs {@link Permission#CMDB_READ})
   * @param query the criteria
   * @return the changes, by id
   */
  public List<ChangeRequest> find(Actor actor, ChangeQuery query) {
    check(actor, Permission.CMDB_READ);
    return repository.find(Objects.requireNonNull(query, "query"));
  }

  /**
   * Returns a change's history.
   *
   * @param actor who asks (needs {@link Permission#CMDB_READ})
   * @param id the change
   * @return the events, oldest first
   * @throws RecordNotFoundException if there is none
   */
  public List<ChangeEvent> history(Actor actor, String id) {
    check(actor, Permission.CMDB_READ);
    load(id);
    return repository.history(id);
  }

  // ---------------------------------------------------------------- machinery

  @FunctionalInterface
  private interface Step {
    List<ChangeEvent> run(ChangeRequest change, Instant now);
  }

  private ChangeRequest command(Actor actor, String id, Permission permission, String name,
      Set<ChangeStatus> legal, Step step) {
    check(actor, permission);
    ChangeRequest before = load(id);
    if (!legal.contains(before.status())) {
      throw new RecordStateException(KIND, id, before.status().name(), name,
          legal.stream().sorted().map(Enum::name).collect(Collectors.joining(" or ")),
          hint(before.status()));
    }
    Instant now = clock.instant();
    if (now.isBefore(before.updatedAt())) {
      now = before.updatedAt();
    }
    return commit(before, step.run(before, now));
  }

  private static String hint(ChangeStatus s) {
    return switch (s) {
      case PENDING_APPROVAL -> "the change advisory board has not approved it yet";
      case APPROVED -> "start it first";
      case IN_PROGRESS -> "complete it first";
      case IMPLEMENTED -> "verify it, or record that it failed";
      default -> s + " is final; request a new change";
    };
  }

  private ChangeRequest commit(ChangeRequest before, List<ChangeEvent> events) {
    ChangeRequest state = before;
    for (ChangeEvent e : events) {
      state = ChangeHistory.apply(state, e);
    }
    repository.append(before == null ? 0 : before.version(), events, state);
    for (ChangeEvent e : events) {
      for (ChangeListener l : listeners) {
        try {
          l.onEvent(e, state);
        } catch (RuntimeException ex) {
          LOG.warn("change listener {} failed on {} #{} of {}; the change is stored", l, e.type(),
              e.sequence(), e.changeId(), ex);
        }
      }
    }
    return state;
  }

  private void check(Actor actor, Permission permission) {
    access.check(Objects.requireNonNull(actor, "actor"), permission, Optional.empty());
  }

  private ChangeRequest load(String id) {
    Objects.requireNonNull(id, "id");
    return repository.find(id).orElseThrow(() -> new RecordNotFoundException(KIND, id,
        "known changes: " + repository.find(ChangeQuery.all()).stream().map(ChangeRequest::id)
            .limit(5).toList()));
  }

  private static String text(String what, String value) {
    Objects.requireNonNull(value, what);
    if (value.isBlank()) {
      throw new ValidationException(what + " must not be blank");
    }
    return value;
  }

  /**
   * Configures {@link ChangeRequests}. Not thread-safe.
   */
  public static final class Builder {
    private final Cmdb cmdb;
    private Clock clock;
    private AccessPolicy accessPolicy = RoleBasedAccessPolicy.defaults();
    private ChangeRepository repository;
    private CabPolicy cab = CabPolicy.defaults();
    private Supplier<String> ids;
    private final List<ChangeListener> listeners = new ArrayList<>();

    private Builder(Cmdb cmdb) {
      this.cmdb = cmdb;
    }

    /**
     * Sets the clock (default: the CMDB's).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the access policy.
     *
     * @param accessPolicy the policy
     * @return this builder
     */
    public Builder accessPolicy(AccessPolicy accessPolicy) {
      this.accessPolicy = Objects.requireNonNull(accessPolicy, "accessPolicy");
      return this;
    }

    /**
     * Sets where changes are stored.
     *
     * @param repository the repository
     * @return this builder
     */
    public Builder repository(ChangeRepository repository) {
      this.repository = Objects.requireNonNull(repository, "repository");
      return this;
    }

    /**
     * Sets the change advisory board's policy.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder cabPolicy(CabPolicy policy) {
      this.cab = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Sets how change ids are made; they must be unique in the repository.
     *
     * @param ids a thread-safe supplier of fresh ids
     * @return this builder
     */
    public Builder idGenerator(Supplier<String> ids) {
      this.ids = Objects.requireNonNull(ids, "ids");
      return this;
    }

    /**
     * Adds a listener.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(ChangeListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Builds.
     *
     * @return the change requests
     */
    public ChangeRequests build() {
      return new ChangeRequests(this);
    }
  }
}
