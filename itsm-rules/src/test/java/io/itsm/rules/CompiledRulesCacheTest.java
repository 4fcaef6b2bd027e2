package io.itsm.rules;

import static io.itsm.rules.Tickets.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.core.incident.Ticket;
import io.itsm.core.triage.TriageOutcome;
import io.itsm.rules.testkit.TicketGenerator;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compiled-rules cache: a second start reads the compiled team rules back and decides exactly
 * as compiling them; a damaged, foreign or stale set is never used, and is rebuilt.
 */
class CompiledRulesCacheTest {

  static final String TEAM = RuleBudgetTest.HEADER
      + "import io.itsm.core.incident.Priority;\n"
      + "rule \"VPN tickets are tagged\"\n  ruleflow-group \"route\"\nwhen\n"
      + "  DecidedSoFar(category == \"network\")\nthen\n  decide.tag(\"vpn-team\", \"network\");\nend\n"
      + "rule \"VIPs are at least P2\"\n  ruleflow-group \"adjust\"\nwhen\n"
      + "  TicketFact(vip)\nthen\n  decide.atLeast(Priority.P2, \"vip\");\nend\n";

  static final String OTHER = RuleBudgetTest.HEADER
      + "rule \"Printers are tagged\"\n  ruleflow-group \"route\"\nwhen\n"
      + "  TicketFact(title matches \"(?i).*printer.*\")\nthen\n"
      + "  decide.tag(\"printers\", \"printer\");\nend\n";

  @TempDir Path dir;

  private TriageEngine engine(Path rules) {
    return TriageEngine.builder().addRulesDirectory(rules).compiledRulesCache(dir.resolve("cache"))
        .build();
  }

  private Path rules(String name, String drl) throws IOException {
    Path rules = dir.resolve(name);
    Files.createDirectories(rules);
    Files.writeString(rules.resolve("team.drl"), drl);
    return rules;
  }

