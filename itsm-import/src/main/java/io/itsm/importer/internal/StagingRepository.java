package io.itsm.importer.internal;

import io.itsm.core.event.IncidentEvent;
import io.itsm.core.incident.Incident;
import io.itsm.core.repository.InMemoryIncidentRepository;
import io.itsm.core.repository.IncidentQuery;
import io.itsm.core.repository.IncidentRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The import desk's repository: an in-memory repository holding the incident being replayed,
 * emptied before the next one. The replay runs the desk's commands here; the incident's legal
 * history then goes to the target store in one append (one transaction on a database), so an
 * incident is imported whole or not at all, and a database sees one write per incident instead of
 * one per command.
 *
 * <p>Thread-safe as its delegate; {@link #reset} must not run while a command does.
 */
public final class StagingRepository implements IncidentRepository {

  private volatile InMemoryIncidentRepository current = new InMemoryIncidentRepository();

  /** Empties the repository. */
  public void reset() {
    current = new InMemoryIncidentRepository();
  }

  @Override
  public void append(long expectedVersion, List<IncidentEvent> events, Incident newState,
      Optional<Instant> nextDueAt) {
    current.append(expectedVersion, events, newState, nextDueAt);
  }

  @Override
  public boolean reschedule(String id, long version, Optional<Instant> nextDueAt) {
    return current.reschedule(id, version, nextDueAt);
  }

  @Override
  public List<String> findDue(Instant at) {
    return current.findDue(at);
  }

  @Override
  public Optional<Instant> nextDueAt(String id) {
    return current.nextDueAt(id);
  }

  @Override
  public Optional<Incident> find(String id) {
    return current.find(id);
  }

  @Override
  public List<IncidentEvent> history(String id) {
    return current.history(id);
  }

  @Override
  public List<Incident> find(IncidentQuery query) {
    return current.find(query);
  }
}
