package io.itsm.core.cmdb;

import io.itsm.core.ItsmException;
import io.itsm.core.RecordNotFoundException;
import io.itsm.core.ValidationException;
import io.itsm.core.access.AccessPolicy;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Permission;
import io.itsm.core.access.RoleBasedAccessPolicy;
import io.itsm.core.cmdb.internal.CiGraph;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * <p>Thread-safe, provided the repository and listeners are.
 */
public final class Cmdb {

  private static final Logger LOG = LoggerFactory.getLogger(Cmdb.class);
  private static final String KIND = "configuration item";
  private static final int IMPACT_CACHE_LIMIT = 10_000;

  private final Clock clock;
  private final AccessPolicy access;
  private final CmdbRepository repository;
  private final List<CmdbListener> listeners;
  private final ReentrantLock writes = new ReentrantLock();
  private final Map<String, ImpactAnalysis> impactCache = new ConcurrentHashMap<>();
  private volatile CiGraph graph;

  private Cmdb(Builder b) {
    this.clock = b.clock;
    this.access = b.accessPolicy;
    this.repository = b.repository;
    this.listeners = List.copyOf(b.listeners);
    this.graph = CiGraph.of(repository.find(CiQuery.all()));
  }

  /**
   * Starts configuring a CMDB: the UTC system clock, {@link RoleBasedAccessPolicy#defaults()}, an
   * in-memory repository, no listeners.
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
    Objects.requireNonNull(definition, "definition");
    return write(actor, Permission.CMDB_UPDATE, () -> {
      if (repository.find(definition.id()).isPresent()) {
        throw new ValidationException("configuration item " + definition.id()
            + " already exists; update it instead, or choose another id");
      }
      Instant now = clock.instant();
      return commit(null, List.of(new CiRegistered(definition.id(), 1, now, actor.id(), definition)));
    });
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
    Objects.requireNonNull(updates, "updates");
    return write(actor, Permission.CMDB_UPDATE, () -> {
      ConfigurationItem before = active(id, "update");
      return commit(before, List.of(updated(before, updates, Optional.empty(), actor, clock.instant())));
    });
  }

  private CiUpdated updated(ConfigurationItem before, List<CiUpdate> updates, Optional<String> change,
      Actor actor, Instant now) {
    List<AttributeChange> changes = before.definition().changesTo(before.definition().apply(updates));
    if (changes.isEmpty()) {
      throw new ValidationException("the updates " + updates + " change nothing on configuration item "
          + before.id());
    }
    return new CiUpdated(before.id(), before.version() + 1, at(before, now), actor.id(), changes, change);
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
    Objects.requireNonNull(reason, "reason");
    if (reason.isBlank()) {
      throw new ValidationException("retirement reason of " + id + " must not be blank");
    }
    return write(actor, Permission.CMDB_UPDATE, () -> {
      ConfigurationItem before = active(id, "retire");
      List<Relation> incoming = graph.incoming(id);
      if (!incoming.isEmpty()) {
        throw new ValidationException("configuration item " + id + " cannot be retired while other items"
            + " relate to it; remove these relations first: " + incoming);
      }
      Instant now = at(before, clock.instant());
      List<CiEvent> events = new ArrayList<>();
      long seq = before.version();
      for (Relation r : before.relations()) {
        events.add(new RelationRemoved(id, ++seq, now, actor.id(), r));
      }
      events.add(new CiRetired(id, ++seq, now, actor.id(), reason));
      return commit(before, events);
    });
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
    Objects.requireNonNull(relation, "relation");
    return write(actor, Permission.CMDB_UPDATE, () -> {
      ConfigurationItem from = active(relation.from(), "relate");
      active(relation.to(), "be related to");
      if (from.relations().contains(relation)) {
        throw new ValidationException("relation " + relation + " already exists");
      }
      if (relation.type() == RelationType.PART_OF) {
        graph.partOfCycle(relation).ifPresent(path -> {
          throw new ValidationException("relation " + relation + " would close a cycle in 'part of': "
              + path.stream().map(Relation::toString).collect(Collectors.joining(", ")) + ", then "
              + relation + "; a thing cannot be part of itself (remove one of these relations first)");
        });
      }
      return commit(from, List.of(new RelationAdded(from.id(), from.version() + 1,
          at(from, clock.instant()), actor.id(), relation)));
    });
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
    Objects.requireNonNull(relation, "relation");
    return write(actor, Permission.CMDB_UPDATE, () -> {
      ConfigurationItem from = active(relation.from(), "unrelate");
      if (!from.relations().contains(relation)) {
        throw new ValidationException("relation " + relation + " does not exist; the relations of "
            + from.id() + " are " + from.relations());
      }
      return commit(from, List.of(new RelationRemoved(from.id(), from.version() + 1,
          at(from, clock.instant()), actor.id(), relation)));
    });
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
    read(actor);
    return load(id);
  }

  /**
   * Finds an item, if it exists.
   *
   * @param actor who asks (needs {@link Permission#CMDB_READ})
   * @param id the item
   * @return the item, or empty
   */
  public Optional<ConfigurationItem> find(Actor actor, String id) {
    read(actor);
    return repository.find(Objects.requireNonNull(id, "id"));
  }

