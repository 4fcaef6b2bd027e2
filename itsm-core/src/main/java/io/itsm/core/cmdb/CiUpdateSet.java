package io.itsm.core.cmdb;

import io.itsm.core.ValidationException;
import java.util.List;
import java.util.Objects;

/**
 * The updates a change request plans for one configuration item, applied when the change is
 * verified.
 *
 * <p>Immutable and thread-safe.
 *
 * @param ciId the item
 * @param updates the updates, applied in order; not empty
 */
public record CiUpdateSet(String ciId, List<CiUpdate> updates) {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if the id is blank or there are no updates
   */
  public CiUpdateSet {
    Objects.requireNonNull(ciId, "ciId");
    updates = List.copyOf(Objects.requireNonNull(updates, "updates"));
    if (ciId.isBlank()) {
      throw new ValidationException("ciId of planned updates must not be blank");
    }
    if (updates.isEmpty()) {
      throw new ValidationException("updates planned for " + ciId + " must not be empty");
    }
  }

  /**
   * Planned updates of one item.
   *
   * @param ciId the item
   * @param updates the updates
   * @return the set
   */
  public static CiUpdateSet of(String ciId, CiUpdate... updates) {
    return new CiUpdateSet(ciId, List.of(updates));
  }
}
