package io.itsm.core.incident.internal;

import io.itsm.core.access.Actor;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.event.IncidentHistory;
import io.itsm.core.incident.Incident;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Collects the events of one command, applying each to the incident's state as it is recorded
 * ({@link IncidentHistory#apply}), so a later check of the same command sees the state after the
 * earlier events, and the state stored is exactly what the history replays to.
 *
 * <p>Not thread-safe: one per command.
 */
public final class Recorder {
  private final Actor actor;
  private final Instant now;
  private final List<IncidentEvent> events = new ArrayList<>();
  private Incident state;

  /**
   * Starts recording a command.
   *
   * @param before the incident before the command, or {@code null} for a new incident
   * @param actor who runs the command
   * @param now the command's instant, not before {@code before.updatedAt()}
   */
  public Recorder(Incident before, Actor actor, Instant now) {
    this.state = before;
    this.actor = Objects.requireNonNull(actor, "actor");
    this.now = Objects.requireNonNull(now, "now");
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
   * Returns the command's instant, the {@code at} of its events.
   *
   * @return the instant
   */
  public Instant now() {
    return now;
  }

  /**
   * Returns the sequence number the next event must have.
   *
   * @return the incident's version plus one
   */
  public long seq() {
    return (state == null ? 0 : state.version()) + 1;
  }

  /**
   * Records an event and applies it to the state.
   *
   * @param e the event; its sequence must be {@link #seq()}
   * @throws io.itsm.core.ValidationException if the event does not follow the state
   */
  public void record(IncidentEvent e) {
    state = IncidentHistory.apply(state, e);
    events.add(e);
  }

  /**
   * Returns the incident after the events recorded so far.
   *
   * @return the state, or {@code null} before the first event of a new incident
   */
  public Incident state() {
    return state;
  }

  /**
   * Returns the events recorded so far.
   *
   * @return an immutable copy, oldest first
   */
  public List<IncidentEvent> events() {
    return List.copyOf(events);
  }

  /**
   * Tells whether nothing was recorded.
   *
   * @return {@code true} if no event was recorded
   */
  public boolean isEmpty() {
    return events.isEmpty();
  }
}
