package io.itsm.core.improvement.internal;

import io.itsm.core.access.Actor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Collects one command's events on one record, applying each to the state so later checks of
 * the same command see it.
 *
 * <p>Not thread-safe: one per command.
 *
 * @param <S> the record's state
 * @param <E> its event type
 */
public final class Recorder<S, E> {

  private final String id;
  private final Actor actor;
  private final Instant now;
  private final long before;
  private final BiFunction<S, E, S> apply;
  private final List<E> events = new ArrayList<>();
  private S state;

  Recorder(String id, Actor actor, Instant now, S state, long version, BiFunction<S, E, S> apply) {
    this.id = id;
    this.actor = actor;
    this.now = now;
    this.state = state;
    this.before = version;
    this.apply = apply;
  }

  /**
   * Returns the record's id.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * Returns who runs the command.
   *
   * @return the actor
   */
  public Actor actor() {
    return actor;
  }

  /**
   * Returns the actor's id.
   *
   * @return the id
   */
  public String actorId() {
    return actor.id();
  }

  /**
   * Returns the command's instant (never before the record's last change).
   *
   * @return the instant
   */
  public Instant now() {
    return now;
  }

  /**
   * Returns the sequence number of the next event.
   *
   * @return the version before the command plus the events recorded so far plus one
   */
  public long seq() {
    return before + events.size() + 1;
  }

  /**
   * Records an event and applies it to the state.
   *
   * @param event the event
   */
  public void record(E event) {
    state = apply.apply(state, event);
    events.add(event);
  }

  /**
   * Returns the state after the events recorded so far ({@code null} before the first event of
   * a new record).
   *
   * @return the state
   */
  public S state() {
    return state;
  }

  /**
   * Returns the events recorded so far.
   *
   * @return an immutable copy
   */
  public List<E> events() {
    return List.copyOf(events);
  }

  long versionBefore() {
    return before;
  }
}
