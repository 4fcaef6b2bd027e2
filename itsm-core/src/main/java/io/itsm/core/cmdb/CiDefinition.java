package io.itsm.core.cmdb;

import io.itsm.core.ValidationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What describes a configuration item: its id, type, name, teams, criticality, location and custom
 * attributes. It is what {@link Cmdb#register} takes and what {@link CiUpdate}s change; the stored
 * {@link ConfigurationItem} adds relations, status, time and version.
 *
 * <pre>{@code
 * CiDefinition db = CiDefinition.of("db-orders", CiType.DATABASE, "Orders database")
 *     .withCriticality(Criticality.BUSINESS_CRITICAL)
 *     .withSupportTeam("dba")
 *     .withAttribute("engine", "PostgreSQL 16");
 * }</pre>
 *
 * <p>The id is the name tickets use ({@code Ticket.configurationItem()}), for example {@code
 * "srv-mail-01"}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the item's id: letters, digits and {@code . _ : / -}, starting with a letter or digit,
 *     at most {@value #MAX_ID_LENGTH} characters
 * @param type what kind of item it is
 * @param name its display name; not blank
 * @param ownerTeam the team that owns it, or empty
 * @param supportTeam the team that supports it (tickets about it go there), or empty
 * @param criticality how much the business depends on it
 * @param location where it is, or empty
 * @param attributes custom attributes (version, vendor, serial number, {@code users}: how many
 *     users a service has); keys and values not blank
 */
public record CiDefinition(
    String id,
    CiType type,
    String name,
    Optional<String> ownerTeam,
    Optional<String> supportTeam,
    Criticality criticality,
    Optional<String> location,
    Map<String, String> attributes) {

  /** The longest id allowed. */
  public static final int MAX_ID_LENGTH = 200;

  /** The attribute of a business service that says how many users it has (impact analysis). */
  public static final String USERS_ATTRIBUTE = "users";

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]*");

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if the id, name, a team, the location or an attribute is invalid
   */
  public CiDefinition {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(ownerTeam, "ownerTeam");
    Objects.requireNonNull(supportTeam, "supportTeam");
    Objects.requireNonNull(criticality, "criticality");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(attributes, "attributes");
    checkId(id);
    if (name.isBlank()) {
      throw new ValidationException("name of configuration item " + id + " must not be blank");
    }
    notBlank(id, "ownerTeam", ownerTeam);
    notBlank(id, "supportTeam", supportTeam);
    notBlank(id, "location", location);
    Map<String, String> copy = new TreeMap<>();
    for (Map.Entry<String, String> e : attributes.entrySet()) {
      String key = Objects.requireNonNull(e.getKey(), "attribute key");
      String value = Objects.requireNonNull(e.getValue(), "attribute value");
      if (key.isBlank() || value.isBlank()) {
        throw new ValidationException("attributes of configuration item " + id
            + " must have keys and values that are not blank, but had '" + key + "'='" + value + "'");
      }
      copy.put(key, value);
    }
    attributes = java.util.Collections.unmodifiableMap(copy);
  }

  /**
   * Checks a configuration item id.
   *
   * @param id the id
   * @throws ValidationException if it is not a valid id
   */
  public static void checkId(String id) {
    if (id.length() > MAX_ID_LENGTH || !ID.matcher(id).matches()) {
      throw new ValidationException("configuration item id must be letters, digits and . _ : / -,"
          + " starting with a letter or digit, at most " + MAX_ID_LENGTH + " characters, but was '"
          + id + "'");
    }
  }

  private static void notBlank(String id, String field, Optional<String> value) {
    if (value.isPresent() && value.get().isBlank()) {
      throw new ValidationException(field + " of configuration item " + id
          + " must not be blank (leave it out instead), but was '" + value.get() + "'");
    }
  }

  /**
   * A definition with the given id, type and name, MEDIUM criticality and nothing else.
   *
   * @param id the id
   * @param type the type
   * @param name the display name
   * @return the definition
   * @throws ValidationException if the id or name is invalid
   */
  public static CiDefinition of(String id, CiType type, String name) {
    return new CiDefinition(id, type, name, Optional.empty(), Optional.empty(), Criticality.MEDIUM,
        Optional.empty(), Map.of());
  }

  /**
   * Returns a copy with another name.
   *
   * @param name the name
   * @return the copy
   */
  public CiDefinition withName(String name) {
    return new CiDefinition(id, type, name, ownerTeam, supportTeam, criticality, location, attributes);
  }

  /**
   * Returns a copy with another type.
   *
   * @param type the type
   * @return the copy
   */
  public CiDefinition withType(CiType type) {
    return new CiDefinition(id, type, name, ownerTeam, supportTeam, criticality, location, attributes);
  }

  /**
   * Returns a copy with another owner team.
   *
   * @param team the team, or {@code null} for none
   * @return the copy
   */
  public CiDefinition withOwnerTeam(String team) {
    return new CiDefinition(id, type, name, Optional.ofNullable(team), supportTeam, criticality,
        location, attributes);
  }

  /**
   * Returns a copy with another support team.
   *
   * @param team the team, or {@code null} for none
   * @return the copy
   */
  public CiDefinition withSupportTeam(String team) {
    return new CiDefinition(id, type, name, ownerTeam, Optional.ofNullable(team), criticality,
        location, attributes);
  }

  /**
   * Returns a copy with another criticality.
   *
   * @param criticality the criticality
   * @return the copy
   */
  public CiDefinition withCriticality(Criticality criticality) {
    return new CiDefinition(id, type, name, ownerTeam, supportTeam, criticality, location, attributes);
  }

  /**
   * Returns a copy with another location.
   *
   * @param location the location, or {@code null} for none
   * @return the copy
   */
  public CiDefinition withLocation(String location) {
    return new CiDefinition(id, type, name, ownerTeam, supportTeam, criticality,
        Optional.ofNullable(location), attributes);
  }

  /**
   * Returns a copy with one attribute set.
   *
   * @param key the key
   * @param value the value
   * @return the copy
   */
  public CiDefinition withAttribute(String key, String value) {
    Map<String, String> a = new LinkedHashMap<>(attributes);
    a.put(key, value);
    return new CiDefinition(id, type, name, ownerTeam, supportTeam, criticality, location, a);
  }

  /**
   * Returns how many users this item has, from its {@value #USERS_ATTRIBUTE} attribute.
   *
   * @return the number, or 0 when the attribute is absent or not a whole number
   */
  public int users() {
    String u = attributes.get(USERS_ATTRIBUTE);
    if (u == null) {
      return 0;
    }
    try {
      return Math.max(0, Integer.parseInt(u.trim()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /**
   * Returns the value of a field as text, as {@link CiUpdate} and the audit trail name it.
   *
   * @param field one of {@link CiUpdate#FIELDS} or {@code attributes.<key>}
   * @return the value, or empty when not set
   * @throws ValidationException if the field is unknown
   */
  public Optional<String> field(String field) {
    CiUpdate.checkField(field);
    return switch (field) {
      case CiUpdate.TYPE -> Optional.of(type.name());
      case CiUpdate.NAME -> Optional.of(name);
      case CiUpdate.OWNER_TEAM -> ownerTeam;
      case CiUpdate.SUPPORT_TEAM -> supportTeam;
      case CiUpdate.CRITICALITY -> Optional.of(criticality.name());
      case CiUpdate.LOCATION -> location;
      default -> Optional.ofNullable(attributes.get(field.substring(CiUpdate.ATTRIBUTES_PREFIX.length())));
    };
  }

  /**
   * Applies updates in order and returns the result; this definition is unchanged.
   *
   * @param updates the updates
   * @return the updated definition
   * @throws ValidationException if a type or criticality value is not one of the allowed names,
   *     or the result is invalid
   */
  public CiDefinition apply(List<CiUpdate> updates) {
    Objects.requireNonNull(updates, "updates");
    CiType t = type;
    String n = name;
    Optional<String> owner = ownerTeam;
    Optional<String> support = supportTeam;
    Criticality c = criticality;
    Optional<String> loc = location;
    Map<String, String> attrs = new LinkedHashMap<>(attributes);
    for (CiUpdate u : updates) {
      Objects.requireNonNull(u, "update");
      switch (u.field()) {
        case CiUpdate.TYPE -> t = parse(CiType.class, u);
        case CiUpdate.NAME -> n = u.value().orElseThrow();
        case CiUpdate.OWNER_TEAM -> owner = u.value();
        case CiUpdate.SUPPORT_TEAM -> support = u.value();
        case CiUpdate.CRITICALITY -> c = parse(Criticality.class, u);
        case CiUpdate.LOCATION -> loc = u.value();
        default -> {
          String key = u.field().substring(CiUpdate.ATTRIBUTES_PREFIX.length());
          if (u.value().isPresent()) {
            attrs.put(key, u.value().get());
          } else {
            attrs.remove(key);
          }
        }
      }
    }
    return new CiDefinition(id, t, n, owner, support, c, loc, attrs);
  }

  private <E extends Enum<E>> E parse(Class<E> type, CiUpdate u) {
    String v = u.value().orElseThrow();
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(v)) {
        return e;
      }
    }
    throw new ValidationException("value of CI field " + u.field() + " of " + id + " must be one of "
        + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())
        + ", but was '" + v + "'");
  }

  /**
   * Lists the fields whose values differ between this definition and another, as changes from
   * this one to {@code after}: the fixed fields in the order of {@link CiUpdate#FIELDS}, then the
   * attributes by key.
   *
   * @param after the other definition (of the same item)
   * @return the changes, empty when equal
   */
  public List<AttributeChange> changesTo(CiDefinition after) {
    Objects.requireNonNull(after, "after");
    List<AttributeChange> out = new ArrayList<>();
    for (String f : CiUpdate.FIELDS) {
      diff(f, field(f), after.field(f), out);
    }
    java.util.SortedSet<String> keys = new java.util.TreeSet<>(attributes.keySet());
    keys.addAll(after.attributes.keySet());
    for (String k : keys) {
      diff(CiUpdate.ATTRIBUTES_PREFIX + k, Optional.ofNullable(attributes.get(k)),
          Optional.ofNullable(after.attributes.get(k)), out);
    }
    return out;
  }

  private static void diff(String field, Optional<String> before, Optional<String> after,
      List<AttributeChange> out) {
    if (!before.equals(after)) {
      out.add(new AttributeChange(field, before, after));
    }
  }

  /**
   * Applies attribute changes (as recorded in a {@link CiUpdated} event) and returns the result.
   *
   * @param changes the changes
   * @return the changed definition
   * @throws ValidationException if a value is invalid
   */
  public CiDefinition applyChanges(List<AttributeChange> changes) {
    List<CiUpdate> updates = new ArrayList<>(changes.size());
    for (AttributeChange c : changes) {
      updates.add(new CiUpdate(c.field(), c.after()));
    }
    return apply(updates);
  }
}
