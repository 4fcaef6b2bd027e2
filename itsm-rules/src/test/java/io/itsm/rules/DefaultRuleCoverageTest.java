package io.itsm.rules;

import static io.itsm.rules.Tickets.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Impact;
import io.itsm.core.incident.IncidentType;
import io.itsm.core.incident.Ticket;
import io.itsm.core.incident.Urgency;
import io.itsm.rules.testkit.TicketGenerator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every default rule fires for some ticket (the rule-coverage report will build on this). */
class DefaultRuleCoverageTest {

  @Test
  void everyDefaultRule_firesSomewhere() {
    Map<String, String> categories = new HashMap<>(TeamMap.defaults().categoryTeams());
    categories.remove("other");
    TriageEngine engine =
        TriageEngine.builder()
            .criticalConfigurationItems(TicketGenerator.CRITICAL_CONFIGURATION_ITEMS)
            .criticalServices(TicketGenerator.CRITICAL_SERVICES)
            .teams(TeamMap.of("service-desk", categories, TeamMap.defaults().languageTeams(), Map.of()))
            .build();
    List<Ticket> tickets = new ArrayList<>(TicketGenerator.generate(500));
    tickets.add(
        ticket("I would like to know more").type(IncidentType.SERVICE_REQUEST)
            .urgency(Urgency.LOW).build());
    tickets.add(ticket("Something", Caller.of("u").withLanguage("de"))
        .impact(Impact.HIGH).urgency(Urgency.HIGH).build());
    tickets.forEach(engine::triage);

    TriageEngine uncategorized = TriageEngine.builder().withoutPack("categorize").build();
    uncategorized.triage(ticket("vpn down").build());

    Set<String> never = new TreeSet<>();
    engine.ruleFireCounts().forEach((rule, n) -> {
      if (n == 0 && uncategorized.ruleFireCounts().getOrDefault(rule, 0L) == 0) {
        never.add(rule);
      }
    });
    assertThat(engine.ruleNames()).hasSize(25);
    assertThat(never).as("default rules that never fired").isEmpty();
  }
}
