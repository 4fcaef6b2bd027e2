package io.itsm.core.incident;

import io.itsm.core.ValidationException;
import java.util.Objects;
import java.util.Optional;

/**
 * Who works on an incident: an assignment group (team), optionally one person in it, and the
 * support level.
 *
 * <p>Immutable and thread-safe.
 *
 * @param team the assignment group, for example {@code "network-ops"}; not blank
 * @param assignee the person in the team, when one has taken it
 * @param level the support level
 */
public record Assignment(String team, Optional<String> assignee, SupportLevel level) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if {@code team} or a present {@code assignee} is blank
   */
  public Assignment {
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(assignee, "assignee");
    Objects.requireNonNull(level, "level");
    if (team.isBlank()) {
      throw new ValidationException("assignment team must not be blank, but was '" + team + "'");
    }
    if (assignee.isPresent() && assignee.get().isBlank()) {
      throw new ValidationException("assignment assignee must not be blank when given");
    }
  }

  /**
   * An assignment to a team with nobody in particular.
   *
   * @param team the team
   * @param level the support level
   * @return the assignment
   */
  public static Assignment toTeam(String team, SupportLevel level) {
    return new Assignment(team, Optional.empty(), level);
  }

  /**
   * An assignment to a person in a team.
   *
   * @param team the team
   * @param assignee the person's id
   * @param level the support level
   * @return the assignment
   */
  public static Assignment toPerson(String team, String assignee, SupportLevel level) {
    return new Assignment(team, Optional.of(assignee), level);
  }
}
