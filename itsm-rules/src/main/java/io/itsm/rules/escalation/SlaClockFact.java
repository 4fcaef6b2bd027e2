package io.itsm.rules.escalation;

import io.itsm.core.event.SlaKind;
import io.itsm.core.sla.SlaState;
import io.itsm.core.sla.SlaStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * One SLA clock of the incident (response or resolution) as escalation rules match it, two per
 * decision: {@code SlaClockFact(kind == SlaKind.RESOLUTION, percentUsed >= 75)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind response or resolution
 * @param percentUsed elapsed business time over the target, in percent; above 100 when breached
 * @param state running, paused, met, missed or cancelled
 * @param breached whether the clock went past its target (a RUNNING, PAUSED or MISSED clock may be)
 * @param dueAt when the target is (or was) reached
 * @param explanation {@link SlaStatus#explain()}, for reasons: {@code "resolution overdue since Mon
 *     23 Nov 17:00 UTC; 112 % used"}
 */
public record SlaClockFact(
    SlaKind kind, double percentUsed, SlaState state, boolean breached, Instant dueAt, String explanation) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a reference component is null
   */
  public SlaClockFact {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(dueAt, "dueAt");
    Objects.requireNonNull(explanation, "explanation");
  }

  /**
   * The view of an SLA clock.
   *
   * @param status the clock's status
   * @return the fact
   */
  public static SlaClockFact of(SlaStatus status) {
    Objects.requireNonNull(status, "status");
    return new SlaClockFact(status.kind(), status.percentUsed(), status.state(), status.breached(),
        status.dueAt(), status.explain());
  }
}
