package io.itsm.core.cmdb;

import io.itsm.core.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A configuration item as stored: its {@link CiDefinition}, its outgoing {@link Relation}s, whether
 * it is in service, and when it was registered and last changed. Its state is rebuilt from its
 * events alone ({@link CiHistory#replay}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param definition id, type, name, teams, criticality, location, attributes
 * @param relations the relations that start at this item, in the order they were added; each
 *     {@code from} is this item's id, no duplicates
 * @param status active or retired
 * @param registeredAt when it was registered
 * @param updatedAt when it last changed
 * @param version the number of events in its history (the sequence of the last one)
 */
public record ConfigurationItem(
    CiDefinition definition,
    List<Relation> relations,
    CiStatus status,
    Instant registeredAt,
    Instant updatedAt,
    long version) {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if a relation does not start at this item or is repeated, the
   *     version is below 1, or {@code updatedAt} is before {@code registeredAt}
   */
  public ConfigurationItem {
    Objects.requireNonNull(definition, "definition");
    relations = List.copyOf(Objects.requireNonNull(relations, "relations"));
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(registeredAt, "registeredAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (version < 1) {
      throw new ValidationException("version of configuration item " + definition.id()
          + " must be 1 or more, but was " + version);
    }
    if (updatedAt.isBefore(registeredAt)) {
      throw new ValidationException("updatedAt of configuration item " + definition.id()
          + " must not be before registeredAt " + registeredAt + ", but was " + updatedAt);
    }
    for (Relation r : relations) {
      if (!r.from().equals(definition.id())) {
        throw new ValidationException("relations of configuration item " + definition.id()
            + " must start at it, but one was " + r);
      }
    }
    if (relations.stream().distinct().count() != relations.size()) {
      throw new ValidationException("relations of configuration item " + definition.id()
          + " must not repeat, but were " + relations);
    }
  }

  /**
   * Returns the id.
   *
   * @return the id
   */
  public String id() {
    return definition.id();
  }

  /**
   * Returns the type.
   *
   * @return the type
   */
  public CiType type() {
    return definition.type();
  }

  /**
   * Returns the display name.
   *
   * @return the name
   */
  public String name() {
    return definition.name();
  }

  /**
   * Returns the criticality.
   *
   * @return the criticality
   */
  public Criticality criticality() {
    return definition.criticality();
  }

  /**
   * Returns the support team.
   *
   * @return the team, or empty
   */
  public Optional<String> supportTeam() {
    return definition.supportTeam();
  }

  /**
   * Returns the owner team.
   *
   * @return the team, or empty
   */
  public Optional<String> ownerTeam() {
    return definition.ownerTeam();
  }

  /**
   * Returns the location.
   *
   * @return the location, or empty
   */
  public Optional<String> location() {
    return definition.location();
  }

  /**
   * Returns the custom attributes.
   *
   * @return the attributes, sorted by key
   */
  public Map<String, String> attributes() {
    return definition.attributes();
  }

  /**
   * Tells whether the item is in service.
   *
   * @return {@code true} when ACTIVE
   */
  public boolean isActive() {
    return status == CiStatus.ACTIVE;
  }

  /**
   * Returns a copy with another definition.
   *
   * @param definition the definition (same id)
   * @return the copy
   */
  public ConfigurationItem withDefinition(CiDefinition definition) {
    return new ConfigurationItem(definition, relations, status, registeredAt, updatedAt, version);
  }

  /**
   * Returns a copy with a relation added.
   *
   * @param relation the relation, starting at this item
   * @return the copy
   */
  public ConfigurationItem withRelation(Relation relation) {
    List<Relation> r = new ArrayList<>(relations);
    r.add(relation);
    return new ConfigurationItem(definition, r, status, registeredAt, updatedAt, version);
  }

  /**
   * Returns a copy without a relation.
   *
   * @param relation the relation
   * @return the copy
   */
  public ConfigurationItem withoutRelation(Relation relation) {
    List<Relation> r = new ArrayList<>(relations);
    r.remove(relation);
    return new ConfigurationItem(definition, r, status, registeredAt, updatedAt, version);
  }

  /**
   * Returns a copy with another status.
   *
   * @param status the status
   * @return the copy
   */
  public ConfigurationItem withStatus(CiStatus status) {
    return new ConfigurationItem(definition, relations, status, registeredAt, updatedAt, version);
  }

  /**
   * Returns a copy after an event: its time and version.
   *
   * @param at when the event happened
   * @param version the event's sequence
   * @return the copy
   */
  public ConfigurationItem touched(Instant at, long version) {
    return new ConfigurationItem(definition, relations, status, registeredAt, at, version);
  }
}
