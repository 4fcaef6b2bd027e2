package io.itsm.core.cmdb;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Criteria for the CMDB's audit trail: who changed what, when. Every criterion given must match.
 * A store answers item, actor and time from indexed columns of its events table; the field is
 * matched on the entries.
 *
 * <pre>{@code
 * cmdb.audit(auditor, CiAuditQuery.all().withActor("ann").from(monday).to(friday));
 * cmdb.audit(auditor, CiAuditQuery.all().withCi("db-orders").withField("criticality"));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param ciId one item, or empty for all
 * @param actor who made the change, or empty for anyone
 * @param from changes at or after this instant, or empty
 * @param to changes before this instant, or empty
 * @param field changes of this field ({@code "criticality"}, {@code "attributes.version"}, {@code
 *     "relation"}, {@code "status"}), or empty for any
 */
public record CiAuditQuery(
    Optional<String> ciId,
    Optional<String> actor,
    Optional<Instant> from,
    Optional<Instant> to,
    Optional<String> field) {

  private static final CiAuditQuery ALL = new CiAuditQuery(Optional.empty(), Optional.empty(),
      Optional.empty(), Optional.empty(), Optional.empty());

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   */
  public CiAuditQuery {
    Objects.requireNonNull(ciId, "ciId");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(field, "field");
  }

  /**
   * Matches every change.
   *
   * @return the query
   */
  public static CiAuditQuery all() {
    return ALL;
  }

  /**
   * Returns a copy for one item.
   *
   * @param ciId the item
   * @return the copy
   */
  public CiAuditQuery withCi(String ciId) {
    return new CiAuditQuery(Optional.of(ciId), actor, from, to, field);
  }

  /**
   * Returns a copy for one actor.
   *
   * @param actor the actor id
   * @return the copy
   */
  public CiAuditQuery withActor(String actor) {
    return new CiAuditQuery(ciId, Optional.of(actor), from, to, field);
  }

  /**
   * Returns a copy for changes at or after an instant.
   *
   * @param from the instant
   * @return the copy
   */
  public CiAuditQuery from(Instant from) {
    return new CiAuditQuery(ciId, actor, Optional.of(from), to, field);
  }

  /**
   * Returns a copy for changes before an instant.
   *
   * @param to the instant
   * @return the copy
   */
  public CiAuditQuery to(Instant to) {
    return new CiAuditQuery(ciId, actor, from, Optional.of(to), field);
  }

  /**
   * Returns a copy for changes of one field.
   *
   * @param field the field
   * @return the copy
   */
  public CiAuditQuery withField(String field) {
    return new CiAuditQuery(ciId, actor, from, to, Optional.of(field));
  }

  /**
   * Tells whether an event matches the item, actor and time criteria (not the field).
   *
   * @param e the event
   * @return whether it matches
   */
  public boolean matchesEvent(CiEvent e) {
    return ciId.map(e.ciId()::equals).orElse(true)
        && actor.map(e.actor()::equals).orElse(true)
        && from.map(f -> !e.at().isBefore(f)).orElse(true)
        && to.map(t -> e.at().isBefore(t)).orElse(true);
  }
}
