package io.itsm.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.core.incident.Ticket;
import io.itsm.core.triage.TriageResult;
import io.itsm.rules.TriageEngine;
import io.itsm.rules.testkit.TicketGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The hand-written department tags decide exactly like the generated team rules of ColdStart. */
class TeamRulesBaselineTest {

  private static final int RULES = 100;

  @Test
  void departmentTags_getTheResultOfDefaultPacksPlusTeamRules() {
    TriageEngine engine =
        TriageEngine.builder().addRules("generated.drl", ColdStart.teamRules(RULES)).build();
    HandWrittenTriage baseline =
        HandWrittenTriage.withDefaults(Set.of(), Set.of()).withDepartmentTags(ColdStart.teamTags(RULES));
    List<Ticket> tickets = new ArrayList<>();
    int i = 0;
    for (Ticket t : TicketGenerator.generate(1_500)) {
      // departments dept-0 .. dept-119: most have a rule, some not; callers without stay so
      int k = i++;
      tickets.add(t.caller().isEmpty() ? t : t.toBuilder()
          .caller(t.caller().get().withDepartment(k % 6 == 0 ? null : "dept-" + (k % 120)))
          .build());
    }
    int tagged = 0;
    for (Ticket t : tickets) {
      HandWrittenTriageTest.assertSame(engine, baseline, t);
      TriageResult r = baseline.triage(t);
      tagged += r.tags().isEmpty() ? 0 : 1;
    }
    assertThat(tagged).as("tickets tagged by a team rule").isGreaterThan(500);
  }
}
