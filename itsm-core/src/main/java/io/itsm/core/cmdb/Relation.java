package io.itsm.core.cmdb;

import io.itsm.core.ValidationException;
import java.util.Objects;

/**
 * A relation between two configuration items, read {@code from type to}: {@code webshop
 * DEPENDS_ON db-orders}. It belongs to (is stored with) the item {@code from}. See {@link
 * RelationType} for which way a failure spreads.
 *
 * <p>Immutable and thread-safe.
 *
 * @param from the id of the item the relation starts at
 * @param type how the items relate
 * @param to the id of the other item; not {@code from}
 */
public record Relation(String from, RelationType type, String to) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if an id is blank or the relation points at its own item
   */
  public Relation {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(to, "to");
    if (from.isBlank() || to.isBlank()) {
      throw new ValidationException("relation ends must not be blank, but was '" + from + "' "
          + type + " '" + to + "'");
    }
    if (from.equals(to)) {
      throw new ValidationException("a relation must join two different configuration items, but "
          + from + " " + type + " " + to + " points at itself");
    }
  }

  /**
   * A relation.
   *
   * @param from the item it starts at
   * @param type how they relate
   * @param to the other item
   * @return the relation
   */
  public static Relation of(String from, RelationType type, String to) {
    return new Relation(from, type, to);
  }

  /**
   * Returns {@code "from TYPE to"}, as in messages and the audit trail.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return from + " " + type + " " + to;
  }
}
