package io.itsm.core.review;

import io.itsm.core.event.SlaKind;
import java.time.Instant;
import java.util.Objects;

/**
 * An SLA target one of the reviewed incidents missed.
 *
 * <p>Immutable and thread-safe.
 *
 * @param incidentId the incident
 * @param kind response or resolution
 * @param dueAt when it was due
 * @param breachedAt when the breach was recorded
 */
public record SlaMiss(String incidentId, SlaKind kind, Instant dueAt, Instant breachedAt) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   */
  public SlaMiss {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(dueAt, "dueAt");
    Objects.requireNonNull(breachedAt, "breachedAt");
  }
}
