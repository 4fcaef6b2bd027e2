package io.itsm.core.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.core.incident.Assignment;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.IncidentType;
import io.itsm.core.incident.Status;
import io.itsm.core.incident.SupportLevel;
import io.itsm.core.incident.Ticket;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoleBasedAccessPolicyTest {

  private static final Incident INCIDENT = Incident.logged("INC-1", Ticket.builder().title("VPN")
          .caller(Caller.of("owner")).openedAt(Instant.EPOCH).build(), Instant.EPOCH)
      .withAssignment(Assignment.toTeam("network-ops", SupportLevel.L2))
      .withStatus(Status.ASSIGNED, null).withVersion(2, Instant.EPOCH);

  /** role, whether the actor is the caller, whether in the assignment group, permission, allowed. */
  @ParameterizedTest(name = "{0} own={1} team={2} {3} -> {4}")
  @CsvSource({
      "END_USER, true, false, VIEW_ALL, true",
      "END_USER, false, false, VIEW_ALL, false",
      "END_USER, true, false, COMMENT, true",
      "END_USER, false, false, COMMENT, false",
      "END_USER, true, false, WORK_NOTE, false",
      "END_USER, true, false, CONFIRM_ON_BEHALF, true",
      "END_USER, false, false, CONFIRM_ON_BEHALF, false",
      "END_USER, true, false, CANCEL, true",
      "END_USER, true, false, WORK, false",
      "END_USER, true, false, ASSIGN, false",
      "AGENT, false, false, VIEW_ALL, true",
      "AGENT, false, false, WORK, false",
      "AGENT, false, true, WORK, true",
      "AGENT, false, false, CONFIRM_ON_BEHALF, true",
      "AGENT, false, false, DECIDE_APPROVAL, false",
      "AGENT, false, false, CLOSE, false",
      "SPECIALIST, false, true, WORK, true",
      "TEAM_LEAD, false, false, CLOSE, true",
      "MANAGER, false, false, DECIDE_APPROVAL, true",
      "MANAGER, false, false, WORK, false",
      "SENIOR_MANAGER, false, false, DECIDE_APPROVAL, true",
      "ADMIN, false, false, WORK, true",
      "ADMIN, false, false, CLOSE, true",
  })
  void rolePermissionMatrix(Role role, boolean own, boolean inTeam, Permission p, boolean allowed) {
    Actor actor = new Actor(own ? "owner" : "someone", java.util.Set.of(role),
        inTeam ? java.util.Set.of("network-ops") : java.util.Set.of("other-team"));
    assertThat(RoleBasedAccessPolicy.defaults().permits(actor, p, Optional.of(INCIDENT))).isEqualTo(allowed);
  }
}
