package io.itsm.core.repository;

import io.itsm.core.event.IncidentEvent;
import io.itsm.core.incident.Incident;
import java.util.List;
import java.util.Optional;

/**
 * Stores incidents as their event histories, with the latest state beside them. The desk appends
 * the events of one command at once; a repository must apply them atomically and only if the
 * stored version is still the one the command read (optimistic concurrency).
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
   */
  Optional<Incident> find(String id);

  /**
   * Returns an incident's history.
   *
   * @param id the incident id
   * @return the events, oldest first; empty if there is no such incident
   */
  List<IncidentEvent> history(String id);

  /**
   * Finds the incidents matching a query, ordered by id.
   *
   * @param query the criteria
   * @return the matching incidents' latest states
   */
  List<Incident> find(IncidentQuery query);
}
