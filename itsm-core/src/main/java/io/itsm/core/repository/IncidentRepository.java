package io.itsm.core.repository;

import io.itsm.core.event.IncidentEvent;
import io.itsm.core.incident.Incident;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Stores incidents as their event histories, with the latest state beside them. The desk appends
 * the events of one command at once; a repository must apply them atomically and only if the
 * stored version is still the one the command read (optimistic concurrency).
 *
 * <p>A repository that cannot read a stored record (a row edited by hand, a payload of an unknown
 * format) throws {@link UnreadableRecordException} naming the incident and the event's sequence.
 *
 * <p>Implementations must be thread-safe. {@link InMemoryIncidentRepository} is the default.
 */
public interface IncidentRepository {

  /**
   * Appends events to an incident's history and stores its new state, atomically.
   *
   * @param expectedVersion the version the command read: 0 for a new incident
   * @param events the new events, in order, their sequences following {@code expectedVersion}
   * @param newState the incident after the events
   * @throws StaleVersionException if the stored version differs from {@code expectedVersion}
   *     (for a new incident: if the id exists already); nothing is stored then
   */
  void append(long expectedVersion, List<IncidentEvent> events, Incident newState);

  /**
   * Finds an incident's latest state.
   *
   * @param id the incident id
   * @return the incident, or empty
   * @throws UnreadableRecordException if the incident is stored but cannot be read
   */
  Optional<Incident> find(String id);

  /**
   * Returns an incident's history.
   *
   * @param id the incident id
   * @return the events, oldest first; empty if there is no such incident
   * @throws UnreadableRecordException if an event is stored but cannot be read
   */
  List<IncidentEvent> history(String id);

  /**
   * Finds the incidents matching a query, ordered by id.
   *
   * @param query the criteria
   * @return the matching incidents' latest states
   */
  List<Incident> find(IncidentQuery query);

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
