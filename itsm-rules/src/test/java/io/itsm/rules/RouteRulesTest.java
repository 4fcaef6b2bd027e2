package io.itsm.rules;

import static io.itsm.rules.Tickets.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Impact;
import io.itsm.core.incident.SupportLevel;
import io.itsm.core.incident.Urgency;
import io.itsm.core.triage.TriageAttribute;
import io.itsm.core.triage.TriageResult;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules of {@code route.drl}. */
class RouteRulesTest {

  /** A team map without an entry for "other", and a big one to show lookups stay lookups. */
  static final TeamMap TEAMS;

  static {
    Map<String, String> categories = new HashMap<>(TeamMap.defaults().categoryTeams());
    categories.remove("other");
    for (int i = 0; i < 10_000; i++) {
      categories.put("extra-" + i, "team-" + i);
    }
    TEAMS = TeamMap.of("service-desk", categories, TeamMap.defaults().languageTeams(), Map.of());
  }

  static final TriageEngine ENGINE = TriageEngine.builder().teams(TEAMS).build();

  static final String EACH = "Each category goes to its team";
  static final String NO_TEAM = "Categories without a team go to the service desk";
  static final String LANGUAGE = "Service desk tickets go to the caller's language desk";
  static final String P1 = "P1 pages L2";

  @Test
  void eachCategory_goesToItsTeam_atL2ForSpecialists() {
    TriageResult r = ENGINE.triage(ticket("vpn down").build());
    assertThat(r.team()).contains("network-ops");
    assertThat(r.supportLevel()).contains(SupportLevel.L2);
    assertThat(r.decision(TriageAttribute.TEAM).orElseThrow().rule()).isEqualTo(EACH);
    assertThat(r.firedRules()).doesNotContain(NO_TEAM, LANGUAGE, P1);

    TriageResult desk = ENGINE.triage(ticket("please install visio").build());
    assertThat(desk.team()).contains("service-desk");
    assertThat(desk.supportLevel()).contains(SupportLevel.L1);
  }

  @Test
  void categoriesWithoutTeam_goToTheServiceDesk() {
    TriageResult r = ENGINE.triage(ticket("Something is wrong").build());
    assertThat(r.team()).contains("service-desk");
    assertThat(r.supportLevel()).contains(SupportLevel.L1);
    assertThat(r.decision(TriageAttribute.TEAM).orElseThrow().rule()).isEqualTo(NO_TEAM);
    assertThat(r.firedRules()).doesNotContain(EACH);
  }

  @Test
  void serviceDeskTickets_goToTheCallersLanguageDesk() {
    TriageResult de = ENGINE.triage(ticket("Something", Caller.of("u").withLanguage("de")).build());
    assertThat(de.team()).contains("service-desk-de");
    assertThat(de.supportLevel()).contains(SupportLevel.L1);
    assertThat(de.decision(TriageAttribute.TEAM).orElseThrow().rule()).isEqualTo(LANGUAGE);

    TriageResult fr = ENGINE.triage(ticket("Something", Caller.of("u").withLanguage("fr")).build());
    assertThat(fr.team()).contains("service-desk");
    assertThat(fr.firedRules()).doesNotContain(LANGUAGE);

    TriageResult specialist =
        ENGINE.triage(ticket("vpn down", Caller.of("u").withLanguage("de")).build());
    assertThat(specialist.team()).contains("network-ops");
    assertThat(specialist.firedRules()).doesNotContain(LANGUAGE);
  }

  @Test
  void p1_pagesL2_onlyWhenOtherwiseL1() {
    TriageResult r =
        ENGINE.triage(
            ticket("Something", Caller.of("u").withLanguage("sv"))
                .impact(Impact.HIGH).urgency(Urgency.HIGH).build());
    assertThat(r.team()).contains("service-desk-sv");
    assertThat(r.supportLevel()).contains(SupportLevel.L2);
    assertThat(r.decision(TriageAttribute.SUPPORT_LEVEL).orElseThrow().rule()).isEqualTo(P1);

    TriageResult specialist =
        ENGINE.triage(ticket("vpn down").impact(Impact.HIGH).urgency(Urgency.HIGH).build());
    assertThat(specialist.supportLevel()).contains(SupportLevel.L2);
    assertThat(specialist.firedRules()).doesNotContain(P1);
  }

  @Test
  void uncategorizedTickets_goToTheServiceDesk_whenNoRuleCategorizes() {
    TriageEngine engine = TriageEngine.builder().withoutPack("categorize").build();
    TriageResult r = engine.triage(ticket("vpn down").build());
    assertThat(r.category()).isEmpty();
    assertThat(r.team()).contains("service-desk");
    assertThat(r.decision(TriageAttribute.TEAM).orElseThrow().rule())
        .isEqualTo("Uncategorized tickets go to the service desk");
    assertThat(ENGINE.triage(ticket("vpn down").build()).firedRules())
        .doesNotContain("Uncategorized tickets go to the service desk");
  }
}
