package io.itsm.core.cmdb;

import java.util.Objects;
import java.util.Optional;

/**
 * Criteria for finding change requests; results are ordered by id.
 *
 * <p>Immutable and thread-safe.
 *
 * @param status the status, or empty for any
 * @param ciId an item the change touches, or empty for any
 */
public record ChangeQuery(Optional<ChangeStatus> status, Optional<String> ciId) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   */
  public ChangeQuery {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(ciId, "ciId");
  }

  /**
   * Matches every change.
   *
   * @return the query
   */
  public static ChangeQuery all() {
    return new ChangeQuery(Optional.empty(), Optional.empty());
  }

  /**
   * Returns a copy for one status.
   *
   * @param status the status
   * @return the copy
   */
  public ChangeQuery withStatus(ChangeStatus status) {
    return new ChangeQuery(Optional.of(status), ciId);
  }

  /**
   * Returns a copy for changes touching an item.
   *
   * @param ciId the item
   * @return the copy
   */
  public ChangeQuery withCi(String ciId) {
    return new ChangeQuery(status, Optional.of(ciId));
  }

  /**
   * Tells whether a change matches.
   *
   * @param c the change
   * @return whether every criterion given matches
   */
  public boolean matches(ChangeRequest c) {
    return status.map(s -> c.status() == s).orElse(true)
        && ciId.map(id -> c.plan().touchedCis().contains(id)).orElse(true);
  }
}
