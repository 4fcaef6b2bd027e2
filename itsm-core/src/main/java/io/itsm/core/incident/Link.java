package io.itsm.core.incident;

import io.itsm.core.ValidationException;
import java.util.Objects;

/**
 * A link from an incident to another record.
 *
 * <p>Immutable and thread-safe.
 *
 * @param type how the records relate
 * @param targetId the id of the other record, not blank
 */
public record Link(LinkType type, String targetId) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if {@code targetId} is blank
   */
  public Link {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(targetId, "targetId");
    if (targetId.isBlank()) {
      throw new ValidationException("link targetId must not be blank, but was '" + targetId + "'");
    }
  }
}
