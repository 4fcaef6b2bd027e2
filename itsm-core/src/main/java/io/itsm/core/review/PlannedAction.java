package io.itsm.core.review;

import io.itsm.core.ValidationException;
import io.itsm.core.improvement.RecordRef;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A preventive action as a review plans it; when the review is approved it starts as a {@link
 * PreventiveAction}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param title what is to be done, unique within the review; not blank
 * @param owner who is responsible (an actor id); not blank
 * @param team the owner's team; not blank
 * @param dueAt when it must be done
 * @param implementedBy the change, problem or article that implements it, if known already
 */
public record PlannedAction(
    String title, String owner, String team, Instant dueAt, Optional<RecordRef> implementedBy) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if the title, owner or team is blank
   */
  public PlannedAction {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(dueAt, "dueAt");
    Objects.requireNonNull(implementedBy, "implementedBy");
    if (title.isBlank() || owner.isBlank() || team.isBlank()) {
      throw new ValidationException("a preventive action needs a title, an owner and a team, but"
          + " was title '" + title + "', owner '" + owner + "', team '" + team + "'");
    }
  }

  /**
   * A planned action not yet linked to what implements it.
   *
   * @param title what is to be done
   * @param owner who is responsible
   * @param team the owner's team
   * @param dueAt when it must be done
   * @return the action
   */
  public static PlannedAction of(String title, String owner, String team, Instant dueAt) {
    return new PlannedAction(title, owner, team, dueAt, Optional.empty());
  }

  /**
   * Returns a copy linked to what implements it.
   *
   * @param ref the change, problem or article
   * @return the copy
   */
  public PlannedAction withImplementedBy(RecordRef ref) {
    return new PlannedAction(title, owner, team, dueAt, Optional.of(ref));
  }
}
