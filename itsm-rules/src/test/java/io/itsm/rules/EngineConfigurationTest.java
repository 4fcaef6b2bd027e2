package io.itsm.rules;

import static io.itsm.rules.Tickets.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.ValidationException;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Priority;
import io.itsm.core.triage.TriageResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** withoutPack, withoutRule, rule directories and classpath rules, business hours. */
class EngineConfigurationTest {

  @Test
  void withoutPackAndWithoutRule_leaveThoseRulesOut(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("b.drl"), rule("team.b", "B rule", "B"));
    Files.writeString(dir.resolve("a.drl"), rule("team.a", "A rule", "A"));
    Files.writeString(dir.resolve("notes.txt"), "not a rule file");
    TriageEngine engine =
        TriageEngine.builder()
            .withoutPack("route")
            .withoutRule("VIP callers raise the priority one level")
            .addRulesDirectory(dir)
            .addClasspathRules("team/classpath.drl")
            .build();
    assertThat(engine.ruleNames())
        .contains("A rule", "B rule", "Classpath rule", "Tickets without keywords are Other")
        .doesNotContain("Each category goes to its team", "VIP callers raise the priority one level");
    TriageResult r = engine.triage(ticket("vpn down", Caller.of("u").withVip(true)).build());
    assertThat(r.team()).isEmpty();
    assertThat(r.priority()).contains(Priority.P3);
    assertThat(r.tags()).containsExactlyInAnyOrder("A", "B", "classpath");

    assertThat(engine.ruleFireCounts()).containsEntry("A rule", 1L).containsEntry("Unknown impact is medium", 1L);
  }

  @Test
  void unknownPackOrRule_isRejected() {
    assertThatThrownBy(() -> TriageEngine.builder().withoutPack("routing"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("routing");
    TriageEngine.Builder b = TriageEngine.builder();
    TriageEngine.DEFAULT_PACKS.forEach(b::withoutPack);
    assertThatThrownBy(() -> b.withoutRule("No such rule").build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("No such rule");
  }

  @Test
  void businessHours_feedTheTicketFact() {
    String drl =
        """
        package team;
        import io.itsm.rules.facts.*;
        global io.itsm.rules.facts.RuleDecisions decide;
        rule "Tag tickets outside business hours"
          ruleflow-group "categorize"
        when
          TicketFact(!insideBusinessHours)
        then
          decide.tag("after-hours", "opened outside business hours");
        end
        """;
    TriageEngine.Builder b =
        TriageEngine.builder()
            .businessHours(ZoneId.of("Europe/Stockholm"), LocalTime.of(8, 0), LocalTime.of(17, 0))
            .addRules("hours.drl", drl);
    TriageEngine.DEFAULT_PACKS.forEach(b::withoutPack);
    TriageEngine engine = b.build();
    // 06:30 UTC on a Monday is 08:30 in Stockholm (summer time): inside
    assertThat(engine.triage(ticket("x").openedAt(Instant.parse("2024-06-03T06:30:00Z")).build())
            .tags()).isEmpty();
    assertThat(engine.triage(ticket("x").openedAt(Instant.parse("2024-06-03T15:30:00Z")).build())
            .tags()).containsExactly("after-hours");
    assertThat(engine.triage(ticket("x").openedAt(Instant.parse("2024-06-08T10:00:00Z")).build())
            .tags()).containsExactly("after-hours");
    assertThat(TriageEngine.DEFAULT_BUSINESS_HOURS.test(Instant.parse("2024-06-03T08:00:00Z")))
        .isTrue();
    assertThat(TriageEngine.DEFAULT_BUSINESS_HOURS.test(Instant.parse("2024-06-03T18:00:00Z")))
        .isFalse();
  }

  static String rule(String pkg, String name, String tag) {
    return "package " + pkg + ";\nimport io.itsm.rules.facts.*;\n"
        + "global io.itsm.rules.facts.RuleDecisions decide;\n"
        + "rule \"" + name + "\" ruleflow-group \"approve\" when TicketFact() then decide.tag(\""
        + tag + "\", \"test\"); end\n";
  }
}
