package io.itsm.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.core.incident.Ticket;
import io.itsm.core.json.DecisionWriter;
import io.itsm.core.json.ItsmJson;
import io.itsm.core.triage.TriageOutcome;
import io.itsm.rules.TriageEngine;
import io.itsm.rules.testkit.TicketGenerator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The topology's logic on Kafka's {@link TopologyTestDriver}: no broker. */
class TriageTopologyTest {

  static final ItsmJson JSON = ItsmJson.defaults();

  static final String THROWS = """
      package team;
      import io.itsm.rules.facts.*;
      global io.itsm.rules.facts.RuleDecisions decide;

      rule "Dereferences null"
        ruleflow-group "route"
      when
        $t : TicketFact(title == "trigger")
      then
        String missing = null;
        int n = missing.length();
      end
      """;

  static final String TAGS_VPN = """
      package team;
      import io.itsm.rules.facts.*;
      global io.itsm.rules.facts.RuleDecisions decide;

      rule "Tag every ticket %s"
        ruleflow-group "approve"
      when
        TicketFact()
      then
        decide.tag("%s", "the team's reason");
      end
      """;

  @TempDir Path dir;

  TopologyTestDriver driver;
  TestInputTopic<byte[], byte[]> tickets;
  TestOutputTopic<String, String> decisions;
  TestOutputTopic<byte[], byte[]> deadLetters;
  TestOutputTopic<String, String> status;

  @AfterEach
  void close() {
    if (driver != null) {
      driver.close();
    }
  }

