package io.itsm.core.incident.internal;

import io.itsm.core.ValidationException;
import io.itsm.core.kernel.internal.Suggestions;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The teams a desk accepts in assignments, if it was given any: checks a team named by an actor,
 * a triage rule or an escalation policy.
 *
 * <p>Immutable and thread-safe.
 */
public final class KnownTeams {
  private final Optional<Set<String>> teams;

  /**
   * Creates the check.
   *
   * @param teams the known teams; empty to accept any team
   */
  public KnownTeams(Optional<Set<String>> teams) {
    this.teams = teams.map(Set::copyOf);
  }

  /**
   * Tells whether a team is accepted.
   *
   * @param team the team name
   * @return {@code true} without known teams, or if the team is one of them
   */
  public boolean accepts(String team) {
    return teams.isEmpty() || teams.get().contains(team);
  }

  /**
   * Returns the known teams.
   *
   * @return the teams; empty when any team is accepted
   */
  public Optional<Set<String>> teams() {
    return teams;
  }

  /**
   * Checks a team.
   *
   * @param team the team name
   * @param incidentId the incident it is set on, if it exists yet
   * @param source who set it, for example {@code "actor nils"} or {@code "rule 'VPN to network'"}
   * @throws ValidationException naming the team, who set it, the known teams and the closest one
   */
  public void check(String team, Optional<String> incidentId, String source) {
    if (!accepts(team)) {
      throw new ValidationException("team '" + team + "'"
          + incidentId.map(i -> " for incident " + i).orElse("") + " (set by " + source
          + ") is not a team of this desk; known teams: " + new TreeSet<>(teams.get())
          + Suggestions.didYouMean(team, teams.get())
          + "; add it to ServiceDesk.builder().knownTeams(...)");
    }
  }
}
