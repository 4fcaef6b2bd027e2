package io.itsm.core.cmdb;

import io.itsm.core.StaleRecordException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A configuration item repository in memory, for tests, examples and applications that persist
 * elsewhere (by listening to events, or by exporting backups).
 *
 * <p>Thread-safe: appends are serialized and compare the version atomically ({@link #appendAll}
 * checks every item's version before it stores any); readers always see a whole command's events.
 */
public final class InMemoryCmdbRepository implements CmdbRepository {

  private record Entry(ConfigurationItem state, List<CiEvent> events) {}

  private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();
  private final Object writeLock = new Object();

  /** Creates an empty repository. */
  public InMemoryCmdbRepository() {}

  @Override
  public void append(long expectedVersion, List<CiEvent> events, ConfigurationItem newState) {
    synchronized (writeLock) {
      store(expectedVersion, events, newState);
    }
  }

  /**
   * Appends to several items, all or none: every item's version (and, for an item appended to
   * more than once, the version its earlier append leaves) is checked before anything is stored.
   *
   * @param appends the appends
   * @throws StaleRecordException if a stored version differs; nothing is stored then
   * @throws IllegalArgumentException if an append has no events
   */
  @Override
  public void appendAll(List<Append> appends) {
    Objects.requireNonNull(appends, "appends");
    synchronized (writeLock) {
      java.util.Map<String, Long> versions = new java.util.HashMap<>();
      for (Append a : appends) {
        if (a.events().isEmpty()) {
          throw new IllegalArgumentException("events must not be empty (item " + a.newState().id()
              + ")");
        }
        String id = a.newState().id();
        long actual = versions.computeIfAbsent(id, k -> {
          Entry e = entries.get(k);
          return e == null ? 0L : e.state().version();
        });
        if (actual != a.expectedVersion()) {
          throw new StaleRecordException("configuration item", id, a.expectedVersion(), actual);
        }
        versions.put(id, a.newState().version());
      }
      for (Append a : appends) {
        store(a.expectedVersion(), a.events(), a.newState());
      }
    }
  }

  private void store(long expectedVersion, List<CiEvent> events, ConfigurationItem newState) {
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(newState, "newState");
    if (events.isEmpty()) {
      throw new IllegalArgumentException("events must not be empty");
    }
    List<CiEvent> added = List.copyOf(events);
    entries.compute(newState.id(), (id, current) -> {
      long actual = current == null ? 0 : current.state().version();
      if (actual != expectedVersion) {
        throw new StaleRecordException("configuration item", id, expectedVersion, actual);
      }
      List<CiEvent> all = new ArrayList<>(current == null ? added.size() : current.events().size() + added.size());
      if (current != null) {
        all.addAll(current.events());
      }
      all.addAll(added);
      return new Entry(newState, Collections.unmodifiableList(all));
    });
  }

  @Override
  public Optional<ConfigurationItem> find(String id) {
    Entry e = entries.get(Objects.requireNonNull(id, "id"));
    return e == null ? Optional.empty() : Optional.of(e.state());
  }

  @Override
  public List<CiEvent> history(String id) {
    Entry e = entries.get(Objects.requireNonNull(id, "id"));
    return e == null ? List.of() : e.events();
  }

  @Override
  public List<ConfigurationItem> find(CiQuery query) {
    Objects.requireNonNull(query, "query");
    List<ConfigurationItem> out = new ArrayList<>();
    for (Entry e : entries.values()) {
      if (query.matches(e.state())) {
        out.add(e.state());
      }
    }
    out.sort(Comparator.comparing(ConfigurationItem::id));
    return out;
  }

  @Override
  public List<CiEvent> audit(CiAuditQuery query) {
    Objects.requireNonNull(query, "query");
    List<CiEvent> out = new ArrayList<>();
    for (Entry e : entries.values()) {
      if (query.ciId().isPresent() && !query.ciId().get().equals(e.state().id())) {
        continue;
      }
      for (CiEvent ev : e.events()) {
        if (query.matchesEvent(ev)) {
          out.add(ev);
        }
      }
    }
    out.sort(Comparator.comparing(CiEvent::at).thenComparing(CiEvent::ciId)
        .thenComparingLong(CiEvent::sequence));
    return out;
  }
}
