package io.itsm.core.cmdb.internal;

import io.itsm.core.RecordNotFoundException;
import io.itsm.core.ValidationException;
import io.itsm.core.cmdb.AffectedCi;
import io.itsm.core.cmdb.CiEvent;
import io.itsm.core.cmdb.CiHistory;
import io.itsm.core.cmdb.CiQuery;
import io.itsm.core.cmdb.CmdbListener;
import io.itsm.core.cmdb.CmdbRepository;
import io.itsm.core.cmdb.ConfigurationItem;
import io.itsm.core.cmdb.ImpactAnalysis;
import io.itsm.core.cmdb.Relation;
import io.itsm.core.kernel.internal.OrderedDelivery;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The write path and the in-memory state of one CMDB: the repository, the graph index built from
 * it, the cache of impact analyses, and the delivery of events to the listeners. Writes are
 * serialized (so that the graph checks of a command see a consistent graph); each command's
 * events are stored and delivered through {@link OrderedDelivery}, in order per item.
 *
 * <p>Thread-safe, provided the repository and listeners are.
 */
public final class CiStore {

  /** The kind of record, as error messages name it. */
  public static final String KIND = "configuration item";

  private static final int IMPACT_CACHE_LIMIT = 10_000;

  private final CmdbRepository repository;
  private final OrderedDelivery<CmdbListener, CiEvent, ConfigurationItem> delivery;
  private final ReentrantLock writes = new ReentrantLock();
  private final Map<String, ImpactAnalysis> impactCache = new ConcurrentHashMap<>();
  /** Counts changes of the graph: an analysis made across a change is not cached. */
  private final AtomicLong changes = new AtomicLong();
  private volatile CiGraph graph;

  /**
   * Creates the store and builds the graph index from the repository.
   *
   * @param repository where items are stored
   * @param listeners who hears every stored event
   */
  public CiStore(CmdbRepository repository, List<CmdbListener> listeners) {
    this.repository = Objects.requireNonNull(repository, "repository");
    this.delivery = new OrderedDelivery<>(listeners, CmdbListener::onEvent,
        e -> e.type() + " #" + e.sequence() + " of " + e.ciId());
    this.graph = CiGraph.of(repository.find(CiQuery.all()));
  }

  /** @return the repository */
  public CmdbRepository repository() {
    return repository;
  }

  /** @return the graph index as of now */
  public CiGraph graph() {
    return graph;
  }

  /**
   * Runs a command with the writes held.
   *
   * @param <T> its result
   * @param command the command
   * @return its result
   */
  public <T> T write(Supplier<T> command) {
    writes.lock();
    try {
      return command.get();
    } finally {
      writes.unlock();
    }
  }

  /**
   * Applies events to an item, stores them and delivers them. Call with the writes held.
   *
   * @param before the item before, or {@code null} for a new one
   * @param events the events
   * @return the item after
   */
  public ConfigurationItem commit(ConfigurationItem before, List<CiEvent> events) {
    ConfigurationItem state = before;
    for (CiEvent e : events) {
      state = CiHistory.apply(state, e);
    }
    ConfigurationItem after = state;
    delivery.storeAndDeliver(after.id(), events, after, () -> {
      repository.append(before == null ? 0 : before.version(), events, after);
      graph.put(after);
      changed(touched(before, after, new HashSet<>()));
    });
    return after;
  }

  /**
   * Stores the events of several items in one go ({@link CmdbRepository#appendAll}), then delivers
   * each item's events. Call with the writes held.
   *
   * @param appends the items' events and states
   * @param rebuildGraph whether to rebuild the whole graph index (an import) instead of updating
   *     the items
   */
  public void commitAll(List<CmdbRepository.Append> appends, boolean rebuildGraph) {
    repository.appendAll(appends);
    if (rebuildGraph) {
      graph = CiGraph.of(repository.find(CiQuery.all()));
      changedAll();
    } else {
      Set<String> touched = new HashSet<>();
      for (CmdbRepository.Append a : appends) {
        touched(graph.item(a.newState().id()).orElse(null), a.newState(), touched);
        graph.put(a.newState());
      }
      changed(touched);
    }
    for (CmdbRepository.Append a : appends) {
      delivery.storeAndDeliver(a.newState().id(), a.events(), a.newState(), () -> {});
    }
  }

