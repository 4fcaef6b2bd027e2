package io.itsm.core.cmdb;

import io.itsm.core.ValidationException;
import java.util.Objects;
import java.util.Optional;

/**
 * What one update did to one field of a configuration item: its value before and after. A {@link
 * CiUpdated} event lists one per changed field; the audit trail shows them.
 *
 * <p>Immutable and thread-safe.
 *
 * @param field the field, as in {@link CiUpdate}
 * @param before the value before, or empty when it was not set
 * @param after the value after, or empty when it was cleared
 */
public record AttributeChange(String field, Optional<String> before, Optional<String> after) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if the field is unknown or before and after are equal
   */
  public AttributeChange {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    CiUpdate.checkField(field);
    if (before.equals(after)) {
      throw new ValidationException("an attribute change of " + field
          + " must change the value, but before and after were both " + before.orElse("unset"));
    }
  }

  /**
   * Returns {@code "field: before → after"}.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return field + ": " + before.orElse("(unset)") + " → " + after.orElse("(unset)");
  }
}
