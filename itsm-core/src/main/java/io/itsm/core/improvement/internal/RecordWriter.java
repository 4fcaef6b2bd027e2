package io.itsm.core.improvement.internal;

import io.itsm.core.RecordNotFoundException;
import io.itsm.core.kernel.internal.OrderedDelivery;
import io.itsm.core.access.Actor;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The write path of one kind of event-sourced record: load once, run the command's checks and
 * record its events (each applied to the state), append them with the version the command read,
 * and deliver them to the listeners in order. A command that throws stores nothing.
 *
 * <p>Thread-safe, if the store and the listeners are.
 *
 * @param <S> the record's state
 * @param <E> its event type
 */
public final class RecordWriter<S, E> {

  /**
   * Reads and writes the records.
   *
   * @param <S> the state
   * @param <E> the event type
   */
  public interface Store<S, E> {
    /**
     * Finds a record.
     *
     * @param id the id
     * @return the state, or empty
     */
    Optional<S> find(String id);

    /**
     * Appends events if the stored version is {@code expectedVersion}.
     *
     * @param expectedVersion the version read
     * @param events the events
     * @param state the state after them
     */
    void append(long expectedVersion, List<E> events, S state);
  }

  private final String kind;
  private final Store<S, E> store;
  private final BiFunction<S, E, S> apply;
  private final ToLongFunction<S> version;
  private final Function<S, Instant> updatedAt;
  private final OrderedDelivery<?, E, S> delivery;
  private final String findHint;

  /**
   * Creates the write path.
   *
   * @param kind the kind of record, for messages, for example {@code "problem"}
   * @param store where the records are
   * @param apply applies an event to a state ({@code null} before the first event)
   * @param version a state's version
   * @param updatedAt a state's last change
   * @param delivery the listeners' delivery
   * @param findHint how to find existing ids, for the not-found message
   */
  public RecordWriter(String kind, Store<S, E> store, BiFunction<S, E, S> apply,
      ToLongFunction<S> version, Function<S, Instant> updatedAt, OrderedDelivery<?, E, S> delivery,
      String findHint) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.store = Objects.requireNonNull(store, "store");
    this.apply = Objects.requireNonNull(apply, "apply");
    this.version = Objects.requireNonNull(version, "version");
    this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
    this.delivery = Objects.requireNonNull(delivery, "delivery");
    this.findHint = Objects.requireNonNull(findHint, "findHint");
  }

  /**
   * Loads a record.
   *
   * @param id the id
   * @return the state
   * @throws RecordNotFoundException if there is none
   */
  public S load(String id) {
    Objects.requireNonNull(id, "id");
    return store.find(id).orElseThrow(() -> new RecordNotFoundException(kind, id, findHint));
  }

  /**
   * Creates a record: runs the step on an empty state and stores its events as version 1 on.
   *
   * @param id the new id
   * @param actor who runs the command
   * @param now the command's instant
   * @param step records the first events
   * @return the new state
   * @throws io.itsm.core.StaleRecordException if the id exists already
   */
  public S create(String id, Actor actor, Instant now, Consumer<Recorder<S, E>> step) {
    Recorder<S, E> r = new Recorder<>(id, actor, now, null, 0, apply);
    step.accept(r);
    return commit(r);
  }

  /**
   * Runs a command on a stored record.
   *
   * @param id the record's id
   * @param actor who runs the command
   * @param now the command's instant; a clock behind the record's last change counts from it
   * @param step checks the state (throwing changes nothing) and records the events
   * @return the state after the command
   * @throws RecordNotFoundException if there is no such record
   * @throws io.itsm.core.StaleRecordException if the record changed meanwhile
   */
  public S update(String id, Actor actor, Instant now, BiConsumer<S, Recorder<S, E>> step) {
    S before = load(id);
    Instant at = now.isBefore(updatedAt.apply(before)) ? updatedAt.apply(before) : now;
    Recorder<S, E> r = new Recorder<>(id, actor, at, before, version.applyAsLong(before), apply);
    step.accept(before, r);
    return commit(r);
  }

  private S commit(Recorder<S, E> r) {
    List<E> events = r.events();
    if (events.isEmpty()) {
      throw new IllegalStateException("a command on " + kind + " " + r.id() + " recorded no event");
    }
    S state = r.state();
    delivery.storeAndDeliver(r.id(), events, state,
        () -> store.append(r.versionBefore(), events, state));
    return state;
  }
}
