package io.itsm.core.cmdb;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of the CMDB's audit trail: who changed which field of which item when, from what to
 * what. Besides the fields of {@link CiUpdate}, {@code "registered"} (after: the type and name),
 * {@code "relation"} (before or after: {@code "DEPENDS_ON db-orders"}) and {@code "status"} (after:
 * {@code RETIRED}) appear.
 *
 * <p>Immutable and thread-safe.
 *
 * @param ciId the item
 * @param sequence the event's sequence in the item's history
 * @param at when
 * @param actor who
 * @param field what
 * @param before the value before, or empty
 * @param after the value after, or empty
 * @param changeRequestId the change request that made the change, or empty
 */
public record CiAuditEntry(
    String ciId,
    long sequence,
    Instant at,
    String actor,
    String field,
    Optional<String> before,
    Optional<String> after,
    Optional<String> changeRequestId) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   */
  public CiAuditEntry {
    Objects.requireNonNull(ciId, "ciId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(changeRequestId, "changeRequestId");
  }

  /**
   * Returns one line: {@code "2026-11-23T09:00:00Z ann db-orders criticality: HIGH → BUSINESS_CRITICAL"}.
   *
   * @return the line
   */
  @Override
  public String toString() {
    return at + " " + actor + " " + ciId + " " + field + ": " + before.orElse("(unset)") + " → "
        + after.orElse("(unset)") + changeRequestId.map(c -> " (change " + c + ")").orElse("");
  }
}
