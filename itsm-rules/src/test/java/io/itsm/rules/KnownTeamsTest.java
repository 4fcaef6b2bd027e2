package io.itsm.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.ServiceDesk;
import io.itsm.core.ValidationException;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.incident.Assignment;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.SupportLevel;
import io.itsm.core.incident.Ticket;
import io.itsm.rules.testkit.TicketGenerator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The routing data knows the teams; a desk given them refuses assignments to other names. */
class KnownTeamsTest {

  private static final Actor ADMIN = Actor.of("root", Role.ADMIN);

  @Test
  void teamMap_namesEveryTeamItRoutesTo() {
    TeamMap map = TeamMap.of("service-desk", Map.of("network", "network-ops", "security", "security-ops"),
        Map.of("de", "service-desk-de"), Map.of("vendor-x", SupportLevel.VENDOR));
    assertThat(map.teams()).containsExactly(
        "network-ops", "security-ops", "service-desk", "service-desk-de", "vendor-x");
    assertThat(TeamMap.defaults().teams())
        .contains(TeamMap.defaults().fallbackTeam())
        .containsAll(TeamMap.defaults().categoryTeams().values())
        .containsAll(TeamMap.defaults().languageTeams().values());
  }

  @Test
  void deskWithTheDefaultTeams_acceptsEveryDefaultRoute_andRefusesUnknownTeams() {
    ServiceDesk desk = ServiceDesk.builder().triagePolicy(TriageEngine.withDefaults())
        .knownTeams(TeamMap.defaults().teams()).build();
    for (Ticket t : TicketGenerator.generate(300)) {
      Incident inc = desk.log(ADMIN, t);
      assertThat(inc.team()).isPresent();
    }
    String id = desk.log(ADMIN, Ticket.builder().title("VPN drops").build()).id();
    assertThatThrownBy(() -> desk.assign(ADMIN, id, Assignment.toTeam("network-osp", SupportLevel.L2)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("team 'network-osp'")
        .hasMessageContaining("did you mean 'network-ops'?");
    assertThatThrownBy(() -> desk.assign(ADMIN, id, Assignment.toTeam("nosuchteam", SupportLevel.L2)))
        .hasMessageContaining("is not a team of this desk");
  }
}
