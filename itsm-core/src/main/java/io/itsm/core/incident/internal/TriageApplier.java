package io.itsm.core.incident.internal;

import io.itsm.core.event.ApprovalRequirementDecided;
import io.itsm.core.event.Assigned;
import io.itsm.core.event.Categorized;
import io.itsm.core.event.Prioritized;
import io.itsm.core.event.Provenance;
import io.itsm.core.event.Tagged;
import io.itsm.core.incident.Assignment;
import io.itsm.core.incident.Catalogue;
import io.itsm.core.incident.Impact;
import io.itsm.core.incident.Status;
import io.itsm.core.incident.SupportLevel;
import io.itsm.core.incident.Ticket;
import io.itsm.core.incident.Urgency;
import io.itsm.core.triage.TriageAttribute;
import io.itsm.core.triage.TriageResult;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies a triage result to a newly logged incident: checks its category against the catalogue
 * and its team against the known teams, then records one event per decided attribute, each with
 * the decisions behind it ({@link Provenance#ofTriage}): {@link Categorized}, {@link Prioritized}
 * (impact and urgency not decided are taken from the trusted ticket, else MEDIUM), {@link
 * Assigned} (the status becomes ASSIGNED), {@link ApprovalRequirementDecided} and {@link Tagged}.
 *
 * <p>Immutable and thread-safe.
 */
public final class TriageApplier {
  private final Catalogue catalogue;
  private final KnownTeams teams;

  /**
   * Creates the applier.
   *
   * @param catalogue the category catalogue
   * @param teams the known teams
   */
  public TriageApplier(Catalogue catalogue, KnownTeams teams) {
    this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    this.teams = Objects.requireNonNull(teams, "teams");
  }

  /**
   * Checks what a result decided before anything is recorded.
   *
   * @param result the triage result
   * @throws io.itsm.core.ValidationException if its category is not in the catalogue or its team
   *     is not known, naming the rule that decided it
   */
  public void check(TriageResult result) {
    result.category().ifPresent(c -> catalogue.check(c, result.subcategory(),
        "rule '" + result.decision(TriageAttribute.CATEGORY).orElseThrow().rule() + "'"));
    result.team().ifPresent(team -> teams.check(team, Optional.empty(),
        "rule '" + result.decision(TriageAttribute.TEAM).orElseThrow().rule() + "'"));
  }

  /**
   * Records a result's events.
   *
   * @param r the recorder of the command logging the incident, after its {@code IncidentLogged}
   * @param trusted the ticket as the desk trusts it (what triage saw)
   * @param result the triage result, {@linkplain #check checked}
   */
  public void apply(Recorder r, Ticket trusted, TriageResult result) {
    String id = r.state().id();
    Instant now = r.now();
    String actorId = r.actor().id();
    result.category().ifPresent(category ->
        r.record(new Categorized(id, r.seq(), now, actorId, category, result.subcategory(),
            Provenance.ofTriage(result, TriageAttribute.CATEGORY, TriageAttribute.SUBCATEGORY))));
    result.priority().ifPresent(priority -> {
      Impact impact = result.impact().or(trusted::impact).orElse(Impact.MEDIUM);
      Urgency urgency = result.urgency().or(trusted::urgency).orElse(Urgency.MEDIUM);
      r.record(new Prioritized(id, r.seq(), now, actorId, impact, urgency, priority,
          Provenance.ofTriage(result, TriageAttribute.PRIORITY, TriageAttribute.IMPACT,
              TriageAttribute.URGENCY)));
    });
    result.team().ifPresent(team -> {
      SupportLevel level = result.supportLevel().orElse(SupportLevel.L1);
      r.record(new Assigned(id, r.seq(), now, actorId, Assignment.toTeam(team, level),
          Status.ASSIGNED,
          Provenance.ofTriage(result, TriageAttribute.TEAM, TriageAttribute.SUPPORT_LEVEL)));
    });
    if (result.decision(TriageAttribute.APPROVAL_REQUIRED).isPresent()) {
      r.record(new ApprovalRequirementDecided(id, r.seq(), now, actorId,
          result.approvalRequired(), Provenance.ofTriage(result, TriageAttribute.APPROVAL_REQUIRED)));
    }
    if (!result.tags().isEmpty()) {
      r.record(new Tagged(id, r.seq(), now, actorId, result.tags(),
          Provenance.ofTriage(result, TriageAttribute.TAG)));
    }
  }
}
