package io.itsm.core.repository;

import io.itsm.core.event.IncidentEvent;
import io.itsm.core.incident.Incident;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Stores incidents as their event histories, with the latest state and the next due time beside
 * them. The desk appends the events of one command at once; a repository must apply them
 * atomically and only if the stored version is still the one the command read (optimistic
 * concurrency).
 *
 * <h2>Due times</h2>
 *
 * <p>With each append the desk passes the incident's <em>next due time</em>: the instant from
 * which {@link io.itsm.core.ServiceDesk#tick} has work for it (an SLA threshold or breach to
 * record, an escalation checkpoint, an auto-close, an approval expiry), or empty when nothing is
 * due. A repository stores it with the state, in the same atomic step, and answers {@link
 * #findDue} from an index, so that a tick costs what is due and not what is stored. A database
 * store keeps it as a column with an index (for example {@code next_due_at TIMESTAMP NULL} and
 * {@code CREATE INDEX ... ON incident (next_due_at)}). Due times may be far in the past: the desk
 * uses {@link Instant#EPOCH} for "look at it at the next tick". A repository treats them as opaque
 * instants; it never computes one.
 *
 * <h2>Reading every history</h2>
 *
 * <p>Metrics, reports and exports read the store as a stream of whole histories ({@link
 * #histories(Instant, Instant)}): one list per incident, read lazily, so that a million incidents
 * are computed over in bounded memory. The default implementation works on any repository (it
 * lists the matching incidents with {@link #find(IncidentQuery)} and reads each history with
 * {@link #history(String)}); a database store overrides it with one streaming query, for example
 * {@code SELECT ... FROM incident_event WHERE incident_id IN (...) ORDER BY incident_id, sequence}
 * read with a fetch size, grouping consecutive rows of one incident into one list.
 * <p>A repository that cannot read a stored record (a row edited by hand, a payload of an unknown
 * format) throws {@link UnreadableRecordException} naming the incident and the event's sequence.
 *
 * <p>Implementations must be thread-safe. {@link InMemoryIncidentRepository} is the default.
 */
public interface IncidentRepository {

  /**
   * Appends events to an incident's history and stores its new state and next due time,
   * atomically.
   *
   * @param expectedVersion the version the command read: 0 for a new incident
   * @param events the new events, in order, their sequences following {@code expectedVersion}
   * @param newState the incident after the events
   * @param nextDueAt when the desk next has due work for the incident, or empty for never
   * @throws StaleVersionException if the stored version differs from {@code expectedVersion}
   *     (for a new incident: if the id exists already); nothing is stored then
   * @throws IllegalArgumentException if {@code events} is empty
   */
  void append(long expectedVersion, List<IncidentEvent> events, Incident newState,
      Optional<Instant> nextDueAt);

  /**
   * Replaces an incident's next due time without appending events, if the incident is still at a
   * version. The desk calls it after a tick looked at an incident and found nothing (more) to
   * record before the new due time.
   *
   * @param id the incident id
   * @param version the version the due time was computed from
   * @param nextDueAt the new due time, or empty for never
   * @return {@code true} if stored; {@code false} if there is no such incident or its version is
   *     no longer {@code version} (the append that changed it stored its own due time)
   */
  boolean reschedule(String id, long version, Optional<Instant> nextDueAt);

  /**
   * Returns the ids of the incidents whose next due time is at or before an instant, earliest
   * due first (equal due times by id). Must not read incidents that are not due: this is the
   * query that keeps a tick's cost proportional to what is due.
   *
   * @param at the instant
   * @return the ids; empty when nothing is due
   */
  List<String> findDue(Instant at);

  /**
   * Returns an incident's stored next due time.
   *
   * @param id the incident id
   * @return the due time; empty when nothing is due or there is no such incident
   */
  Optional<Instant> nextDueAt(String id);

  /**
   * Finds an incident's latest state.
   *
   * @param id the incident id
   * @return the incident, or empty
   * @throws UnreadableRecordException if the incident is stored but cannot be read
   */
  Optional<Incident> find(String id);

  /**
   * Returns an incident's history. The list is an immutable snapshot: events appended later do
   * not appear in it, and it cannot be modified.
   *
   * @param id the incident id
   * @return the events, oldest first; empty if there is no such incident
   * @throws UnreadableRecordException if an event is stored but cannot be read
   */
  List<IncidentEvent> history(String id);

  /**
   * Finds the incidents matching a query, ordered by id (see {@link IncidentQuery} for the
   * criteria).
   *
   * @param query the criteria
   * @return the matching incidents' latest states
   */
  List<Incident> find(IncidentQuery query);

  /**
   * Streams the whole histories of the incidents that were open or changed at some instant of the
   * half-open period {@code [from, to)}: every incident opened before {@code to} whose last change
   * is at or after {@code from}, or that is not CLOSED or CANCELLED. Incidents closed before
   * {@code from} and not changed since are left out, and so are incidents opened at or after
   * {@code to}; a repository may return more (a superset), never fewer — readers cut each history
   * at {@code to} themselves.
   *
   * <p>Each element is one incident's <em>complete</em> history, oldest first, starting with its
   * {@code IncidentLogged} (events after {@code to} included), as an immutable list. The order of
   * the incidents is not specified. The stream is lazy: a database store holds a cursor and a
   * connection while it is open, so <b>close it</b> (try-with-resources). Histories appended while
   * the stream is read may or may not appear; each history read is a consistent snapshot (whole
   * commands only).
   *
   * <p>Implementors: the default lists the matching incidents with {@link #find(IncidentQuery)}
   * and reads each history with {@link #history(String)} as the stream is consumed; that holds the
   * matching incidents' latest states in memory and reads one history per incident (N + 1
   * queries on a database). Override it with one streaming query ordered by incident and sequence
   * (see the class description). Use {@link Instant#MIN} and {@link Instant#MAX} as "no bound".
   *
   * <pre>{@code
   * try (Stream<List<IncidentEvent>> all = repository.histories(Instant.MIN, Instant.MAX)) {
   *   MetricsReport report = Metrics.compute(all, MetricsQuery.of(period));
   * }
   * }</pre>
   *
   * @param from the start of the period, inclusive ({@link Instant#MIN}: no start)
   * @param to the end of the period, exclusive ({@link Instant#MAX}: no end)
   * @return the histories; close the stream when done
   * @throws IllegalArgumentException if {@code from} is after {@code to}
   * @throws UnsupportedOperationException never by the default implementation
   */
  default Stream<List<IncidentEvent>> histories(Instant from, Instant to) {
    checkPeriod(from, to);
    return find(IncidentQuery.all()).stream()
        .filter(i -> activeIn(i, from, to))
        .map(i -> history(i.id()))
        .filter(h -> !h.isEmpty());
  }

  /**
   * Tells whether an incident's latest state puts it in the scope of {@link #histories(Instant,
   * Instant)}: opened before {@code to}, and changed at or after {@code from} or not final. For
   * implementors that filter in memory.
   *
   * @param incident the incident's latest state
   * @param from the start of the period, inclusive
   * @param to the end of the period, exclusive
   * @return {@code true} if the incident belongs in the stream
   * @throws NullPointerException if an argument is null
   */
  static boolean activeIn(Incident incident, Instant from, Instant to) {
    Objects.requireNonNull(incident, "incident");
    return incident.openedAt().isBefore(to)
        && (!incident.updatedAt().isBefore(from) || !incident.status().isFinal());
  }

  /**
   * Checks the bounds given to {@link #histories(Instant, Instant)}.
   *
   * @param from the start
   * @param to the end
   * @throws NullPointerException if a bound is null
   * @throws IllegalArgumentException if {@code from} is after {@code to}
   */
  static void checkPeriod(Instant from, Instant to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (from.isAfter(to)) {
      throw new IllegalArgumentException("from must not be after to, but was " + from + " > " + to);
    }
  }

  /**
   * Returns where new incident ids come from when the desk is given no {@code idGenerator}. A
   * repository that several desks share, or that outlives a desk (a database), must hand out ids
   * that no desk has used yet, for example from a database sequence.
   *
   * @return a thread-safe supplier of fresh ids; empty (the default) lets each desk number its
   *     incidents {@code INC-000001, INC-000002, ...} from 1, which suits a repository that
   *     starts empty and serves one desk
   */
  default Optional<Supplier<String>> incidentIds() {
    return Optional.empty();
  }
}
