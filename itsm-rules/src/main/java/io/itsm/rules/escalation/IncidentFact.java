package io.itsm.rules.escalation;

import io.itsm.core.incident.Assignment;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.Status;
import io.itsm.core.incident.SupportLevel;
import java.util.Objects;

/**
 * The read-only view of an open incident that escalation rules match, one per decision,
 * flattened so DRL constraints compare plain values: {@code IncidentFact(priority ==
 * Priority.P1, !workStarted, supportLevel == SupportLevel.L1)}. Absent values are {@code null}.
 *
 * <p><b>No progress</b> means {@code !workStarted}: the status is NEW or ASSIGNED, that is nobody
 * has started work on the incident (since it was logged or last handed to a team). Every other
 * open status (IN_PROGRESS, ON_HOLD, PENDING_APPROVAL) counts as work started.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the incident's id
 * @param status the status
 * @param priority the priority, or null when the incident has none (the SLA clocks then measure by
 *     the SLA policy's default priority)
 * @param category the category code, or null
 * @param team the assigned team, or null
 * @param supportLevel the assigned support level, or null when unassigned
 * @param assignee the assigned person, or null
 * @param reopenCount how often the incident was reopened
 * @param workStarted whether someone has started work: the status is neither NEW nor ASSIGNED
 */
public record IncidentFact(
    String id,
    Status status,
    Priority priority,
    String category,
    String team,
    SupportLevel supportLevel,
    String assignee,
    int reopenCount,
    boolean workStarted) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if {@code id} or {@code status} is null
   */
  public IncidentFact {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
  }

  /**
   * The view of an incident.
   *
   * @param incident the incident
   * @return the fact
   */
  public static IncidentFact of(Incident incident) {
    Objects.requireNonNull(incident, "incident");
    Assignment a = incident.assignment().orElse(null);
    return new IncidentFact(
        incident.id(),
        incident.status(),
        incident.priority().orElse(null),
        incident.category().orElse(null),
        incident.team().orElse(null),
        a == null ? null : a.level(),
        a == null ? null : a.assignee().orElse(null),
        incident.reopenCount(),
        workStarted(incident.status()));
  }

  /**
   * Tells whether a status means someone has started work.
   *
   * @param status the status
   * @return {@code false} for NEW and ASSIGNED, else {@code true}
   */
  public static boolean workStarted(Status status) {
    return status != Status.NEW && status != Status.ASSIGNED;
  }
}
