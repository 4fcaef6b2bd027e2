package io.itsm.core.cmdb;

import io.itsm.core.RecordNotFoundException;
import io.itsm.core.RecordStateException;
import io.itsm.core.ValidationException;
import io.itsm.core.access.AccessPolicy;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Permission;
import io.itsm.core.approval.Approval;
import io.itsm.core.approval.ApprovalSubject;
import io.itsm.core.approval.Verdict;
import io.itsm.core.cmdb.internal.ChangeCommands;
import io.itsm.core.kernel.Kernel;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

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
 * <p>A practice on the CMDB's {@link Kernel} (or one given to the builder): ids {@code
 * CHG-000001, ...} from the kernel's id generator, the kernel's store of {@link ChangeRepository},
 * and the approval's expiry from the kernel's terms of {@link
 * ApprovalSubject.Kind#CONFIGURATION_CHANGE}; the board's stages come from the {@link CabPolicy}.
 *
 * <p>Thread-safe, provided the repository, policy and listeners are.
 */
public final class ChangeRequests {

  private final ChangeCommands commands;

  private ChangeRequests(Builder b) {
    Kernel k = b.kernel != null ? b.kernel : b.cmdb.kernel();
    if (b.clock != null) {
      k = k.withClock(b.clock);
    }
    if (b.accessPolicy != null) {
      k = k.withAccessPolicy(b.accessPolicy);
    }
    ChangeRepository repository = b.repository != null ? b.repository
        : k.stores().find(ChangeRepository.class).orElseGet(InMemoryChangeRepository::new);
    Kernel kk = k;
    Supplier<String> ids = b.ids != null ? b.ids
        : repository.changeIds().orElse(() -> kk.ids().next(ChangeCommands.ID_PREFIX));
    this.commands = new ChangeCommands(k, b.cmdb.parts(), repository, b.cab, ids,
        List.copyOf(b.listeners));
  }

  /**
   * Starts configuring change requests on a CMDB: its kernel (clock, access policy, ids {@code
   * CHG-000001, ...}, the store of {@link ChangeRepository} else an in-memory one), {@link
   * CabPolicy#defaults()}.
   *
   * @param cmdb the CMDB whose items the changes touch
   * @return a builder
   */
  public static Builder builder(Cmdb cmdb) {
    return new Builder(Objects.requireNonNull(cmdb, "cmdb"));
  }

  /**
   * Requests a change: checks the plan against the CMDB, assesses its impact from the graph, takes
   * the higher of the plan's and the assessed risk, and requests the board's approval (stages from
   * the {@link CabPolicy}, expiry from the kernel's terms of configuration changes).
   *
   * @param actor the requester (needs {@link Permission#CHANGE_REQUEST})
   * @param plan what the change asks for
   * @return the change, PENDING_APPROVAL
   * @throws RecordNotFoundException if the plan names an unknown item
   * @throws ValidationException if the plan touches no item, or an update does not apply (retired
   *     item, invalid value, nothing changes)
   */
  public ChangeRequest request(Actor actor, ChangePlan plan) {
    return commands.request(actor, plan);
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
   * @throws io.itsm.core.approval.ApprovalExpiredException if the approval is past its due time
   *     (cancel the change and request it again)
   */
  public ChangeRequest decide(Actor actor, String id, Verdict verdict, String comment) {
    return commands.decide(actor, id, verdict, comment);
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
    return commands.start(actor, id);
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
    return commands.complete(actor, id, notes);
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
    return commands.verify(actor, id, notes);
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
    return commands.fail(actor, id, reason);
  }

  /**
   * Withdraws a change before it starts.
   *
   * @param actor the requester (needs {@link Permission#CHANGE_REQUEST})
   * @param id the change
   * @param reason why, not blank
   * @return the change, CANCELLED
   * @throws RecordStateException if it is not PENDING_APPROVAL or APPROVED
   */
  public ChangeRequest cancel(Actor actor, String id, String reason) {
    return commands.cancel(actor, id, reason);
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
    return commands.get(actor, id);
  }

  /**
   * Finds changes.
   *
   * @param actor who asks (needs {@link Permission#CMDB_READ})
   * @param query the criteria
   * @return the changes, by id
   */
  public List<ChangeRequest> find(Actor actor, ChangeQuery query) {
    return commands.find(actor, query);
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
    return commands.history(actor, id);
  }

  /**
   * Configures {@link ChangeRequests}: like the CMDB's builder, with the CMDB's kernel as the
   * default. Not thread-safe.
   */
  public static final class Builder {
    private final Cmdb cmdb;
    private Kernel kernel;
    private Clock clock;
    private AccessPolicy accessPolicy;
    private ChangeRepository repository;
    private CabPolicy cab = CabPolicy.defaults();
    private Supplier<String> ids;
    private final List<ChangeListener> listeners = new ArrayList<>();

    private Builder(Cmdb cmdb) {
      this.cmdb = cmdb;
    }

    /**
     * Sets the kernel: clock, access policy, ids, approval terms and stores.
     *
     * @param kernel the kernel; default the CMDB's
     * @return this builder
     */
    public Builder kernel(Kernel kernel) {
      this.kernel = Objects.requireNonNull(kernel, "kernel");
      return this;
    }

    /**
     * Sets the clock.
     *
     * @param clock the clock; default the kernel's
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the access policy.
     *
     * @param accessPolicy the policy; default the kernel's
     * @return this builder
     */
    public Builder accessPolicy(AccessPolicy accessPolicy) {
      this.accessPolicy = Objects.requireNonNull(accessPolicy, "accessPolicy");
      return this;
    }

    /**
     * Sets where changes are stored.
     *
     * @param repository the repository; default the kernel's store of {@link ChangeRepository},
     *     else a new in-memory one
     * @return this builder
     */
    public Builder repository(ChangeRepository repository) {
      this.repository = Objects.requireNonNull(repository, "repository");
      return this;
    }

    /**
     * Sets the change advisory board's policy: the approval stages of each change.
     *
     * @param policy the policy; default {@link CabPolicy#defaults()}
     * @return this builder
     */
    public Builder cabPolicy(CabPolicy policy) {
      this.cab = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Sets how change ids are made; they must be unique in the repository.
     *
     * @param ids a thread-safe supplier of fresh ids; default the kernel's ids with prefix
     *     {@code CHG}
     * @return this builder
     */
    public Builder idGenerator(Supplier<String> ids) {
      this.ids = Objects.requireNonNull(ids, "ids");
      return this;
    }

    /**
     * Adds a listener; listeners hear each change's events in order.
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
