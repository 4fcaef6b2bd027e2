package io.itsm.jdbc.internal;

import io.itsm.core.event.IncidentEvent;
import io.itsm.core.incident.Incident;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parsed records of the most recently used incidents: their latest state and their events.
 * Both are keyed by what cannot change in the database: a state by its version (a read still asks
 * the database for the version, and takes the cached state only if it matches), events by their
 * sequence (a history read asks only for the events after the cached ones). So the cache is never
 * stale, also with several application instances on one database; it only saves parsing JSON.
 * A row edited by hand in a running store is seen by stores opened after the edit.
 *
 * <p>Thread-safe: one lock, held only to look up or replace an entry.
 */
public final class RecordCache {

  private record Entry(Incident state, List<IncidentEvent> events) {}

  private final int capacity;
  private final Map<String, Entry> entries;

  /**
   * Creates a cache.
   *
   * @param capacity the number of incidents kept; 0 keeps none
   */
  public RecordCache(int capacity) {
    this.capacity = capacity;
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
        return size() > RecordCache.this.capacity;
      }
    };
  }

  /**
   * Returns the cached state of an incident if it has the given version.
   *
   * @param id the incident
   * @param version the version stored in the database
   * @return the state, or empty
   */
  public Optional<Incident> state(String id, long version) {
    if (capacity == 0) {
      return Optional.empty();
    }
    synchronized (entries) {
      Entry e = entries.get(id);
      return e != null && e.state() != null && e.state().version() == version
          ? Optional.of(e.state()) : Optional.empty();
    }
  }

  /**
   * Returns the version of the cached state, for a read that skips the state when unchanged.
   *
   * @param id the incident
   * @return the version, or -1 when none is cached
   */
  public long stateVersion(String id) {
    if (capacity == 0) {
      return -1;
    }
    synchronized (entries) {
      Entry e = entries.get(id);
      return e == null || e.state() == null ? -1 : e.state().version();
    }
  }

  /**
   * Returns the cached events of an incident: the first events of its history, in order.
   *
   * @param id the incident
   * @return the events, possibly empty
   */
  public List<IncidentEvent> events(String id) {
    if (capacity == 0) {
      return List.of();
    }
    synchronized (entries) {
      Entry e = entries.get(id);
      return e == null ? List.of() : e.events();
    }
  }

  /**
   * Records a state read or written.
   *
   * @param state the state
   */
  public void putState(Incident state) {
    if (capacity == 0) {
      return;
    }
    synchronized (entries) {
      Entry e = entries.get(state.id());
      if (e == null || e.state() == null || e.state().version() <= state.version()) {
        entries.put(state.id(), new Entry(state, e == null ? List.of() : e.events()));
      }
    }
  }

  /**
   * Records the events read: a history prefix, longer than the cached one.
   *
   * @param id the incident
   * @param events the first events of its history, in order
   */
  public void putEvents(String id, List<IncidentEvent> events) {
    if (capacity == 0) {
      return;
    }
    synchronized (entries) {
      Entry e = entries.get(id);
      if (e == null || e.events().size() < events.size()) {
        entries.put(id, new Entry(e == null ? null : e.state(), events));
      }
    }
  }

  /**
   * Records a command that was stored: its events follow the cached ones if the cache had the
   * whole history before it; the new state replaces the old.
   *
   * @param expectedVersion the version the command was based on
   * @param added its events
   * @param state the state after it
   */
  public void appended(long expectedVersion, List<IncidentEvent> added, Incident state) {
    if (capacity == 0) {
      return;
    }
    synchronized (entries) {
      Entry e = entries.get(state.id());
      List<IncidentEvent> before = e == null ? List.of() : e.events();
      List<IncidentEvent> events;
      if (before.size() == expectedVersion) {
        List<IncidentEvent> all = new ArrayList<>(before.size() + added.size());
        all.addAll(before);
        all.addAll(added);
        events = List.copyOf(all);
      } else {
        events = before;
      }
      entries.put(state.id(), new Entry(state, events));
    }
  }
}