  TriageTopology start(RulesSource rules) {
    TriageTopology t = TriageTopology.builder()
        .ticketsTopic("tickets")
        .decisionsTopic("decisions")
        .deadLettersTopic("dead")
        .statusTopic("status")
        .rules(rules)
        .reloadInterval(Duration.ofSeconds(1))
        .build();
    Properties p = TriageStreams.defaultConfig();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "triage-test");
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver = new TopologyTestDriver(t.topology(), p, Instant.parse("2026-12-02T20:00:00Z"));
    ByteArraySerializer bytes = new ByteArraySerializer();
    tickets = driver.createInputTopic("tickets", bytes, bytes);
    decisions = driver.createOutputTopic(
        "decisions", new StringDeserializer(), new StringDeserializer());
    deadLetters = driver.createOutputTopic(
        "dead", new ByteArrayDeserializer(), new ByteArrayDeserializer());
    status = driver.createOutputTopic("status", new StringDeserializer(), new StringDeserializer());
    return t;
  }

  void send(String key, String value) {
    tickets.pipeInput(key == null ? null : utf8(key), value == null ? null : utf8(value));
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String header(Headers h, String name) {
    Header last = h.lastHeader(name);
    return last == null ? null : new String(last.value(), StandardCharsets.UTF_8);
  }

  static String ticket(String id, String title) {
    return "{\"id\":\"" + id + "\",\"title\":\"" + title + "\",\"description\":\"\","
        + "\"openedAt\":\"2026-12-01T10:00:00Z\"}";
  }

  /**
   * Lets a punctuation start a check of the rules directory, waits for the check (it runs on a
   * thread of its own) and lets the next punctuation publish what it found.
   */
  List<RulesStatus> checkAndPublish(TriageTopology t) throws InterruptedException {
    driver.advanceWallClockTime(Duration.ofSeconds(1));
    awaitCheck(t);
    driver.advanceWallClockTime(Duration.ofSeconds(1));
    return statuses();
  }

  /** Waits until no check of the rules directory runs. */
  static void awaitCheck(TriageTopology t) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (t.reloadChecking()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("the check of the rules directory did not end within 60 s");
      }
      Thread.sleep(5);
    }
  }

  List<RulesStatus> statuses() {
    List<RulesStatus> out = new ArrayList<>();
    for (TestRecord<String, String> r : status.readRecordsToList()) {
      out.add(RulesStatus.fromJson(r.value()));
    }
    return out;
  }

  @Test
  void decisions_areTheEnginesDecisionsForTheSameTickets_inItsmTriageFormat() {
    start(RulesSource.defaultPacks());
    List<Ticket> generated = TicketGenerator.generate(300);
    for (Ticket t : generated) {
      send(t.id().orElseThrow(), JSON.writeTicket(t));
    }
    List<TriageOutcome> expected = TriageEngine.withDefaults().triageAll(generated);
    List<TestRecord<String, String>> out = decisions.readRecordsToList();
    assertThat(out).hasSize(generated.size());
    for (int i = 0; i < generated.size(); i++) {
      String id = generated.get(i).id().orElseThrow();
      assertThat(out.get(i).key()).isEqualTo(id);
      assertThat(out.get(i).value())
          .isEqualTo(DecisionWriter.toJson(id, expected.get(i).orElseThrow()))
          .contains("\"explanations\":[{");
      assertThat(header(out.get(i).headers(), DeadLetterHeaders.RULES_VERSION)).isEqualTo("1");
    }
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  /** The names of the live threads that are rule workers of a budgeted engine. */
  static Set<String> ruleWorkers() {
    return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
        .filter(n -> n.startsWith("itsm-rules-")).collect(Collectors.toSet());
  }

  @Test
  void theDefaultPacksAlone_fireOnTheStreamThread_teamRulesOnABudgetedWorker() throws Exception {
    Set<String> before = ruleWorkers();
    start(RulesSource.defaultPacks());
    for (Ticket t : TicketGenerator.generate(20)) {
      send(t.id().orElseThrow(), JSON.writeTicket(t));
    }
    assertThat(decisions.readRecordsToList()).hasSize(20);
    assertThat(ruleWorkers()).as("no rule worker: the default packs fired on the stream thread")
        .isSubsetOf(before);
    driver.close();

    Files.writeString(dir.resolve("a.drl"), TAGS_VPN.formatted("a", "alpha"));
    start(RulesSource.directory(dir));
    send("W-1", ticket("W-1", "VPN down"));
    assertThat(decisions.readRecordsToList()).hasSize(1);
    assertThat(ruleWorkers()).as("team rules fire on a new worker, within the time budget")
        .anyMatch(n -> !before.contains(n));
    driver.close();

    Set<String> beforeBudget = ruleWorkers();
    start(RulesSource.defaultPacks().withEngine(b -> b.timeBudget(Duration.ofSeconds(5))));
    send("W-2", ticket("W-2", "VPN down"));
    assertThat(decisions.readRecordsToList()).hasSize(1);
    assertThat(ruleWorkers()).as("a budget in the engine settings still applies")
        .anyMatch(n -> !beforeBudget.contains(n));
  }

  @Test
  void aTicketWithoutId_isDecidedUnderItsRecordKey() {
    start(RulesSource.defaultPacks());
    send("K-1", "{\"title\":\"VPN down\",\"openedAt\":\"2026-12-01T10:00:00Z\"}");
    TestRecord<String, String> r = decisions.readRecord();
    assertThat(r.key()).isEqualTo("K-1");
    assertThat(r.value()).startsWith("{\"id\":\"K-1\",\"category\":\"network\"");
  }

  @Test
  void malformedJson_goesToTheDeadLetters_withItsBytesHeadersAndSource() {
    start(RulesSource.defaultPacks());
    send("A-1", ticket("A-1", "first"));
    Headers original = new RecordHeaders().add("trace-id", utf8("abc"));
    tickets.pipeInput(new TestRecord<>(utf8("A-2"), utf8("{\"id\":\"A-2\",\"title\":"), original,
        Instant.parse("2026-12-02T19:00:00Z")));
    send("A-3", ticket("A-3", "third"));

    assertThat(decisions.readKeyValuesToList()).extracting(kv -> kv.key)
        .containsExactly("A-1", "A-3");
    TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
    assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("A-2");
    assertThat(new String(dead.value(), StandardCharsets.UTF_8))
        .isEqualTo("{\"id\":\"A-2\",\"title\":");
    assertThat(dead.timestamp()).isEqualTo(Instant.parse("2026-12-02T19:00:00Z").toEpochMilli());
    Headers h = dead.headers();
    assertThat(header(h, "trace-id")).isEqualTo("abc");
    assertThat(header(h, DeadLetterHeaders.KIND)).isEqualTo(DeadLetterHeaders.KIND_MALFORMED_JSON);
    assertThat(header(h, DeadLetterHeaders.MESSAGE)).contains("malformed JSON");
    assertThat(header(h, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("tickets");
    assertThat(header(h, DeadLetterHeaders.SOURCE_PARTITION)).isEqualTo("0");
    assertThat(header(h, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("1");
    assertThat(header(h, DeadLetterHeaders.RULES_VERSION)).isEqualTo("1");
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void anInvalidTicket_goesToTheDeadLetters_namingTheField() {
    start(RulesSource.defaultPacks());
    send("B-1", "{\"id\":\"B-1\",\"title\":\"x\",\"impact\":\"HUGE\"}");
    send("B-2", "{\"id\":\"B-2\"}");
    List<TestRecord<byte[], byte[]>> dead = deadLetters.readRecordsToList();
    assertThat(dead).hasSize(2);
    assertThat(header(dead.get(0).headers(), DeadLetterHeaders.KIND))
        .isEqualTo(DeadLetterHeaders.KIND_INVALID_TICKET);
    assertThat(header(dead.get(0).headers(), DeadLetterHeaders.PATH)).isEqualTo("$.impact");
    assertThat(header(dead.get(0).headers(), DeadLetterHeaders.MESSAGE)).contains("HUGE");
    assertThat(header(dead.get(1).headers(), DeadLetterHeaders.KIND))
        .isEqualTo(DeadLetterHeaders.KIND_INVALID_TICKET);
    assertThat(header(dead.get(1).headers(), DeadLetterHeaders.MESSAGE)).contains("title");
    assertThat(decisions.isEmpty()).isTrue();
  }

  @Test
  void emptyValues_missingIdsAndKeysThatAreNotTheId_goToTheDeadLetters() {
    start(RulesSource.defaultPacks());
    send("C-1", null);
    send("C-2", "");
    send(null, "{\"title\":\"no id anywhere\"}");
    send("C-4", ticket("OTHER", "printer"));
    List<String> kinds = deadLetters.readRecordsToList().stream()
        .map(r -> header(r.headers(), DeadLetterHeaders.KIND)).toList();
    assertThat(kinds).containsExactly(DeadLetterHeaders.KIND_EMPTY, DeadLetterHeaders.KIND_EMPTY,
        DeadLetterHeaders.KIND_NO_ID, DeadLetterHeaders.KIND_KEY_MISMATCH);
    assertThat(decisions.isEmpty()).isTrue();
  }

  @Test
  void aRuleThatThrows_sendsOnlyItsTicketToTheDeadLetters_namingRuleAndLine() throws Exception {
    Files.writeString(dir.resolve("throws.drl"), THROWS);
    start(RulesSource.directory(dir));
    send("D-1", ticket("D-1", "VPN down"));
    send("D-2", ticket("D-2", "trigger"));
    send("D-3", ticket("D-3", "printer jam"));
    assertThat(decisions.readKeyValuesToList()).extracting(kv -> kv.key)
        .containsExactly("D-1", "D-3");
    TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
    Headers h = dead.headers();
    assertThat(header(h, DeadLetterHeaders.KIND)).isEqualTo(DeadLetterHeaders.KIND_TRIAGE_FAILED);
    assertThat(header(h, DeadLetterHeaders.RULE)).isEqualTo("Dereferences null");
    assertThat(header(h, DeadLetterHeaders.LOCATION))
        .isEqualTo(dir.resolve("throws.drl") + ":11");
    assertThat(header(h, DeadLetterHeaders.MESSAGE)).contains("NullPointerException");
    assertThat(header(h, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("1");
  }

  @Test
  void theFirstPunctuation_publishesTheLoadedRules() throws Exception {
    Files.writeString(dir.resolve("a.drl"), TAGS_VPN.formatted("a", "alpha"));
    TriageTopology t = start(RulesSource.directory(dir));
    driver.advanceWallClockTime(Duration.ofSeconds(1));
    List<RulesStatus> s = statuses();
    assertThat(s).hasSize(1);
    assertThat(s.get(0).event()).isEqualTo(RulesStatus.Event.LOADED);
    assertThat(s.get(0).source()).isEqualTo(dir.toString());
    assertThat(s.get(0).serving()).isEqualTo(t.currentRules());
    assertThat(s.get(0).serving().version()).isEqualTo(1);
    assertThat(s.get(0).serving().files()).containsExactly(dir.resolve("a.drl").toString());
    assertThat(s.get(0).serving().hash()).hasSize(64);
    driver.advanceWallClockTime(Duration.ofSeconds(5));
    awaitCheck(t);
    driver.advanceWallClockTime(Duration.ofSeconds(1));
    assertThat(status.isEmpty()).as("nothing changed: nothing published").isTrue();
  }

  @Test
  void aChangedDirectory_isReloadedWithoutRestart_andPublishesTheNewVersion() throws Exception {
    Files.writeString(dir.resolve("a.drl"), TAGS_VPN.formatted("a", "alpha"));
    TriageTopology t = start(RulesSource.directory(dir));
    driver.advanceWallClockTime(Duration.ofSeconds(1));
    RulesVersion first = statuses().get(0).serving();
    send("E-1", ticket("E-1", "VPN down"));
    assertThat(decisions.readValue()).contains("\"value\":\"alpha\"").doesNotContain("beta");

    Files.writeString(dir.resolve("b.drl"), TAGS_VPN.formatted("b", "beta"));
    List<RulesStatus> s = checkAndPublish(t);
    assertThat(s).hasSize(1);
    assertThat(s.get(0).event()).isEqualTo(RulesStatus.Event.LOADED);
    assertThat(s.get(0).serving().version()).isEqualTo(2);
    assertThat(s.get(0).serving().hash()).isNotEqualTo(first.hash());
    assertThat(s.get(0).serving().files()).hasSize(2);
    assertThat(t.currentRules().version()).isEqualTo(2);

    send("E-2", ticket("E-2", "VPN down"));
    TestRecord<String, String> r = decisions.readRecord();
    assertThat(r.value()).contains("\"value\":\"alpha\"").contains("\"value\":\"beta\"");
    assertThat(header(r.headers(), DeadLetterHeaders.RULES_VERSION)).isEqualTo("2");
  }

  @Test
  void aReloadThatCompilesForLong_doesNotPauseTheStream_whichTriagesWithTheOldRulesMeanwhile()
      throws Exception {
    Files.writeString(dir.resolve("a.drl"), TAGS_VPN.formatted("a", "alpha"));
    CountDownLatch compiling = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean compiled = new AtomicBoolean();
    AtomicInteger loads = new AtomicInteger();
    TriageTopology t = start(RulesSource.directory(dir).withEngine(b -> {
      if (loads.incrementAndGet() > 1) { // the reload, not the first load
        compiling.countDown();
        try {
          release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        compiled.set(true);
      }
    }));
    driver.advanceWallClockTime(Duration.ofSeconds(1));
    statuses();

    Files.writeString(dir.resolve("b.drl"), TAGS_VPN.formatted("b", "beta"));
    driver.advanceWallClockTime(Duration.ofSeconds(1)); // starts the check, does not wait for it
    assertThat(compiling.await(60, TimeUnit.SECONDS)).as("the reload started").isTrue();
    assertThat(compiled).as("the punctuation returned while the reload compiles").isFalse();
    assertThat(t.reloadChecking()).isTrue();
    send("S-1", ticket("S-1", "VPN down"));
    TestRecord<String, String> r = decisions.readRecord();
    assertThat(r.value()).contains("\"value\":\"alpha\"").doesNotContain("beta");
    assertThat(header(r.headers(), DeadLetterHeaders.RULES_VERSION)).isEqualTo("1");
    driver.advanceWallClockTime(Duration.ofSeconds(1));
    assertThat(status.isEmpty()).as("nothing to publish while the reload runs").isTrue();

    release.countDown();
    awaitCheck(t);
    driver.advanceWallClockTime(Duration.ofSeconds(1));
    List<RulesStatus> s = statuses();
    assertThat(s).extracting(RulesStatus::event).containsExactly(RulesStatus.Event.LOADED);
    assertThat(s.get(0).serving().version()).isEqualTo(2);
    send("S-2", ticket("S-2", "VPN down"));
    assertThat(decisions.readValue()).contains("\"value\":\"beta\"");
  }

  @Test
  void aReloadThatFailsToCompile_keepsTheOldRules_andSaysWhereOnTheStatusTopic()
      throws Exception {
    Files.writeString(dir.resolve("a.drl"), TAGS_VPN.formatted("a", "alpha"));
    TriageTopology t = start(RulesSource.directory(dir));
    driver.advanceWallClockTime(Duration.ofSeconds(1));
    RulesVersion first = statuses().get(0).serving();

    Files.writeString(dir.resolve("broken.drl"), """
        package team;
        import io.itsm.rules.facts.*;
        global io.itsm.rules.facts.RuleDecisions decide;

        rule "Misspelt"
          ruleflow-group "approve"
        when
          TicketFact()
        then
          decide.tagg("x", "y");
        end
        """);
    List<RulesStatus> s = checkAndPublish(t);
    assertThat(s).hasSize(1);
    RulesStatus failed = s.get(0);
    assertThat(failed.event()).isEqualTo(RulesStatus.Event.RELOAD_FAILED);
    assertThat(failed.serving()).isEqualTo(first);
    assertThat(failed.failedHash()).hasSize(64).isNotEqualTo(first.hash());
    assertThat(failed.problems()).isNotEmpty();
    assertThat(failed.problems().get(0).file()).isEqualTo(dir.resolve("broken.drl").toString());
    assertThat(failed.problems().get(0).line()).isEqualTo(10);
    assertThat(t.currentRules()).isEqualTo(first);

    send("F-1", ticket("F-1", "VPN down"));
    TestRecord<String, String> r = decisions.readRecord();
    assertThat(r.value()).contains("\"value\":\"alpha\"");
    assertThat(header(r.headers(), DeadLetterHeaders.RULES_VERSION)).isEqualTo("1");

    driver.advanceWallClockTime(Duration.ofSeconds(3));
    awaitCheck(t);
    driver.advanceWallClockTime(Duration.ofSeconds(1));
    assertThat(status.isEmpty()).as("the same failure is published once").isTrue();

    Files.delete(dir.resolve("broken.drl"));
    Files.writeString(dir.resolve("c.drl"), TAGS_VPN.formatted("c", "gamma"));
    RulesStatus fixed = checkAndPublish(t).get(0);
    assertThat(fixed.event()).isEqualTo(RulesStatus.Event.LOADED);
    assertThat(fixed.serving().version()).isEqualTo(2);
  }

  @Test
  void aDirectoryThatDisappears_keepsTheOldRules_andIsReportedOnce() throws Exception {
    Path rules = Files.createDirectory(dir.resolve("rules"));
    Files.writeString(rules.resolve("a.drl"), TAGS_VPN.formatted("a", "alpha"));
    TriageTopology t = start(RulesSource.directory(rules));
    driver.advanceWallClockTime(Duration.ofSeconds(1));
    statuses();
    Files.delete(rules.resolve("a.drl"));
    Files.delete(rules);
    List<RulesStatus> s = checkAndPublish(t);
    s.addAll(checkAndPublish(t));
    assertThat(s).hasSize(1);
    assertThat(s.get(0).event()).isEqualTo(RulesStatus.Event.RELOAD_FAILED);
    assertThat(s.get(0).problems().get(0).message()).contains("does not exist");
    assertThat(t.currentRules().version()).isEqualTo(1);
  }

  @Test
  void reloadNow_reloadsAtOnce_andTheStatusIsStillPublished() throws Exception {
    TriageTopology t = start(RulesSource.directory(dir));
    Files.writeString(dir.resolve("a.drl"), TAGS_VPN.formatted("a", "alpha"));
    RulesStatus s = t.reloadNow().orElseThrow();
    assertThat(s.serving().version()).isEqualTo(2);
    assertThat(t.reloadNow()).isEmpty();
    driver.advanceWallClockTime(Duration.ofSeconds(1));
    assertThat(statuses()).extracting(x -> x.serving().version()).containsExactly(1L, 2L);
  }

  @Test
  void theTriageLatencyAndDeadLetterSensors_areKafkaStreamsMetrics() {
    start(RulesSource.defaultPacks());
    send("G-1", ticket("G-1", "VPN down"));
    send("G-2", ticket("G-2", "printer"));
    send("G-3", "not json");
    Map<MetricName, ? extends Metric> m = driver.metrics();
    assertThat(value(m, TriageMetrics.TRIAGE_TOTAL)).isEqualTo(2.0);
    assertThat(value(m, TriageMetrics.DEAD_LETTER_TOTAL)).isEqualTo(1.0);
    assertThat(value(m, TriageMetrics.TRIAGE_LATENCY_MAX)).isGreaterThan(0.0);
    assertThat(value(m, TriageMetrics.TRIAGE_LATENCY_AVG)).isGreaterThan(0.0);
    assertThat(m.keySet()).anyMatch(n -> n.name().equals("process-total"));
  }

  static double value(Map<MetricName, ? extends Metric> metrics, String name) {
    return metrics.entrySet().stream()
        .filter(e -> e.getKey().group().equals(TriageMetrics.GROUP)
            && e.getKey().name().equals(name)
            && e.getKey().tags().get(TriageMetrics.TAG).equals("0_0"))
        .map(e -> ((Number) e.getValue().metricValue()).doubleValue())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no metric " + name + " in " + metrics.keySet()));
  }
}
