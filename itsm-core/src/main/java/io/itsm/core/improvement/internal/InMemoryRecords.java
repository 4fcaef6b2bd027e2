package io.itsm.core.improvement.internal;

import io.itsm.core.StaleRecordException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;

/**
 * Records of one kind kept in memory as their event histories with their current state beside
 * them: the storage behind the in-memory repositories of problems, reviews, preventive actions
 * and surveys. An append succeeds only if the stored version is still the one the command read.
 *
 * <p>Thread-safe.
 *
 * @param <S> the record's state
 * @param <E> its event type
 */
public final class InMemoryRecords<S, E> {

  private record Entry<S, E>(S state, List<E> events) {}

  private final String kind;
  private final ConcurrentSkipListMap<String, Entry<S, E>> byId = new ConcurrentSkipListMap<>();

  /**
   * Creates an empty store.
   *
   * @param kind the kind of record, for messages, for example {@code "post-incident review"}
   */
  public InMemoryRecords(String kind) {
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /**
   * Appends a command's events and stores the new state, if the stored version is {@code
   * expectedVersion}.
   *
   * @param id the record's id
   * @param expectedVersion the version the command read, 0 for a new record
   * @param events the events, at least one
   * @param state the state after them
   * @throws StaleRecordException if the stored version differs; nothing is stored then
   * @throws IllegalArgumentException if {@code events} is empty
   */
  public void append(String id, long expectedVersion, List<? extends E> events, S state) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(state, "state");
    if (events.isEmpty()) {
      throw new IllegalArgumentException("append of " + kind + " " + id + " needs at least one event");
    }
    List<E> added = List.copyOf(events);
    byId.compute(id, (k, current) -> {
      long stored = current == null ? 0 : current.events().size();
      if (stored != expectedVersion) {
        throw new StaleRecordException(kind, id, expectedVersion, stored);
      }
      List<E> all = new ArrayList<>(current == null ? List.of() : current.events());
      all.addAll(added);
      return new Entry<>(state, List.copyOf(all));
    });
  }

  /**
   * Finds a record's current state.
   *
   * @param id the id
   * @return the state, or empty
   */
  public Optional<S> find(String id) {
    Entry<S, E> e = byId.get(Objects.requireNonNull(id, "id"));
    return e == null ? Optional.empty() : Optional.of(e.state());
  }

  /**
   * Returns a record's history.
   *
   * @param id the id
   * @return an immutable snapshot, oldest first; empty when there is no such record
   */
  public List<E> history(String id) {
    Entry<S, E> e = byId.get(Objects.requireNonNull(id, "id"));
    return e == null ? List.of() : e.events();
  }

  /**
   * Returns the current states of every record, ordered by id.
   *
   * @return a stream over a weakly consistent view
   */
  public Stream<S> states() {
    return byId.values().stream().map(Entry::state);
  }

  @Override
  public String toString() {
    return "InMemoryRecords{" + kind + ", " + byId.size() + " records}";
  }
}
