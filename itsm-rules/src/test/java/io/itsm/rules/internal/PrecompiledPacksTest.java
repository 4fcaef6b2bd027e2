package io.itsm.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.core.incident.Ticket;
import io.itsm.rules.EscalationEngine;
import io.itsm.rules.TriageEngine;
import io.itsm.rules.testkit.TicketGenerator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The default packs precompiled by the build (see the exec step in itsm-rules' pom). */
class PrecompiledPacksTest {

  private static final ClassLoader LOADER = TriageEngine.class.getClassLoader();

  static List<RuleSource> triageDefaults() {
    List<RuleSource> sources = new ArrayList<>();
    for (String pack : TriageEngine.DEFAULT_PACKS) {
      sources.add(RuleSource.classpath("io/itsm/rules/" + pack + ".drl", LOADER));
    }
    return sources;
  }

  @Test
  void theDefaultSetsArePrecompiled() {
    assertThat(PrecompiledPacks.load(triageDefaults())).isNotNull().isNotEmpty();
    assertThat(
            PrecompiledPacks.load(
                List.of(RuleSource.classpath(EscalationEngine.DEFAULT_RESOURCE, LOADER))))
        .isNotNull()
        .isNotEmpty();
    List<RuleSource> withKnowledge = new ArrayList<>(triageDefaults());
    withKnowledge.add(RuleSource.classpath("io/itsm/rules/knowledge.drl", LOADER));
    assertThat(PrecompiledPacks.load(withKnowledge)).isNotNull().isNotEmpty();
    assertThat(PrecompiledPacks.load(
        List.of(RuleSource.classpath(io.itsm.rules.CaptureEngine.DEFAULT_RESOURCE, LOADER))))
        .isNotNull().isNotEmpty();
    for (String pack : List.of(io.itsm.rules.SurveyEngine.DEFAULT_RESOURCE,
        io.itsm.rules.ReviewEngine.DEFAULT_RESOURCE, io.itsm.rules.RecurrenceEngine.DEFAULT_RESOURCE,
        io.itsm.rules.ActionEscalationEngine.DEFAULT_RESOURCE)) {
      assertThat(PrecompiledPacks.load(List.of(RuleSource.classpath(pack, LOADER))))
          .as(pack).isNotNull().isNotEmpty();
    }
  }

  @Test
  void theCmdbAnnouncementNotifyAndPolicySetsArePrecompiled() {
    List<RuleSource> withCmdb = new ArrayList<>(triageDefaults());
    withCmdb.add(RuleSource.classpath("io/itsm/rules/" + TriageEngine.PACK_CMDB + ".drl", LOADER));
    withCmdb.add(RuleSource.classpath("io/itsm/rules/" + TriageEngine.PACK_ANNOUNCEMENTS + ".drl", LOADER));
    assertThat(PrecompiledPacks.load(withCmdb)).isNotNull().isNotEmpty();
    assertThat(PrecompiledPacks.load(List.of(RuleSource.classpath(io.itsm.rules.NotifyEngine.DEFAULT_RESOURCE, LOADER))))
        .isNotNull().isNotEmpty();
    assertThat(PrecompiledPacks.load(
        List.of(RuleSource.classpath(io.itsm.rules.AnnouncementEngine.DEFAULT_RESOURCE, LOADER))))
        .isNotNull().isNotEmpty();
  }

  @Test
  void otherSetsOrChangedTextAreNot() {
    List<RuleSource> fewer = triageDefaults().subList(0, 3);
    assertThat(PrecompiledPacks.load(fewer)).isNull();
    List<RuleSource> changed = new ArrayList<>(triageDefaults());
    RuleSource last = changed.get(3);
    changed.set(3, RuleSource.text(last.name(), last.read() + "\n// edited\n"));
    assertThat(PrecompiledPacks.load(changed)).isNull();
    assertThat(PrecompiledPacks.load(List.of())).isNull();
  }

  @Test
  void precompiledAndCompiledDefaultsDecideAlike() {
    TriageEngine precompiled = TriageEngine.withDefaults();
    // a team file, even an empty one, makes the engine compile the default packs from DRL
    TriageEngine compiled = TriageEngine.builder().addRules("empty.drl", "package empty;\n").build();
    assertThat(precompiled.ruleNames()).isEqualTo(compiled.ruleNames());
    assertThat(precompiled.rulePrecedences()).isEqualTo(compiled.rulePrecedences());
    for (Ticket t : TicketGenerator.generate(2_000)) {
      assertThat(precompiled.triage(t)).isEqualTo(compiled.triage(t));
    }
  }
}
