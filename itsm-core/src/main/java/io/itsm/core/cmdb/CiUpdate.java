package io.itsm.core.cmdb;

import io.itsm.core.ValidationException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One requested change of one field of a configuration item: set a value, or clear it. Fields are
 * named as in the JSON format and the audit trail: {@value #TYPE}, {@value #NAME}, {@value
 * #OWNER_TEAM}, {@value #SUPPORT_TEAM}, {@value #CRITICALITY}, {@value #LOCATION} and {@code
 * attributes.<key>} for a custom attribute.
 *
 * <pre>{@code
 * List<CiUpdate> updates = List.of(
 *     CiUpdate.set("attributes.version", "15.4"),
 *     CiUpdate.set(CiUpdate.CRITICALITY, "BUSINESS_CRITICAL"),
 *     CiUpdate.clear(CiUpdate.LOCATION));
 * }</pre>
 *
 * <p>Values are text; the type and criticality must name an enum constant, checked when the update
 * is applied ({@link CiDefinition#apply}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param field the field; one of {@link #FIELDS} or {@code attributes.<key>}
 * @param value the new value, or empty to clear the field (not allowed for type, name, criticality)
 */
public record CiUpdate(String field, Optional<String> value) {

  /** The item's {@link CiType}. */
  public static final String TYPE = "type";
  /** The item's display name. */
  public static final String NAME = "name";
  /** The team that owns the item. */
  public static final String OWNER_TEAM = "ownerTeam";
  /** The team that supports the item: tickets about it are routed there. */
  public static final String SUPPORT_TEAM = "supportTeam";
  /** The item's {@link Criticality}. */
  public static final String CRITICALITY = "criticality";
  /** Where the item is. */
  public static final String LOCATION = "location";
  /** The prefix of custom attributes: {@code attributes.version}. */
  public static final String ATTRIBUTES_PREFIX = "attributes.";

  /** The fixed fields, in the order of the JSON format. */
  public static final List<String> FIELDS =
      List.of(TYPE, NAME, OWNER_TEAM, SUPPORT_TEAM, CRITICALITY, LOCATION);

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if the field is unknown, a value is blank, or a required field
   *     (type, name, criticality) is cleared
   */
  public CiUpdate {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(value, "value");
    checkField(field);
    if (value.isPresent() && value.get().isBlank()) {
      throw new ValidationException("value of CI field " + field
          + " must not be blank (clear the field instead), but was '" + value.get() + "'");
    }
    if (value.isEmpty() && (field.equals(TYPE) || field.equals(NAME) || field.equals(CRITICALITY))) {
      throw new ValidationException("CI field " + field + " is required and cannot be cleared");
    }
  }

  /**
   * Checks a field name.
   *
   * @param field the name
   * @throws ValidationException if it is not one of {@link #FIELDS} or {@code attributes.<key>}
   */
  public static void checkField(String field) {
    if (FIELDS.contains(field)) {
      return;
    }
    if (field.startsWith(ATTRIBUTES_PREFIX) && !field.substring(ATTRIBUTES_PREFIX.length()).isBlank()) {
      return;
    }
    throw new ValidationException("CI field must be one of " + String.join(", ", FIELDS)
        + " or attributes.<key>, but was '" + field + "'");
  }

  /**
   * Sets a field.
   *
   * @param field the field
   * @param value the new value, not blank
   * @return the update
   * @throws ValidationException if the field is unknown or the value blank
   */
  public static CiUpdate set(String field, String value) {
    return new CiUpdate(field, Optional.of(Objects.requireNonNull(value, "value")));
  }

  /**
   * Clears a field (an optional field or an attribute).
   *
   * @param field the field
   * @return the update
   * @throws ValidationException if the field is unknown or required
   */
  public static CiUpdate clear(String field) {
    return new CiUpdate(field, Optional.empty());
  }

  /**
   * Returns {@code "field=value"} or {@code "field cleared"}.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return value.map(v -> field + "=" + v).orElse(field + " cleared");
  }
}
