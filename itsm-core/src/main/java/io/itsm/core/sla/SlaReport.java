package io.itsm.core.sla;

import io.itsm.core.event.SlaKind;
import io.itsm.core.incident.Priority;
import java.time.Instant;
import java.util.Objects;

/**
 * Both SLA clocks of an incident at an instant, as computed by {@link SlaClock#evaluate}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param incidentId the incident
 * @param priority the priority measured by: the incident's current one, or the policy's default
 * @param priorityAssumed whether the incident has no priority and the default was used
 * @param targets the targets chosen for the incident
 * @param evaluatedAt the instant described
 * @param response the response clock
 * @param resolution the resolution clock
 */
public record SlaReport(
    String incidentId,
    Priority priority,
    boolean priorityAssumed,
    SlaTargets targets,
    Instant evaluatedAt,
    SlaStatus response,
    SlaStatus resolution) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   */
  public SlaReport {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(targets, "targets");
    Objects.requireNonNull(evaluatedAt, "evaluatedAt");
    Objects.requireNonNull(response, "response");
    Objects.requireNonNull(resolution, "resolution");
  }

  /**
   * Returns one clock.
   *
   * @param kind response or resolution
   * @return its status
   */
  public SlaStatus status(SlaKind kind) {
    return Objects.requireNonNull(kind, "kind") == SlaKind.RESPONSE ? response : resolution;
  }

  /**
   * Tells whether either clock is breached.
   *
   * @return {@code true} if the response or the resolution target was exceeded
   */
  public boolean breached() {
    return response.breached() || resolution.breached();
  }

  /**
   * Explains both clocks, one line each after a heading, for example:
   *
   * <pre>
   * INC-000001 P2 (targets 'standard')
   * response met Mon 23 Nov 09:10 UTC, due Mon 23 Nov 09:30 UTC; 33 % used
   * resolution due Mon 23 Nov 17:00 UTC; 12 % used
   * </pre>
   *
   * <p>The heading says {@code "P3 assumed, no priority yet"} when the priority was assumed.
   *
   * @return the explanation
   */
  public String explain() {
    return incidentId + " " + priority + (priorityAssumed ? " assumed, no priority yet" : "")
        + " (targets '" + targets.name() + "')\n" + response.explain() + "\n" + resolution.explain();
  }
}
