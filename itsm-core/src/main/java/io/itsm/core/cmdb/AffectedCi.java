package io.itsm.core.cmdb;

import java.util.Objects;

/**
 * A configuration item that an impact analysis found affected.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the item's id
 * @param name its name
 * @param type its type
 * @param criticality its criticality
 * @param distance how many relations away from the failed item (1 for a direct dependant)
 * @param via the item through which the failure reached it (the failed item itself at distance 1)
 */
public record AffectedCi(
    String id, String name, CiType type, Criticality criticality, int distance, String via) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   */
  public AffectedCi {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(criticality, "criticality");
    Objects.requireNonNull(via, "via");
  }
}
