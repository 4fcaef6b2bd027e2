package io.itsm.core.kernel;

import io.itsm.core.ValidationException;
import io.itsm.core.access.AccessPolicy;
import io.itsm.core.access.Role;
import io.itsm.core.access.RoleBasedAccessPolicy;
import io.itsm.core.approval.ApprovalPolicy;
import io.itsm.core.approval.ApprovalSubject;
import io.itsm.core.approval.ApprovalTerms;
import io.itsm.core.approval.Approver;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the practices of one service desk share: the clock, who may do what, how ids are made,
 * who approves each kind of thing, and where records are stored. A practice's facade (the
 * incident {@link io.itsm.core.ServiceDesk}, and the knowledge base, CMDB, announcements... as
 * they come) is a thin list of commands over a kernel; practices never reach into each other's
 * internals. Give the same kernel to every facade of one desk:
 *
 * <pre>{@code
 * Kernel kernel = Kernel.ofDefaults()
 *     .withClock(clock)
 *     .withAccessPolicy(myPolicy)
 *     .withStore(IncidentRepository.class, jdbc.incidents());
 * ServiceDesk desk = ServiceDesk.builder().kernel(kernel).triagePolicy(engine).build();
 * }</pre>
 *
 * <p>docs/embedding.md ("Architecture") describes how a practice is built on it.
 *
 * <p>Immutable and thread-safe (the objects it holds must be thread-safe).
 *
 * @param clock the clock every event's instant comes from
 * @param accessPolicy who may run which command, checked by every practice
 * @param ids makes new records' ids, per prefix
 * @param approvals the approval terms of every kind of subject
 * @param stores where the practices store their records
 */
public record Kernel(
    Clock clock,
    AccessPolicy accessPolicy,
    IdGenerator ids,
    Map<ApprovalSubject.Kind, ApprovalTerms> approvals,
    Stores stores) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if {@code approvals} lacks the terms of a kind of subject
   */
  public Kernel {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(accessPolicy, "accessPolicy");
    Objects.requireNonNull(ids, "ids");
    Objects.requireNonNull(stores, "stores");
    approvals = Map.copyOf(Objects.requireNonNull(approvals, "approvals"));
    for (ApprovalSubject.Kind kind : ApprovalSubject.Kind.values()) {
      if (!approvals.containsKey(kind)) {
        throw new ValidationException("kernel approvals must give the terms of every kind of"
            + " subject, but " + kind + " has none; start from Kernel.defaultApprovals()");
      }
    }
  }

  /**
   * Returns the defaults: the UTC system clock, {@link RoleBasedAccessPolicy#defaults()}, {@link
   * IdGenerator#sequential()} ids, {@link #defaultApprovals()}, {@link Stores#none()}.
   *
   * @return a new kernel (with its own id counters)
   */
  public static Kernel ofDefaults() {
    return new Kernel(Clock.systemUTC(), RoleBasedAccessPolicy.defaults(), IdGenerator.sequential(),
        defaultApprovals(), Stores.none());
  }

  /**
   * Returns the default approval terms, without expiry: any {@link Role#SENIOR_MANAGER} approves
   * an incident report, any {@link Role#KNOWLEDGE_REVIEWER} a knowledge article, any {@link
   * Role#MANAGER} everything else.
   *
   * @return the terms by kind of subject
   */
  public static Map<ApprovalSubject.Kind, ApprovalTerms> defaultApprovals() {
    Map<ApprovalSubject.Kind, ApprovalTerms> m = new EnumMap<>(ApprovalSubject.Kind.class);
    for (ApprovalSubject.Kind kind : ApprovalSubject.Kind.values()) {
      Role role = kind == ApprovalSubject.Kind.INCIDENT_REPORT ? Role.SENIOR_MANAGER
          : kind == ApprovalSubject.Kind.KNOWLEDGE_ARTICLE ? Role.KNOWLEDGE_REVIEWER
          : Role.MANAGER;
      m.put(kind, ApprovalTerms.of(List.of(Approver.role(role)), ApprovalPolicy.any()));
    }
    return m;
  }

  /**
   * Returns the approval terms of one kind of subject.
   *
   * @param kind the kind
   * @return the terms
   */
  public ApprovalTerms approvalTerms(ApprovalSubject.Kind kind) {
    return approvals.get(Objects.requireNonNull(kind, "kind"));
  }

  /**
   * Returns this kernel with another clock.
   *
   * @param clock the clock
   * @return the copy
   */
  public Kernel withClock(Clock clock) {
    return new Kernel(clock, accessPolicy, ids, approvals, stores);
  }

  /**
   * Returns this kernel with another access policy.
   *
   * @param accessPolicy the policy
   * @return the copy
   */
  public Kernel withAccessPolicy(AccessPolicy accessPolicy) {
    return new Kernel(clock, accessPolicy, ids, approvals, stores);
  }

  /**
   * Returns this kernel with another id generator.
   *
   * @param ids the generator
   * @return the copy
   */
  public Kernel withIds(IdGenerator ids) {
    return new Kernel(clock, accessPolicy, ids, approvals, stores);
  }

  /**
   * Returns this kernel with other approval terms for one kind of subject.
   *
   * @param kind the kind
   * @param terms its terms
   * @return the copy
   */
  public Kernel withApprovalTerms(ApprovalSubject.Kind kind, ApprovalTerms terms) {
    Map<ApprovalSubject.Kind, ApprovalTerms> m = new EnumMap<>(approvals);
    m.put(Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(terms, "terms"));
    return new Kernel(clock, accessPolicy, ids, m, stores);
  }

  /**
   * Returns this kernel with other stores.
   *
   * @param stores the stores
   * @return the copy
   */
  public Kernel withStores(Stores stores) {
    return new Kernel(clock, accessPolicy, ids, approvals, stores);
  }

  /**
   * Returns this kernel with one more store (see {@link Stores#with}).
   *
   * @param <S> the store type
   * @param type the store type
   * @param store the store
   * @return the copy
   */
  public <S> Kernel withStore(Class<S> type, S store) {
    return withStores(stores.with(type, store));
  }
}