  /** Rebuilds the graph index from the repository (another instance wrote to a shared store). */
  public void reloadGraph() {
    write(() -> {
      graph = CiGraph.of(repository.find(CiQuery.all()));
      changedAll();
      return null;
    });
  }

  /**
   * Loads an item.
   *
   * @param id the item
   * @return the item
   * @throws RecordNotFoundException if there is none, with the id probably meant
   */
  public ConfigurationItem load(String id) {
    Objects.requireNonNull(id, "id");
    return repository.find(id).orElseThrow(() -> notFound(id));
  }

  /**
   * Loads an item that is in service.
   *
   * @param id the item
   * @param what the command, as in "cannot {@code what}"
   * @return the item
   * @throws RecordNotFoundException if there is none
   * @throws ValidationException if it is retired
   */
  public ConfigurationItem active(String id, String what) {
    ConfigurationItem ci = load(id);
    if (!ci.isActive()) {
      throw new ValidationException("configuration item " + id + " is RETIRED and cannot " + what);
    }
    return ci;
  }

  /**
   * Makes the exception for an unknown id.
   *
   * @param id the id
   * @return the exception, with the id probably meant
   */
  public RecordNotFoundException notFound(String id) {
    return new RecordNotFoundException(KIND, id,
        graph.closest(id).map(c -> "did you mean '" + c + "'?").orElse(""));
  }

  /**
   * Analyses an item's failure, from the cache when the CMDB has not changed since.
   *
   * @param id the item
   * @return the analysis, or empty when there is no such item
   */
  public Optional<ImpactAnalysis> impact(String id) {
    Objects.requireNonNull(id, "id");
    ImpactAnalysis cached = impactCache.get(id);
    if (cached != null) {
      return Optional.of(cached);
    }
    long seen = changes.get();
    CiGraph g = graph;
    if (g.item(id).isEmpty()) {
      return Optional.empty();
    }
    ImpactAnalysis a = g.impactOf(id);
    if (impactCache.size() >= IMPACT_CACHE_LIMIT) {
      impactCache.clear();
    }
    if (changes.get() == seen) {
      impactCache.put(id, a);
      if (changes.get() != seen) {
        impactCache.remove(id, a); // a change cleared the cache meanwhile
      }
    }
    return Optional.of(a);
  }

  /**
   * The items whose cached analyses an item's change can alter: the item, and the items at the
   * other end of each relation it gained or lost. An analysis (what a failure reaches through the
   * graph) changes only if its walk reaches one of them, and then it holds that item (failed or
   * affected); every other cached analysis stays valid.
   */
  private static Set<String> touched(ConfigurationItem before, ConfigurationItem after,
      Set<String> into) {
    into.add(after.id());
    Set<Relation> was = before == null ? Set.of() : new HashSet<>(before.relations());
    Set<Relation> is = new HashSet<>(after.relations());
    for (Relation r : was) {
      if (!is.contains(r)) {
        into.add(r.to());
      }
    }
    for (Relation r : is) {
      if (!was.contains(r)) {
        into.add(r.to());
      }
    }
    return into;
  }

  /** Drops the cached analyses that hold one of the touched items; the others stay cached. */
  private void changed(Set<String> touched) {
    changes.incrementAndGet();
    impactCache.values().removeIf(a -> holdsAny(a, touched));
  }

  private static boolean holdsAny(ImpactAnalysis a, Set<String> ids) {
    if (ids.contains(a.failed().id())) {
      return true;
    }
    for (AffectedCi x : a.affected()) {
      if (ids.contains(x.id())) {
        return true;
      }
    }
    return false;
  }

  /** Drops every cached analysis (the graph was rebuilt). */
  private void changedAll() {
    changes.incrementAndGet();
    impactCache.clear();
  }
}
