package io.itsm.rules.predict;

import io.itsm.core.ValidationException;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.Ticket;
import io.itsm.core.triage.TriageAttribute;
import java.util.Objects;
import java.util.Optional;

/**
 * A ticket from a team's history with what people decided about it: the material models learn
 * from ({@code category}, {@code team}, {@code priority}) and similar-incident search shows
 * ({@code resolution}).
 *
 * <p>Read many from JSON Lines with {@link History}. Immutable and thread-safe.
 *
 * @param ticket the ticket as it was logged; its {@code id} names the incident in explanations
 * @param category the category people gave it, or null when unknown
 * @param team the team that resolved it, or null when unknown
 * @param priority the priority it had, or null when unknown
 * @param resolution how it was resolved (free text), or null when unknown
 * @param open whether it is still open (open incidents count for major-incident detection)
 */
public record PastIncident(
    Ticket ticket,
    String category,
    String team,
    Priority priority,
    String resolution,
    boolean open) {

  /** The targets a model can learn: the attributes a past incident has labels for. */
  public static final java.util.Set<TriageAttribute> TARGETS =
      java.util.EnumSet.of(TriageAttribute.CATEGORY, TriageAttribute.TEAM, TriageAttribute.PRIORITY);

  /**
   * Validates the components.
   *
   * @throws NullPointerException if {@code ticket} is null
   * @throws ValidationException if a label is blank (use null for unknown)
   */
  public PastIncident {
    Objects.requireNonNull(ticket, "ticket");
    if (category != null && category.isBlank()) {
      throw new ValidationException("category must be null or not blank, but was \"" + category + "\"");
    }
    if (team != null && team.isBlank()) {
      throw new ValidationException("team must be null or not blank, but was \"" + team + "\"");
    }
    if (resolution != null && resolution.isBlank()) {
      resolution = null;
    }
  }

  /**
   * A closed past incident with a category and a team.
   *
   * @param ticket the ticket
   * @param category the category
   * @param team the team
   * @return the past incident
   */
  public static PastIncident of(Ticket ticket, String category, String team) {
    return new PastIncident(ticket, category, team, null, null, false);
  }

  /**
   * Returns the label of a target.
   *
   * @param target {@link TriageAttribute#CATEGORY}, {@link TriageAttribute#TEAM} or {@link
   *     TriageAttribute#PRIORITY}
   * @return the label (a priority as its name, {@code "P2"}), or empty when unknown
   * @throws ValidationException if the target is not one of {@link #TARGETS}
   */
  public Optional<String> label(TriageAttribute target) {
    Objects.requireNonNull(target, "target");
    return switch (target) {
      case CATEGORY -> Optional.ofNullable(category);
      case TEAM -> Optional.ofNullable(team);
      case PRIORITY -> Optional.ofNullable(priority).map(Enum::name);
      default -> throw new ValidationException(
          "target must be one of " + TARGETS + ", but was " + target);
    };
  }

  /**
   * Returns the resolution, if known.
   *
   * @return the resolution text
   */
  public Optional<String> resolutionText() {
    return Optional.ofNullable(resolution);
  }

  /**
   * Returns a copy with another resolution.
   *
   * @param resolution the resolution, or null
   * @return the copy
   */
  public PastIncident withResolution(String resolution) {
    return new PastIncident(ticket, category, team, priority, resolution, open);
  }

  /**
   * Returns a copy that is open or closed.
   *
   * @param open whether it is open
   * @return the copy
   */
  public PastIncident withOpen(boolean open) {
    return new PastIncident(ticket, category, team, priority, resolution, open);
  }
}