  /**
   * Finds the items matching a query, ordered by id.
   *
   * @param actor who asks (needs {@link Permission#CMDB_READ})
   * @param query the criteria
   * @return the items
   */
  public List<ConfigurationItem> find(Actor actor, CiQuery query) {
    read(actor);
    return repository.find(Objects.requireNonNull(query, "query"));
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
    read(actor);
    List<Relation> out = new ArrayList<>(load(id).relations());
    out.addAll(graph.incoming(id));
    return out;
  }

  /**
   * Analyses what a failure of an item affects: every item reached through the graph, the business
   * services among them, the highest criticality and the users of those services.
   *
   * @param actor who asks (needs {@link Permission#CMDB_READ})
   * @param id the failing item
   * @return the analysis
   * @throws RecordNotFoundException if there is no such item (with the id probably meant)
   */
  public ImpactAnalysis impactOf(Actor actor, String id) {
    read(actor);
    return impact(id).orElseThrow(() -> notFound(id));
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
    read(actor);
    return impact(id);
  }

  private Optional<ImpactAnalysis> impact(String id) {
    Objects.requireNonNull(id, "id");
    ImpactAnalysis cached = impactCache.get(id);
    if (cached != null) {
      return Optional.of(cached);
    }
    CiGraph g = graph;
    if (g.item(id).isEmpty()) {
      return Optional.empty();
    }
    ImpactAnalysis a = g.impactOf(id);
    if (impactCache.size() >= IMPACT_CACHE_LIMIT) {
      impactCache.clear();
    }
    if (g == graph) {
      impactCache.put(id, a);
    }
    return Optional.of(a);
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
    read(actor);
    load(id);
    return repository.history(id);
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
    read(actor);
    Objects.requireNonNull(query, "query");
    List<CiAuditEntry> out = new ArrayList<>();
    for (CiEvent e : repository.audit(query)) {
      for (CiAuditEntry entry : entries(e)) {
        if (query.field().map(entry.field()::equals).orElse(true)) {
          out.add(entry);
        }
      }
    }
    return out;
  }

  private static List<CiAuditEntry> entries(CiEvent e) {
    Optional<String> none = Optional.empty();
    if (e instanceof CiRegistered r) {
      return List.of(new CiAuditEntry(e.ciId(), e.sequence(), e.at(), e.actor(), "registered", none,
          Optional.of(r.definition().type() + " " + r.definition().name()), none));
    } else if (e instanceof CiUpdated u) {
      return u.changes().stream().map(c -> new CiAuditEntry(e.ciId(), e.sequence(), e.at(), e.actor(),
          c.field(), c.before(), c.after(), u.changeRequestId())).toList();
    } else if (e instanceof CiRetired r) {
      return List.of(new CiAuditEntry(e.ciId(), e.sequence(), e.at(), e.actor(), "status",
          Optional.of(CiStatus.ACTIVE.name()), Optional.of(CiStatus.RETIRED.name()), none));
    } else if (e instanceof RelationAdded a) {
      return List.of(new CiAuditEntry(e.ciId(), e.sequence(), e.at(), e.actor(), "relation", none,
          Optional.of(a.relation().type() + " " + a.relation().to()), none));
    } else {
      RelationRemoved r = (RelationRemoved) e;
      return List.of(new CiAuditEntry(e.ciId(), e.sequence(), e.at(), e.actor(), "relation",
          Optional.of(r.relation().type() + " " + r.relation().to()), none, none));
    }
  }

