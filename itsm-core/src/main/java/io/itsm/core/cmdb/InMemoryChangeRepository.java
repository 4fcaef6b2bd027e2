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
 * A change request repository in memory.
 *
 * <p>Thread-safe: appends to one change are serialized and compare the version atomically.
 */
public final class InMemoryChangeRepository implements ChangeRepository {

  private record Entry(ChangeRequest state, List<ChangeEvent> events) {}

  private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();

  /** Creates an empty repository. */
  public InMemoryChangeRepository() {}

  @Override
  public void append(long expectedVersion, List<ChangeEvent> events, ChangeRequest newState) {
    Objects.requireNonNull(newState, "newState");
    List<ChangeEvent> added = List.copyOf(Objects.requireNonNull(events, "events"));
    if (added.isEmpty()) {
      throw new IllegalArgumentException("events must not be empty");
    }
    entries.compute(newState.id(), (id, current) -> {
      long actual = current == null ? 0 : current.state().version();
      if (actual != expectedVersion) {
        throw new StaleRecordException("change request", id, expectedVersion, actual);
      }
      List<ChangeEvent> all = new ArrayList<>(current == null ? List.of() : current.events());
      all.addAll(added);
      return new Entry(newState, Collections.unmodifiableList(all));
    });
  }

  @Override
  public Optional<ChangeRequest> find(String id) {
    Entry e = entries.get(Objects.requireNonNull(id, "id"));
    return e == null ? Optional.empty() : Optional.of(e.state());
  }

  @Override
  public List<ChangeEvent> history(String id) {
    Entry e = entries.get(Objects.requireNonNull(id, "id"));
    return e == null ? List.of() : e.events();
  }

  @Override
  public List<ChangeRequest> find(ChangeQuery query) {
    Objects.requireNonNull(query, "query");
    List<ChangeRequest> out = new ArrayList<>();
    for (Entry e : entries.values()) {
      if (query.matches(e.state())) {
        out.add(e.state());
      }
    }
    out.sort(Comparator.comparing(ChangeRequest::id));
    return out;
  }
}
