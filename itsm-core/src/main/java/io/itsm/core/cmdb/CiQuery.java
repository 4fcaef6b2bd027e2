package io.itsm.core.cmdb;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Criteria for finding configuration items; every criterion given must match. Results are ordered
 * by id. A store can answer each criterion from an indexed column (type, team, criticality,
 * status, location); {@code text} is a substring of the id or name.
 *
 * <pre>{@code
 * cmdb.find(actor, CiQuery.all().withType(CiType.DATABASE).withTeam("dba"));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param type the type, or empty for any
 * @param team an owner or support team, or empty for any
 * @param atLeast the lowest criticality, or empty for any
 * @param status the status, or empty for any
 * @param location the location, or empty for any
 * @param text text the id or name contains (ignoring case), or empty
 */
public record CiQuery(
    Optional<CiType> type,
    Optional<String> team,
    Optional<Criticality> atLeast,
    Optional<CiStatus> status,
    Optional<String> location,
    Optional<String> text) {

  private static final CiQuery ALL = new CiQuery(Optional.empty(), Optional.empty(),
      Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   */
  public CiQuery {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(atLeast, "atLeast");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(text, "text");
  }

  /**
   * Matches every item, active or retired.
   *
   * @return the query
   */
  public static CiQuery all() {
    return ALL;
  }

  /**
   * Returns a copy that matches one type.
   *
   * @param type the type
   * @return the copy
   */
  public CiQuery withType(CiType type) {
    return new CiQuery(Optional.of(type), team, atLeast, status, location, text);
  }

  /**
   * Returns a copy that matches items owned or supported by a team.
   *
   * @param team the team
   * @return the copy
   */
  public CiQuery withTeam(String team) {
    return new CiQuery(type, Optional.of(team), atLeast, status, location, text);
  }

  /**
   * Returns a copy that matches items of at least a criticality.
   *
   * @param criticality the lowest criticality
   * @return the copy
   */
  public CiQuery withCriticalityAtLeast(Criticality criticality) {
    return new CiQuery(type, team, Optional.of(criticality), status, location, text);
  }

  /**
   * Returns a copy that matches one status.
   *
   * @param status the status
   * @return the copy
   */
  public CiQuery withStatus(CiStatus status) {
    return new CiQuery(type, team, atLeast, Optional.of(status), location, text);
  }

  /**
   * Returns a copy that matches one location.
   *
   * @param location the location
   * @return the copy
   */
  public CiQuery withLocation(String location) {
    return new CiQuery(type, team, atLeast, status, Optional.of(location), text);
  }

  /**
   * Returns a copy that matches items whose id or name contains a text, ignoring case.
   *
   * @param text the text
   * @return the copy
   */
  public CiQuery withText(String text) {
    return new CiQuery(type, team, atLeast, status, location, Optional.of(text));
  }

  /**
   * Tells whether an item matches.
   *
   * @param ci the item
   * @return {@code true} if every criterion given matches
   */
  public boolean matches(ConfigurationItem ci) {
    Objects.requireNonNull(ci, "ci");
    return type.map(t -> ci.type() == t).orElse(true)
        && team.map(t -> ci.ownerTeam().equals(Optional.of(t)) || ci.supportTeam().equals(Optional.of(t)))
            .orElse(true)
        && atLeast.map(c -> ci.criticality().isAtLeast(c)).orElse(true)
        && status.map(s -> ci.status() == s).orElse(true)
        && location.map(l -> ci.location().equals(Optional.of(l))).orElse(true)
        && text.map(t -> contains(ci.id(), t) || contains(ci.name(), t)).orElse(true);
  }

  private static boolean contains(String s, String part) {
    return s.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
  }
}
