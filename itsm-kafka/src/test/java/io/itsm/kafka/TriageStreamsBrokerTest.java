package io.itsm.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.core.incident.Ticket;
import io.itsm.core.json.DecisionWriter;
import io.itsm.core.json.ItsmJson;
import io.itsm.core.triage.TriageOutcome;
import io.itsm.kafka.testkit.KafkaTestBroker;
import io.itsm.rules.TriageEngine;
import io.itsm.rules.testkit.TicketGenerator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end against a real Kafka broker (KRaft, started by {@link KafkaTestBroker} in this JVM):
 * tickets produced to a 2-partition topic come back as decisions exactly once, bad records as
 * dead letters, and a rule file dropped into the watched directory serves without a restart.
 * Every wait polls with a generous deadline: no fixed sleeps.
 */
class TriageStreamsBrokerTest {

  static final Duration DEADLINE = Duration.ofSeconds(180);

  static KafkaTestBroker kafka;

  @TempDir Path dir;

  @BeforeAll
  static void startBroker() {
    kafka = KafkaTestBroker.start();
    kafka.createTopic("tickets", 2);
    kafka.createTopic("decisions", 2);
    kafka.createTopic("dead", 1);
    kafka.createTopic("status", 1);
  }

  @AfterAll
  static void stopBroker() {
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void tickets_comeBackAsDecisionsExactlyOnce_andNewRulesServeWithoutRestart() throws Exception {
    Path rules = Files.createDirectory(dir.resolve("rules"));
    Files.writeString(rules.resolve("a.drl"), TriageTopologyTest.TAGS_VPN.formatted("a", "alpha"));
    TriageTopology topology = topology("", rules);
    List<Ticket> tickets = TicketGenerator.generate(200);
    TriageEngine reference =
        TriageEngine.builder().addRules(rules.resolve("a.drl").toString(),
            Files.readString(rules.resolve("a.drl"))).build();
    List<TriageOutcome> expected = reference.triageAll(tickets);

    try (TriageStreams streams = TriageStreams.builder(topology)
            .bootstrapServers(kafka.bootstrapServers())
            .applicationId("itsm-e2e")
            .threads(2)
            .config(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state").toString())
            .build();
        KafkaProducer<String, String> producer = producer();
        KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      streams.start();
      ItsmJson json = ItsmJson.defaults();
      for (Ticket t : tickets) {
        producer.send(new ProducerRecord<>("tickets", t.id().orElseThrow(), json.writeTicket(t)));
      }
      producer.send(new ProducerRecord<>("tickets", "BAD-1", "{not json"));
      producer.send(new ProducerRecord<>("tickets", "BAD-2", "{\"id\":\"BAD-2\"}"));
      producer.flush();

      consumer.subscribe(List.of("decisions", "dead", "status"));
      Seen seen = new Seen();
      seen.pollUntil(consumer, s -> s.decisions.size() >= tickets.size() && s.dead.size() >= 2
          && !s.status.isEmpty(), "200 decisions, 2 dead letters and a status");

      assertThat(seen.duplicates).as("exactly once: no decision twice").isEmpty();
      for (int i = 0; i < tickets.size(); i++) {
        String id = tickets.get(i).id().orElseThrow();
        assertThat(seen.decisions.get(id))
            .isEqualTo(DecisionWriter.toJson(id, expected.get(i).orElseThrow()));
      }
      assertThat(seen.dead.keySet()).containsExactlyInAnyOrder("BAD-1", "BAD-2");
      assertThat(seen.dead.get("BAD-1")).isEqualTo(DeadLetterHeaders.KIND_MALFORMED_JSON);
      assertThat(seen.dead.get("BAD-2")).isEqualTo(DeadLetterHeaders.KIND_INVALID_TICKET);
      assertThat(seen.status.get(0).event()).isEqualTo(RulesStatus.Event.LOADED);
      assertThat(seen.status.get(0).serving().version()).isEqualTo(1);

      // a new team file in the watched directory serves without a restart
      Files.writeString(rules.resolve("b.drl"), TriageTopologyTest.TAGS_VPN.formatted("b", "beta"));
      seen.pollUntil(consumer, s -> s.status.stream().anyMatch(x -> x.serving().version() == 2),
          "the status of rules version 2");
      producer.send(new ProducerRecord<>("tickets", "LATE-1",
          TriageTopologyTest.ticket("LATE-1", "VPN down")));
      producer.flush();
      seen.pollUntil(consumer, s -> s.decisions.containsKey("LATE-1"), "the decision of LATE-1");
      assertThat(seen.decisions.get("LATE-1")).contains("\"value\":\"alpha\"")
          .contains("\"value\":\"beta\"");

      double triaged = streams.metrics().entrySet().stream()
          .filter(e -> e.getKey().group().equals(TriageMetrics.GROUP)
              && e.getKey().name().equals(TriageMetrics.TRIAGE_TOTAL))
          .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue())
          .sum();
      // a task's sensor lives as long as the task on this instance: the first rebalances of two
      // threads may move a task (and restart its count), so the total is at most every ticket
      assertThat(triaged).isPositive().isLessThanOrEqualTo(tickets.size() + 1);
      assertThat(streams.close(Duration.ofSeconds(60))).isTrue();
      assertThat(streams.state()).isEqualTo(KafkaStreams.State.NOT_RUNNING);
    }
  }

  @Test
  void anInstanceWithoutPartitions_keepsItsRulesCurrent_andPublishesItsStatus() throws Exception {
    kafka.createTopic("tickets-one", 1);
    kafka.createTopic("decisions-one", 1);
    kafka.createTopic("dead-one", 1);
    kafka.createTopic("status-one", 1);
    Path rules = Files.createDirectory(dir.resolve("rules-one"));
    Files.writeString(rules.resolve("a.drl"), TriageTopologyTest.TAGS_VPN.formatted("a", "alpha"));
    List<TriageStreams> instances = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      for (int i = 0; i < 2; i++) { // one partition: one of the two instances has nothing to do
        TriageStreams streams = TriageStreams.builder(topology("-one", rules))
            .bootstrapServers(kafka.bootstrapServers())
            .applicationId("itsm-one-partition")
            .config(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state-" + i).toString())
            .build();
        instances.add(streams);
        streams.start();
      }
      consumer.subscribe(List.of("status-one"));
      Seen seen = new Seen();
      seen.pollUntil(consumer, s -> s.status.stream()
          .filter(x -> x.event() == RulesStatus.Event.LOADED && x.serving().version() == 1)
          .count() >= 2, "the first load of both instances");
      awaitIdle(instances, "one instance with the partition, the other without");

      Files.writeString(rules.resolve("b.drl"), TriageTopologyTest.TAGS_VPN.formatted("b", "beta"));
      seen.pollUntil(consumer, s -> s.status.stream()
          .filter(x -> x.event() == RulesStatus.Event.LOADED && x.serving().version() == 2)
          .count() >= 2, "the reload of both instances");
      for (TriageStreams x : instances) {
        assertThat(x.topology().currentRules().version()).isEqualTo(2);
      }
      awaitIdle(instances, "still one instance without the partition");
    } finally {
      for (TriageStreams x : instances) {
        x.close(Duration.ofSeconds(60));
      }
    }
  }

  /**
   * A topology on the topics {@code tickets}, {@code decisions}, {@code dead} and {@code status},
   * each with {@code suffix}, watching {@code rules} every 200 ms.
   */
  static TriageTopology topology(String suffix, Path rules) {
    return TriageTopology.builder()
        .ticketsTopic("tickets" + suffix)
        .decisionsTopic("decisions" + suffix)
        .deadLettersTopic("dead" + suffix)
        .statusTopic("status" + suffix)
        .rules(RulesSource.directory(rules))
        .reloadInterval(Duration.ofMillis(200))
        .build();
  }

  /** Waits until both instances run and exactly one of them has no active task. */
  static void awaitIdle(List<TriageStreams> instances, String what) throws InterruptedException {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (true) {
      long running = instances.stream()
          .filter(x -> x.state() == KafkaStreams.State.RUNNING).count();
      long idle = instances.stream().filter(x -> x.kafkaStreams().metadataForLocalThreads()
          .stream().allMatch(t -> t.activeTasks().isEmpty())).count();
      if (running == instances.size() && idle == 1) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited " + DEADLINE + " for " + what + "; running " + running
            + ", without a task " + idle);
      }
      Thread.sleep(100);
    }
  }

  /** What the consumer has read so far. */
  static final class Seen {
    final Map<String, String> decisions = new HashMap<>();
    final List<String> duplicates = new ArrayList<>();
    final Map<String, String> dead = new HashMap<>();
    final List<RulesStatus> status = new ArrayList<>();

    void pollUntil(KafkaConsumer<byte[], byte[]> consumer, Predicate<Seen> done, String what) {
      long deadline = System.nanoTime() + DEADLINE.toNanos();
      while (!done.test(this)) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("waited " + DEADLINE + " for " + what + "; seen "
              + decisions.size() + " decisions, dead letters " + dead + ", status " + status);
        }
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          String key = new String(r.key(), StandardCharsets.UTF_8);
          switch (r.topic()) {
            case "decisions" -> {
              if (decisions.put(key, new String(r.value(), StandardCharsets.UTF_8)) != null) {
                duplicates.add(key);
              }
            }
            case "dead" -> dead.put(key, new String(
                r.headers().lastHeader(DeadLetterHeaders.KIND).value(), StandardCharsets.UTF_8));
            default -> status.add(
                RulesStatus.fromJson(new String(r.value(), StandardCharsets.UTF_8)));
          }
        }
      }
    }
  }

  static KafkaProducer<String, String> producer() {
    return new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
  }

  static KafkaConsumer<byte[], byte[]> consumer() {
    return new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "e2e-reader",
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
        new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }
}
