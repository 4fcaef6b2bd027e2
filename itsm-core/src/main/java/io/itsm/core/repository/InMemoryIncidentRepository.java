package io.itsm.core.repository;

import io.itsm.core.event.IncidentEvent;
import io.itsm.core.incident.Incident;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Stream;

/**
 * An incident repository in memory, for tests, examples and applications that persist elsewhere
 * (for example by listening to events).
 *
 * <p><b>Cost.</b> An append costs the same whatever the length of the history: events go into an
 * append-only array that grows by half when full, and {@link #history} returns a read-only view of
 * the events stored at that moment (no copy). Due times are kept in a sorted index, so {@link
 * #findDue} reads only the incidents that are due. {@link #find(IncidentQuery)} scans every
 * incident; {@link #histories(Instant, Instant)} streams the stored histories without copying
 * them.
 *
 * <p>Thread-safe: appends to one incident are serialized and compare the version atomically;
 * readers never block writers of other incidents and always see a complete command's events.
 */
public final class InMemoryIncidentRepository implements IncidentRepository {

  /**
   * The stored incident: its state, the events of its history (the first {@code history.size()}
   * slots of a shared append-only array) and its next due time (null: none).
   */
  private record Entry(Incident state, History history, Instant due) {}

  /** A due time and the incident it belongs to, ordered by time, then id. */
  private record DueKey(Instant at, String id) implements Comparable<DueKey> {
    @Override
    public int compareTo(DueKey o) {
      int c = at.compareTo(o.at);
      return c != 0 ? c : id.compareTo(o.id);
    }
  }

  private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();
  private final ConcurrentSkipListSet<DueKey> due = new ConcurrentSkipListSet<>();

  /** Creates an empty repository. */
  public InMemoryIncidentRepository() {}

  @Override
  public void append(long expectedVersion, List<IncidentEvent> events, Incident newState,
      Optional<Instant> nextDueAt) {
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(newState, "newState");
    Objects.requireNonNull(nextDueAt, "nextDueAt");
    if (events.isEmpty()) {
      throw new IllegalArgumentException("events must not be empty");
    }
    for (IncidentEvent e : events) {
      Objects.requireNonNull(e, "event");
    }
    String id = newState.id();
    Instant newDue = nextDueAt.orElse(null);
    entries.compute(
        id,
        (key, current) -> {
          long actual = current == null ? 0 : current.state().version();
          if (actual != expectedVersion) {
            throw new StaleVersionException(id, expectedVersion, actual);
          }
          History h = current == null ? History.of(events) : current.history().plus(events);
          index(id, current == null ? null : current.due(), newDue);
          return new Entry(newState, h, newDue);
        });
  }

  @Override
  public boolean reschedule(String id, long version, Optional<Instant> nextDueAt) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(nextDueAt, "nextDueAt");
    Instant newDue = nextDueAt.orElse(null);
    boolean[] done = new boolean[1];
    entries.computeIfPresent(
        id,
        (key, current) -> {
          if (current.state().version() != version) {
            return current;
          }
          done[0] = true;
          if (Objects.equals(current.due(), newDue)) {
            return current;
          }
          index(id, current.due(), newDue);
          return new Entry(current.state(), current.history(), newDue);
        });
    return done[0];
  }

  /** Moves an incident in the due index; the new key goes in first, so a reader never misses it. */
  private void index(String id, Instant oldDue, Instant newDue) {
    if (Objects.equals(oldDue, newDue)) {
      return;
    }
    if (newDue != null) {
      due.add(new DueKey(newDue, id));
    }
    if (oldDue != null) {
      due.remove(new DueKey(oldDue, id));
    }
  }

  @Override
  public List<String> findDue(Instant at) {
    Objects.requireNonNull(at, "at");
    Set<String> ids = new LinkedHashSet<>();
    for (DueKey k : due) {
      if (k.at().isAfter(at)) {
        break;
      }
      ids.add(k.id());
    }
    return List.copyOf(ids);
  }

  @Override
  public Optional<Instant> nextDueAt(String id) {
    Objects.requireNonNull(id, "id");
    Entry e = entries.get(id);
    return e == null ? Optional.empty() : Optional.ofNullable(e.due());
  }

  @Override
  public Optional<Incident> find(String id) {
    Objects.requireNonNull(id, "id");
    Entry e = entries.get(id);
    return e == null ? Optional.empty() : Optional.of(e.state());
  }

  @Override
  public List<IncidentEvent> history(String id) {
    Objects.requireNonNull(id, "id");
    Entry e = entries.get(id);
    return e == null ? List.of() : e.history();
  }

  @Override
  public List<Incident> find(IncidentQuery query) {
    Objects.requireNonNull(query, "query");
    List<Incident> out = new ArrayList<>();
    for (Entry e : entries.values()) {
      if (query.matches(e.state())) {
        out.add(e.state());
      }
    }
    out.sort(Comparator.comparing(Incident::id));
    return out;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Streams the stored histories as they are when each is reached (no copy), filtered by each
   * incident's latest state; holds no lock.
   */
  @Override
  public Stream<List<IncidentEvent>> histories(Instant from, Instant to) {
    IncidentRepository.checkPeriod(from, to);
    return entries.values().stream()
        .filter(e -> IncidentRepository.activeIn(e.state(), from, to))
        .<List<IncidentEvent>>map(Entry::history);
  }

  /**
   * An immutable view of the first {@code size} events of an append-only array. Later appends
   * write only slots at or beyond {@code size} (of this array or of a grown copy), so the view
   * never changes; it is published through the map's entry, which orders the slot writes before
   * any read.
   */
  private static final class History extends AbstractList<IncidentEvent> implements RandomAccess {
    private final IncidentEvent[] events;
    private final int size;

    private History(IncidentEvent[] events, int size) {
      this.events = events;
      this.size = size;
    }

    static History of(List<IncidentEvent> first) {
      IncidentEvent[] a = first.toArray(new IncidentEvent[0]);
      return new History(a, a.length);
    }

    /** This history with more events; amortized O(number of new events). */
    History plus(List<IncidentEvent> more) {
      int n = size + more.size();
      IncidentEvent[] a = events;
      if (n > a.length) {
        a = Arrays.copyOf(a, Math.max(n, size + (size >> 1) + 4));
      }
      int i = size;
      for (IncidentEvent e : more) {
        a[i++] = e;
      }
      return new History(a, n);
    }

    @Override
    public IncidentEvent get(int index) {
      Objects.checkIndex(index, size);
      return events[index];
    }

    @Override
    public int size() {
      return size;
    }
  }
}
