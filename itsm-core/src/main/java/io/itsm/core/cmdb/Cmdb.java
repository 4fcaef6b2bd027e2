package io.itsm.core.cmdb;

import io.itsm.core.ItsmException;
import io.itsm.core.RecordNotFoundException;
import io.itsm.core.ValidationException;
import io.itsm.core.access.AccessPolicy;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Permission;
import io.itsm.core.access.RoleBasedAccessPolicy;
import io.itsm.core.cmdb.internal.CmdbParts;
import io.itsm.core.kernel.Kernel;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The configuration management database: configuration items, their relations as a graph, impact
 * analysis over it, every change kept as an event with who, when and the values before and after,
 * audit queries and a consistent backup.
 *
 * <pre>{@code
 * Cmdb cmdb = Cmdb.builder().build();
 * cmdb.register(admin, CiDefinition.of("db-orders", CiType.DATABASE, "Orders DB")
 *     .withCriticality(Criticality.BUSINESS_CRITICAL).withSupportTeam("dba"));
 * cmdb.register(admin, CiDefinition.of("webshop", CiType.BUSINESS_SERVICE, "Web shop"));
 * cmdb.relate(admin, Relation.of("webshop", RelationType.DEPENDS_ON, "db-orders"));
 * cmdb.impactOf(agent, "db-orders").services();        // [webshop]
 * }</pre>
 *
 * <p>Changes to items go through a {@link ChangeRequests change request} (approved, implemented,
 * verified), which applies them here; {@link Permission#CMDB_UPDATE} allows direct changes (the
 * CMDB's administrators, an import). Reading needs {@link Permission#CMDB_READ}.
 *
 * <p>Every command either stores all its events or none, and checks everything first: a relation
 * to an unknown item, a "part of" cycle, an update that changes nothing or names an unknown field
 * throw and change nothing. Writes are serialized (so the graph checks see a consistent graph);
 * reads are not. Impact analysis runs on an in-memory index of the graph kept by this instance,
 * built from the repository when the CMDB is built; another instance's writes to a shared store
 * are seen after {@link #reloadGraph()}.
 *
 * <p>A CMDB is a practice of a desk: its builder takes the desk's {@link Kernel} (clock, access
 * policy, stores), and its listeners hear each item's events in the order they were stored
 * ({@link CmdbListener}). The commands' bodies live in {@code io.itsm.core.cmdb.internal}.
 *
 * <p>Thread-safe, provided the repository and listeners are.
 */
public final class Cmdb {

  private final CmdbParts parts;

  private Cmdb(Builder b) {
    Kernel k = b.kernel;
    if (b.clock != null) {
      k = k.withClock(b.clock);
    }
    if (b.accessPolicy != null) {
      k = k.withAccessPolicy(b.accessPolicy);
    }
    CmdbRepository repository = b.repository != null ? b.repository
        : k.stores().find(CmdbRepository.class).orElseGet(InMemoryCmdbRepository::new);
    this.parts = CmdbParts.of(k, repository, b.listeners);
  }

  /**
   * Starts configuring a CMDB: {@link Kernel#ofDefaults()} (the UTC system clock, {@link
   * RoleBasedAccessPolicy#defaults()}), the kernel's store of {@link CmdbRepository} else an
   * in-memory one, no listeners.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  // ---------------------------------------------------------------- items

  /**
   * Registers a new configuration item.
   *
   * @param actor who registers it (needs {@link Permission#CMDB_UPDATE})
   * @param definition the item
   * @return the stored item
   * @throws io.itsm.core.access.AccessDeniedException if the actor may not
   * @throws ValidationException if an item with that id exists
   */
  public ConfigurationItem register(Actor actor, CiDefinition definition) {
    return parts.commands().register(actor, definition);
  }

  /**
   * Changes fields of an item directly (outside a change request).
   *
   * @param actor who changes it (needs {@link Permission#CMDB_UPDATE})
   * @param id the item
   * @param updates the updates, applied in order
   * @return the item after the change
   * @throws RecordNotFoundException if there is no such item
   * @throws ValidationException if the item is retired, a value is invalid, or nothing changes
   */
  public ConfigurationItem update(Actor actor, String id, List<CiUpdate> updates) {
    return parts.commands().update(actor, id, updates);
  }

  /**
   * Takes an item out of service; its own relations are removed with it. Relations of other items
   * to it must be removed first.
   *
   * @param actor who retires it (needs {@link Permission#CMDB_UPDATE})
   * @param id the item
   * @param reason why, not blank
   * @return the retired item
   * @throws ValidationException if the reason is blank, the item is retired, or other items still
   *     relate to it (listed)
   */
  public ConfigurationItem retire(Actor actor, String id, String reason) {
    return parts.commands().retire(actor, id, reason);
  }

  /**
   * Adds a relation between two items; it belongs to {@code relation.from()}.
   *
   * @param actor who relates them (needs {@link Permission#CMDB_UPDATE})
   * @param relation the relation
   * @return the item the relation starts at, after the change
   * @throws RecordNotFoundException if either item does not exist (with the id probably meant)
   * @throws ValidationException if an item is retired, the relation exists, or a {@code PART_OF}
   *     relation would close a cycle (the cycle is named)
   */
  public ConfigurationItem relate(Actor actor, Relation relation) {
    return parts.commands().relate(actor, relation);
  }

  /**
   * Removes a relation.
   *
   * @param actor who removes it (needs {@link Permission#CMDB_UPDATE})
   * @param relation the relation
   * @return the item the relation started at, after the change
   * @throws RecordNotFoundException if the item does not exist
   * @throws ValidationException if there is no such relation
   */
  public ConfigurationItem unrelate(Actor actor, Relation relation) {
    return parts.commands().unrelate(actor, relation);
  }

  // ---------------------------------------------------------------- queries

  /**
   * Returns an item.
   *
   * @param actor who asks (needs {@link Permission#CMDB_READ})
   * @param id the item
   * @return the item
   * @throws RecordNotFoundException if there is none (with the id probably meant)
   */
  public ConfigurationItem get(Actor actor, String id) {
    return parts.reads().get(actor, id);
  }

  /**
   * Finds an item, if it exists.
   *
   * @param actor who asks (needs {@link Permission#CMDB_READ})
   * @param id the item
   * @return the item, or empty
   */
  public Optional<ConfigurationItem> find(Actor actor, String id) {
    return parts.reads().find(actor, id);
  }

  /**
   * Finds the items matching a query, ordered by id.
   *
   * @param actor who asks (needs {@link Permission#CMDB_READ})
   * @param query the criteria
   * @return the items
   */
  public List<ConfigurationItem> find(Actor actor, CiQuery query) {
    return parts.reads().find(actor, query);
  }

  /**
   * Returns an item's relations: those starting at it, then those of other items pointing at it.
   *
   * @param actor who asks (needs {@link Permission#CMDB_READ})
   * @param id the item
   * @return the relations
   * @throws RecordNotFoundException if there is no such item
   */
  public List<Relation> relations(Actor actor, String id) {
    return parts.reads().relations(actor, id);
  }

  /**
   * Analyses what a failure of an item affects: every item reached through the graph, the business
   * services among them, the highest criticality and the users of those services. Results are
   * cached until the next change of the CMDB.
   *
   * @param actor who asks (needs {@link Permission#CMDB_READ})
   * @param id the failing item
   * @return the analysis
   * @throws RecordNotFoundException if there is no such item (with the id probably meant)
   */
  public ImpactAnalysis impactOf(Actor actor, String id) {
    return parts.reads().impactOf(actor, id);
  }

  /**
   * Analyses an item's failure if the item exists; for callers (such as triage) for which an
   * unknown item is no error. Results are cached until the next change of the CMDB.
   *
   * @param actor who asks (needs {@link Permission#CMDB_READ})
   * @param id the item
   * @return the analysis, or empty when there is no such item
   */
  public Optional<ImpactAnalysis> impactIfKnown(Actor actor, String id) {
    return parts.reads().impactIfKnown(actor, id);
  }

  /**
   * Returns an item's history.
   *
   * @param actor who asks (needs {@link Permission#CMDB_READ})
   * @param id the item
   * @return the events, oldest first
   * @throws RecordNotFoundException if there is no such item
   */
  public List<CiEvent> history(Actor actor, String id) {
    return parts.reads().history(actor, id);
  }

  /**
   * Returns the audit trail: one entry per changed field (and per relation added or removed,
   * registration and retirement), oldest first.
   *
   * @param actor who asks (needs {@link Permission#CMDB_READ})
   * @param query who, what, when
   * @return the entries
   */
  public List<CiAuditEntry> audit(Actor actor, CiAuditQuery query) {
    return parts.reads().audit(actor, query);
  }

  // ---------------------------------------------------------------- backup

  /**
   * Takes a consistent backup: every item's whole history as of one moment (no write runs
   * meanwhile).
   *
   * @param actor who asks (needs {@link Permission#CMDB_READ})
   * @return the backup
   */
  public CmdbExport export(Actor actor) {
    return parts.backup().export(actor);
  }

  /**
   * Restores a backup into this CMDB, which must be empty. Everything is checked before anything
   * is stored: each history must replay, relations must name items of the backup, "part of" must
   * have no cycle.
   *
   * @param actor who restores (needs {@link Permission#CMDB_UPDATE})
   * @param backup the backup
   * @return the number of items restored
   * @throws ValidationException if the CMDB is not empty or the backup is inconsistent (the first
   *     problem is named)
   */
  public int importFrom(Actor actor, CmdbExport backup) {
    return parts.backup().importFrom(actor, backup);
  }

  /**
   * Rebuilds the graph index from the repository, for a store that other instances write to.
   * Impact analyses and checks after this call see their writes.
   */
  public void reloadGraph() {
    parts.store().reloadGraph();
  }

  /**
   * Returns the kernel this CMDB runs on (with its own clock and access policy, if set): give it
   * to the desk's other practices, such as {@link ChangeRequests}.
   *
   * @return the kernel
   */
  public Kernel kernel() {
    return parts.kernel();
  }

  /**
   * Returns the clock.
   *
   * @return the kernel's clock
   */
  public Clock clock() {
    return parts.kernel().clock();
  }

  /** The parts, for {@link ChangeRequests}, which applies verified changes. */
  CmdbParts parts() {
    return parts;
  }

  /**
   * Configures a {@link Cmdb}. Like the desk's builder: the {@link #kernel kernel} holds what the
   * desk's practices share; {@link #clock} and {@link #accessPolicy} change it for this CMDB only;
   * {@link #repository} takes the place of the kernel's store.
   *
   * <p>Not thread-safe; build once and share the CMDB.
   */
  public static final class Builder {
    private Kernel kernel = Kernel.ofDefaults();
    private Clock clock;
    private AccessPolicy accessPolicy;
    private CmdbRepository repository;
    private final List<CmdbListener> listeners = new ArrayList<>();

    private Builder() {}

    /**
     * Sets the kernel the CMDB shares with the desk's other practices: clock, access policy and
     * stores (a {@link CmdbRepository} among them, if any).
     *
     * @param kernel the kernel; default {@link Kernel#ofDefaults()}
     * @return this builder
     */
    public Builder kernel(Kernel kernel) {
      this.kernel = Objects.requireNonNull(kernel, "kernel");
      return this;
    }

    /**
     * Sets the clock every event's instant comes from.
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
     * Sets where items are stored; the graph index is built from it.
     *
     * @param repository the repository; default the kernel's store of {@link CmdbRepository},
     *     else a new in-memory one
     * @return this builder
     */
    public Builder repository(CmdbRepository repository) {
      this.repository = Objects.requireNonNull(repository, "repository");
      return this;
    }

    /**
     * Adds a listener for every stored event; listeners hear each item's events in order.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(CmdbListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Builds the CMDB, reading the stored items into the graph index.
     *
     * @return the CMDB
     * @throws ItsmException if the repository cannot be read
     */
    public Cmdb build() {
      return new Cmdb(this);
    }
  }
}