  private Path onlyCacheFile() throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve("cache"))) {
      List<Path> all = files.toList();
      assertThat(all).hasSize(1);
      return all.get(0);
    }
  }

  private static void assertDecidesAsCompiled(TriageEngine engine, Path rules) {
    TriageEngine compiled = TriageEngine.builder().addRulesDirectory(rules).build();
    List<Ticket> tickets = TicketGenerator.generate(300, 3L);
    List<TriageOutcome> a = engine.triageAll(tickets);
    List<TriageOutcome> b = compiled.triageAll(tickets);
    for (int i = 0; i < tickets.size(); i++) {
      assertThat(a.get(i).orElseThrow()).isEqualTo(b.get(i).orElseThrow());
    }
    assertThat(engine.ruleNames()).isEqualTo(compiled.ruleNames());
  }

  @Test
  void theFirstStartStores_theNextStartLoads_andDecidesExactlyAsCompiling() throws IOException {
    Path rules = rules("rules", TEAM);

    TriageEngine first = engine(rules);
    TriageEngine second = engine(rules);

    assertThat(first.ruleCacheOutcome()).isEqualTo(RuleCacheOutcome.STORED);
    assertThat(second.ruleCacheOutcome()).isEqualTo(RuleCacheOutcome.LOADED);
    assertThat(second.ruleCacheDetail()).contains(onlyCacheFile().toString());
    assertThat(second.triage(ticket("VPN is down").build()).tags())
        .contains("vpn-team");
    assertDecidesAsCompiled(second, rules);
  }

  @Test
  void aDamagedSet_isNotTrusted_butRebuilt_andTheNextStartLoadsTheNewOne() throws IOException {
    Path rules = rules("rules", TEAM);
    engine(rules);
    Path file = onlyCacheFile();
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 100] ^= 0x5a; // one bit pattern in the payload
    Files.write(file, bytes);

    TriageEngine damaged = engine(rules);

    assertThat(damaged.ruleCacheOutcome()).isEqualTo(RuleCacheOutcome.REBUILT);
    assertThat(damaged.ruleCacheDetail()).contains("digest");
    assertDecidesAsCompiled(damaged, rules);
    assertThat(engine(rules).ruleCacheOutcome()).isEqualTo(RuleCacheOutcome.LOADED);
  }

  @Test
  void aTruncatedOrEmptySet_isRebuilt() throws IOException {
    Path rules = rules("rules", TEAM);
    engine(rules);
    Path file = onlyCacheFile();
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    TriageEngine truncated = engine(rules);
    assertThat(truncated.ruleCacheOutcome()).isEqualTo(RuleCacheOutcome.REBUILT);
    assertDecidesAsCompiled(truncated, rules);

    Files.write(file, new byte[0]);
    assertThat(engine(rules).ruleCacheOutcome()).isEqualTo(RuleCacheOutcome.REBUILT);
  }

  @Test
  void aSetWithAValidDigestButOtherRules_isRebuilt() throws IOException {
    Path team = rules("team", TEAM);
    Path other = rules("other", OTHER);
    engine(team);
    Path teamFile = onlyCacheFile();
    Path moved = dir.resolve("team.rules");
    Files.move(teamFile, moved);
    engine(other);
    Path otherFile = onlyCacheFile();
    // the other rules' payload, with its digest, under the team rules' key
    Files.write(teamFile, withHeaderOf(Files.readAllBytes(moved), Files.readAllBytes(otherFile)));

    TriageEngine foreign = engine(team);

    assertThat(foreign.ruleCacheOutcome()).isEqualTo(RuleCacheOutcome.REBUILT);
    assertThat(foreign.ruleCacheDetail()).contains("other rules than the files");
    assertThat(foreign.teamRuleNames()).containsExactly("VIPs are at least P2",
        "VPN tickets are tagged");
    assertDecidesAsCompiled(foreign, team);
  }

  @Test
  void aChangedRuleFile_isCompiledAndStoredAnew_neverServedFromTheOldSet() throws IOException {
    Path rules = rules("rules", TEAM);
    engine(rules);
    Files.writeString(rules.resolve("team.drl"), TEAM.replace("\"vpn-team\"", "\"vpn-squad\""));

    TriageEngine changed = engine(rules);

    assertThat(changed.ruleCacheOutcome()).isEqualTo(RuleCacheOutcome.STORED);
    assertThat(changed.triage(ticket("VPN is down").build()).tags()).contains("vpn-squad")
        .doesNotContain("vpn-team");
    changed.reload();
    assertThat(changed.ruleCacheOutcome()).isEqualTo(RuleCacheOutcome.LOADED);
  }

  @Test
  void aCacheThatCannotBeWritten_costsOnlyTheSpeed_andNoTeamRules_needNoCache() throws IOException {
    Path rules = rules("rules", TEAM);
    Path notADirectory = dir.resolve("file");
    Files.writeString(notADirectory, "x");

    TriageEngine engine = TriageEngine.builder().addRulesDirectory(rules)
        .compiledRulesCache(notADirectory).build();
    TriageEngine defaults = TriageEngine.builder().compiledRulesCache(dir.resolve("cache")).build();

    assertThat(engine.ruleCacheOutcome()).isEqualTo(RuleCacheOutcome.NOT_STORED);
    assertThat(engine.ruleCacheDetail()).contains("cannot write", notADirectory.toString());
    assertThat(engine.triage(ticket("VPN is down").build()).tags()).contains("vpn-team");
    assertThat(defaults.ruleCacheOutcome()).isEqualTo(RuleCacheOutcome.NOT_USED);
    assertThat(TriageEngine.withDefaults().ruleCacheOutcome()).isEqualTo(RuleCacheOutcome.NOT_USED);
    assertThat(Files.exists(dir.resolve("cache"))).isFalse();
  }

  @Test
  void rulesReadBackFromTheCache_nameTheFileAndLineOfFailingCode_asCompiledOnes() throws IOException {
    String drl = RuleBudgetTest.HEADER
        + "rule \"Divides by the users\"\n" // 4
        + "  ruleflow-group \"route\"\n"
        + "when\n"
        + "  TicketFact($n : affectedUsers)\n"
        + "then\n"
        + "  decide.tag(\"share-\" + (100 / $n), \"per user\");\n" // 9
        + "end\n"
        + "rule \"Fails in its condition\"\n" // 11
        + "  ruleflow-group \"route\"\n"
        + "when\n"
        + "  TicketFact(title == \"cond\", 10 / affectedUsers > 1)\n" // 14
        + "then\n"
        + "end\n";
    Path rules = rules("rules", drl);
    engine(rules);
    TriageEngine cached = engine(rules);
    TriageEngine compiled = TriageEngine.builder().addRulesDirectory(rules).build();
    assertThat(cached.ruleCacheOutcome()).isEqualTo(RuleCacheOutcome.LOADED);

    for (Ticket t : List.of(ticket("vpn down").id("B").affectedUsers(0).build(),
        ticket("cond").id("C").affectedUsers(0).build())) {
      RuleExecutionException fromCache = org.assertj.core.api.Assertions.catchThrowableOfType(
          RuleExecutionException.class, () -> cached.triage(t));
      RuleExecutionException fromDrl = org.assertj.core.api.Assertions.catchThrowableOfType(
          RuleExecutionException.class, () -> compiled.triage(t));
      assertThat(fromCache.getMessage()).isEqualTo(fromDrl.getMessage());
      assertThat(fromCache.getRules()).isEqualTo(fromDrl.getRules());
    }
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> cached.triage(
        ticket("vpn down").id("B").affectedUsers(0).build()))).hasMessageContaining("team.drl:9");
  }

  @Test
  void rulesThatFailTheChecks_areNeverStored_andFailAgainAtTheNextStart() throws IOException {
    String drl = RuleBudgetTest.HEADER
        + "rule \"Exits\"\n  ruleflow-group \"route\"\nwhen\n  TicketFact()\nthen\n"
        + "  System.exit(3);\nend\n";
    Path rules = rules("rules", drl);

    for (int start = 0; start < 2; start++) {
      assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> engine(rules)))
          .isInstanceOf(RuleCompilationException.class).hasMessageContaining("System.exit");
    }
    assertThat(Files.exists(dir.resolve("cache"))).isFalse();
    // trusted, the same file is another set: compiled, stored, then loaded
    TriageEngine.Builder trusted = TriageEngine.builder().addRulesDirectory(rules).trustRules()
        .compiledRulesCache(dir.resolve("cache"));
    assertThat(trusted.build().ruleCacheOutcome()).isEqualTo(RuleCacheOutcome.STORED);
    assertThat(trusted.build().ruleCacheOutcome()).isEqualTo(RuleCacheOutcome.LOADED);
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> engine(rules)))
        .as("untrusted, the stored trusted set is not used").isInstanceOf(
            RuleCompilationException.class);
  }

  @Test
  void escalationRules_areCachedToo() {
    EscalationEngine.Builder b = EscalationEngine.builder()
        .addRules("team.drl", EscalationEngineTest.EARLY_MANAGER)
        .compiledRulesCache(dir.resolve("cache"));

    EscalationEngine first = b.build();
    EscalationEngine second = b.build();

    assertThat(first.ruleCacheOutcome()).isEqualTo(RuleCacheOutcome.STORED);
    assertThat(second.ruleCacheOutcome()).isEqualTo(RuleCacheOutcome.LOADED);
    assertThat(second.ruleNames()).isEqualTo(first.ruleNames());
    assertThat(second.teamRuleNames()).isNotEmpty().isEqualTo(first.teamRuleNames());
  }

  /** The format and key of {@code header}'s file, then the rest of {@code body}'s file. */
  private static byte[] withHeaderOf(byte[] header, byte[] body) throws IOException {
    DataInputStream h = new DataInputStream(new java.io.ByteArrayInputStream(header));
    DataInputStream b = new DataInputStream(new java.io.ByteArrayInputStream(body));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DataOutputStream o = new DataOutputStream(out);
    o.writeUTF(h.readUTF());
    o.writeUTF(h.readUTF());
    b.readUTF();
    b.readUTF();
    o.write(b.readAllBytes());
    return out.toByteArray();
  }
}
