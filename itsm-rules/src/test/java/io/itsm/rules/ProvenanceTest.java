package io.itsm.rules;

import static io.itsm.rules.Tickets.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.itsm.core.ServiceDesk;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.event.Explanation;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.event.Prioritized;
import io.itsm.core.event.Provenance;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Impact;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.Urgency;
import io.itsm.core.triage.TriageAttribute;
import io.itsm.core.triage.TriageDecision;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The default packs' decisions reach the events as structured, typed provenance. */
class ProvenanceTest {

  static final TriageEngine ENGINE = TriageEngine.withDefaults();
  static final Actor ADMIN = Actor.of("root", Role.ADMIN);

  @Test
  void prioritized_listsTheContributingDecisions_typed_andTheBoundThatRaisedThePriority() {
    ServiceDesk desk = ServiceDesk.builder().triagePolicy(ENGINE).build();
    String id = desk.log(ADMIN, ticket("VPN drops every few minutes", Caller.of("u1042").withVip(true))
        .build()).id();

    List<IncidentEvent> history = desk.history(ADMIN, id);
    Provenance p = history.stream().filter(Prioritized.class::isInstance).map(Prioritized.class::cast)
        .findFirst().orElseThrow().decidedBy();
    assertThat(p.kind()).isEqualTo(Provenance.Kind.RULE);
    assertThat(p.name()).isEqualTo("VIP callers raise the priority one level");
    assertThat(p.reason()).isEqualTo("VIP caller u1042: raised from P3"); // not folded with others
    // the priority's set value, then the bound that raised it; then impact and urgency
    assertThat(p.decisions()).extracting(TriageDecision::attribute, TriageDecision::value,
            TriageDecision::rule)
        .containsExactly(
            tuple(TriageAttribute.PRIORITY, Priority.P3,
                "Medium impact and urgency, or high against low, make P3"),
            tuple(TriageAttribute.PRIORITY, Priority.P2,
                "VIP callers raise the priority one level"),
            tuple(TriageAttribute.IMPACT, Impact.MEDIUM,
                "Unknown impact is medium"),
            tuple(TriageAttribute.URGENCY, Urgency.MEDIUM,
                "Unknown urgency is medium"));
    assertThat(p.decision(TriageAttribute.PRIORITY).orElseThrow().effect())
        .isEqualTo(TriageDecision.Effect.AT_LEAST);
    assertThat(p.overruled()).isEmpty();

    Explanation why = desk.explain(ADMIN, id, TriageAttribute.PRIORITY);
    assertThat(why.value()).contains(Priority.P2);
    assertThat(why.lastChange().orElseThrow().who())
        .isEqualTo("by rule 'VIP callers raise the priority one level': VIP caller u1042: raised from P3"
            + " (at least P2: raised from P3 by rule 'Medium impact and urgency, or high against low,"
            + " make P3')");
    Explanation team = desk.explain(ADMIN, id, TriageAttribute.TEAM);
    assertThat(team.lastChange().orElseThrow().who())
        .isEqualTo("by rule 'Each category goes to its team': category network");
  }
}