  // ---------------------------------------------------------------- backup

  /**
   * Takes a consistent backup: every item's history as of one moment (no write runs meanwhile).
   *
   * @param actor who asks (needs {@link Permission#CMDB_READ})
   * @return the backup
   */
  public CmdbExport export(Actor actor) {
    read(actor);
    writes.lock();
    try {
      Map<String, List<CiEvent>> histories = new LinkedHashMap<>();
      for (ConfigurationItem ci : repository.find(CiQuery.all())) {
        histories.put(ci.id(), repository.history(ci.id()));
      }
      return new CmdbExport(clock.instant(), histories);
    } finally {
      writes.unlock();
    }
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
    Objects.requireNonNull(backup, "backup");
    write(actor, Permission.CMDB_UPDATE, () -> {
      int stored = repository.find(CiQuery.all()).size();
      if (stored > 0) {
        throw new ValidationException("a CMDB backup is restored into an empty CMDB, but this one holds "
            + stored + " items; restore into a new store");
      }
      List<ConfigurationItem> states = new ArrayList<>();
      List<CmdbRepository.Append> appends = new ArrayList<>();
      for (Map.Entry<String, List<CiEvent>> e : backup.histories().entrySet()) {
        ConfigurationItem ci;
        try {
          ci = CiHistory.replay(e.getValue());
        } catch (ValidationException x) {
          throw new ValidationException("the backup's history of " + e.getKey() + " does not replay: "
              + x.getMessage());
        }
        states.add(ci);
        appends.add(new CmdbRepository.Append(0, e.getValue(), ci));
      }
      CiGraph check = new CiGraph();
      Set<String> ids = new HashSet<>(backup.histories().keySet());
      for (ConfigurationItem ci : states) {
        check.put(stripRelations(ci));
      }
      for (ConfigurationItem ci : states) {
        for (Relation r : ci.relations()) {
          if (!ids.contains(r.to())) {
            throw new ValidationException("the backup's relation " + r + " names an item the backup"
                + " does not hold: " + r.to());
          }
          if (r.type() == RelationType.PART_OF) {
            Optional<List<Relation>> cycle = check.partOfCycle(r);
            if (cycle.isPresent()) {
              throw new ValidationException("the backup's relation " + r + " closes a cycle in 'part of': "
                  + cycle.get());
            }
          }
          ConfigurationItem current = check.item(ci.id()).orElseThrow();
          check.put(current.withRelation(r));
        }
      }
      repository.appendAll(appends);
      graph = CiGraph.of(repository.find(CiQuery.all()));
      impactCache.clear();
      for (CmdbRepository.Append a : appends) {
        notifyListeners(a.events(), a.newState());
      }
      return null;
    });
    return backup.size();
  }

  private static ConfigurationItem stripRelations(ConfigurationItem ci) {
    return new ConfigurationItem(ci.definition(), List.of(), ci.status(), ci.registeredAt(),
        ci.updatedAt(), ci.version());
  }

  /**
   * Rebuilds the graph index from the repository, for a store that other instances write to.
   * Impact analyses and checks after this call see their writes.
   */
  public void reloadGraph() {
    writes.lock();
    try {
      graph = CiGraph.of(repository.find(CiQuery.all()));
      impactCache.clear();
    } finally {
      writes.unlock();
    }
  }

  /**
   * Returns the clock.
   *
   * @return the clock
   */
  public Clock clock() {
    return clock;
  }

  // ---------------------------------------------------------------- for change requests

  /** An item's impact, unchecked: for change requests. */
  ImpactAnalysis impactOrFail(String id) {
    return impact(id).orElseThrow(() -> notFound(id));
  }

  /** Checks planned updates against the current items: each exists, is active, and changes something. */
  void checkPlannedUpdates(List<CiUpdateSet> sets) {
    for (CiUpdateSet s : sets) {
      ConfigurationItem ci = active(s.ciId(), "be changed by a change request");
      ci.definition().apply(s.updates());
    }
  }

  /** Applies a verified change's updates to every item at once; returns the items after. */
  List<ConfigurationItem> applyChange(Actor actor, String changeId, List<CiUpdateSet> sets) {
    return write(actor, null, () -> {
      Instant now = clock.instant();
      Map<String, ConfigurationItem> states = new LinkedHashMap<>();
      Map<String, List<CiEvent>> events = new LinkedHashMap<>();
      Map<String, Long> read = new LinkedHashMap<>();
      for (CiUpdateSet s : sets) {
        ConfigurationItem before = states.containsKey(s.ciId()) ? states.get(s.ciId())
            : active(s.ciId(), "be changed by change request " + changeId);
        read.putIfAbsent(s.ciId(), before.version());
        List<AttributeChange> changes =
            before.definition().changesTo(before.definition().apply(s.updates()));
        if (changes.isEmpty()) {
          continue; // already as planned: nothing to record
        }
        CiUpdated e = new CiUpdated(s.ciId(), before.version() + 1, at(before, now), actor.id(),
            changes, Optional.of(changeId));
        states.put(s.ciId(), CiHistory.apply(before, e));
        events.computeIfAbsent(s.ciId(), k -> new ArrayList<>()).add(e);
      }
      List<CmdbRepository.Append> appends = new ArrayList<>();
      for (Map.Entry<String, List<CiEvent>> e : events.entrySet()) {
        appends.add(new CmdbRepository.Append(read.get(e.getKey()), e.getValue(), states.get(e.getKey())));
      }
      repository.appendAll(appends);
      for (CmdbRepository.Append a : appends) {
        graph.put(a.newState());
      }
      impactCache.clear();
      for (CmdbRepository.Append a : appends) {
        notifyListeners(a.events(), a.newState());
      }
      return List.copyOf(states.values());
    });
  }

  // ---------------------------------------------------------------- machinery

  private void read(Actor actor) {
    access.check(Objects.requireNonNull(actor, "actor"), Permission.CMDB_READ, Optional.empty());
  }

  private <T> T write(Actor actor, Permission permission, java.util.function.Supplier<T> command) {
    Objects.requireNonNull(actor, "actor");
    if (permission != null) {
      access.check(actor, permission, Optional.empty());
    }
    writes.lock();
    try {
      return command.get();
    } finally {
      writes.unlock();
    }
  }

  /** An item, unchecked: for change requests, which checked their own permission. */
  ConfigurationItem load(String id) {
    Objects.requireNonNull(id, "id");
    return repository.find(id).orElseThrow(() -> notFound(id));
  }

  private RecordNotFoundException notFound(String id) {
    return new RecordNotFoundException(KIND, id,
        graph.closest(id).map(c -> "did you mean '" + c + "'?").orElse(""));
  }

  private ConfigurationItem active(String id, String what) {
    ConfigurationItem ci = load(id);
    if (!ci.isActive()) {
      throw new ValidationException("configuration item " + id + " is RETIRED and cannot " + what);
    }
    return ci;
  }

  private static Instant at(ConfigurationItem before, Instant now) {
    return now.isBefore(before.updatedAt()) ? before.updatedAt() : now;
  }

  private ConfigurationItem commit(ConfigurationItem before, List<CiEvent> events) {
    ConfigurationItem state = before;
    for (CiEvent e : events) {
      state = CiHistory.apply(state, e);
    }
    repository.append(before == null ? 0 : before.version(), events, state);
    graph.put(state);
    impactCache.clear();
    notifyListeners(events, state);
    return state;
  }

  private void notifyListeners(List<CiEvent> events, ConfigurationItem state) {
    for (CiEvent e : events) {
      for (CmdbListener l : listeners) {
        try {
          l.onEvent(e, state);
        } catch (RuntimeException ex) {
          LOG.warn("CMDB listener {} failed on {} #{} of {}; the change is stored", l, e.type(),
              e.sequence(), e.ciId(), ex);
        }
      }
    }
  }

  /**
   * Configures a {@link Cmdb}. Not thread-safe; build once and share the CMDB.
   */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private AccessPolicy accessPolicy = RoleBasedAccessPolicy.defaults();
    private CmdbRepository repository;
    private final List<CmdbListener> listeners = new ArrayList<>();

    private Builder() {}

    /**
     * Sets the clock every event's instant comes from.
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
     * Sets where items are stored; the graph index is built from it.
     *
     * @param repository the repository
     * @return this builder
     */
    public Builder repository(CmdbRepository repository) {
      this.repository = Objects.requireNonNull(repository, "repository");
      return this;
    }

    /**
     * Adds a listener for every stored event.
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
      if (repository == null) {
        repository = new InMemoryCmdbRepository();
      }
      return new Cmdb(this);
    }
  }
}
