package io.itsm.examples.bench;

import io.itsm.core.incident.Ticket;
import io.itsm.core.json.DecisionWriter;
import io.itsm.core.json.ItsmJson;
import io.itsm.core.triage.TriageOutcome;
import io.itsm.kafka.RulesSource;
import io.itsm.kafka.TriageStreams;
import io.itsm.kafka.TriageTopology;
import io.itsm.rules.TriageEngine;
import io.itsm.rules.testkit.TicketGenerator;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/**
 * Tickets per second through a running Kafka broker: the triage topology ({@link TriageTopology},
 * default packs, exactly-once v2) against a <b>pass-through topology</b> on the same broker as the
 * floor (the same records, the same exactly-once settings and stream threads, each record copied
 * from the tickets topic to the output topic unchanged), alternating round by round.
 *
 * <p>One measurement: a fresh 2-partition tickets topic is filled with the tickets first (not
 * timed); then the streams start with a fresh application id and a {@code read_committed} consumer
 * reads the output topic (and, for the triage, the dead-letter topic). The time is from the moment
 * the streams report RUNNING (or the first output, if earlier) to the moment the last committed
 * output record is read, so it includes the fixed latencies of a run (the first fetch, commit
 * intervals of 100 ms, the reader's polls): use thousands of tickets. Afterwards — outside the
 * timed part — every output is checked: each ticket exactly once, the triage's decision JSON byte
 * for byte the one {@link TriageEngine#triageAll} of the same rules gives for it (the same fixed
 * clock), the pass-through's value byte for byte the input's; a dead letter or a wrong, missing
 * or doubled record fails the run. The topics are deleted after each measurement.
 *
 * <p>Not thread-safe; one run at a time.
 */
final class KafkaThroughput {

  /** The clock of both the topology's engine and the reference engine: decisions are stable. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

  private static final Duration DEADLINE = Duration.ofMinutes(5);
  private static final int PARTITIONS = 2;

  /**
   * What one measurement runs.
   *
   * @param name for the log
   * @param triage the triage topology, else the pass-through
   * @param threads stream threads
   * @param engine settings of the topology's engine beyond the bench's (none for the pass-through);
   *     they must not change decisions (a time budget, say)
   */
  record Variant(String name, boolean triage, int threads, Consumer<TriageEngine.Builder> engine) {

    static Variant passThrough(int threads) {
      return new Variant("pass-through", false, threads, b -> { });
    }

    static Variant triage(int threads) {
      return new Variant("triage", true, threads, b -> { });
    }
  }

  /**
   * One variant's measurements.
   *
   * @param variant what was measured
   * @param nanosPerTicket wall time per ticket, one per round
   */
  record Result(Variant variant, List<Double> nanosPerTicket) {}

  private final String bootstrap;
  private final Path stateDir;
  private final PrintStream log;
  private final Consumer<TriageEngine.Builder> engineSettings;
  private final Properties streamsSettings = new Properties();
  private final List<byte[]> keys = new ArrayList<>();
  private final List<byte[]> values = new ArrayList<>();
  private final Map<String, byte[]> decisions = new HashMap<>();

  /**
   * Prepares a run: generates the tickets and the decisions the engine gives them.
   *
   * @param bootstrap the broker's {@code bootstrap.servers}; it must support transactions
   * @param tickets tickets per measurement
   * @param stateDir a directory for Kafka Streams' state
   * @param log where progress goes
   * @param engineSettings more settings of the topology's engine (after the fixed clock); the
   *     reference engine gets the same
   */
  KafkaThroughput(String bootstrap, int tickets, Path stateDir, PrintStream log,
      Consumer<TriageEngine.Builder> engineSettings) {
    this.bootstrap = Objects.requireNonNull(bootstrap, "bootstrap");
    this.stateDir = stateDir;
    this.log = log;
    this.engineSettings = b -> engineSettings.accept(b.clock(CLOCK));
    ItsmJson json = ItsmJson.defaults();
    List<Ticket> generated = TicketGenerator.generate(tickets);
    TriageEngine.Builder reference = TriageEngine.builder();
    this.engineSettings.accept(reference);
    List<TriageOutcome> expected = reference.build().triageAll(generated);
    for (int i = 0; i < generated.size(); i++) {
      Ticket t = generated.get(i);
      String id = t.id().orElseThrow();
      keys.add(id.getBytes(StandardCharsets.UTF_8));
      values.add(json.writeTicket(t).getBytes(StandardCharsets.UTF_8));
      decisions.put(id, DecisionWriter.toJson(id, expected.get(i).orElseThrow())
          .getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * Sets more Kafka Streams settings for the next measurements (after {@link
   * TriageStreams#defaultConfig()} and the bench's own).
   *
   * @param key the setting
   * @param value its value
   * @return this
   */
  KafkaThroughput streamsSetting(String key, String value) {
    streamsSettings.put(key, value);
    return this;
  }

  /**
   * Measures each variant {@code rounds} times, alternating: round 1 of every variant in the
   * order given, then round 2, ...
   *
   * @param rounds at least 1
   * @param variants what to measure
   * @return one result per variant, in the order given
   * @throws Exception if a measurement fails or its output is wrong
   */
  List<Result> run(int rounds, List<Variant> variants) throws Exception {
    List<List<Double>> nanos = new ArrayList<>();
    for (int v = 0; v < variants.size(); v++) {
      nanos.add(new ArrayList<>());
    }
    for (int r = 0; r < rounds; r++) {
      for (int v = 0; v < variants.size(); v++) {
        Variant variant = variants.get(v);
        double perTicket = measure(variant);
        nanos.get(v).add(perTicket);
        log.printf(Locale.ROOT, "  kafka %s, %d thread(s), round %d: %,.0f tickets/s%n",
            variant.name(), variant.threads(), r + 1, 1e9 / perTicket);
        log.flush();
      }
    }
    List<Result> out = new ArrayList<>();
    for (int v = 0; v < variants.size(); v++) {
      out.add(new Result(variants.get(v), nanos.get(v)));
    }
    return out;
  }

  /**
   * One measurement.
   *
   * @param variant what to measure
   * @return wall nanoseconds per ticket
   * @throws Exception if it fails or its output is wrong
   */
  double measure(Variant variant) throws Exception {
    boolean triage = variant.triage();
    int threads = variant.threads();
    String id = "itsm-bench-" + (triage ? "triage-" : "copy-") + threads + "-" + UUID.randomUUID();
    String in = id + "-in";
    String out = id + "-out";
    String dead = in + TriageTopology.DEAD_LETTERS_SUFFIX;
    List<String> topics = triage
        ? List.of(in, out, dead, out + TriageTopology.STATUS_SUFFIX)
        : List.of(in, out);
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      List<NewTopic> create = new ArrayList<>();
      for (String t : topics) {
        create.add(new NewTopic(t, t.equals(in) || t.equals(out) ? PARTITIONS : 1, (short) 1));
      }
      phase("start");
      await(admin.createTopics(create).all(), "create topics " + topics);
      awaitLeaders(admin, topics);
      phase("created topics");
      try {
        return measure(variant, id, in, out, dead);
      } finally {
        await(admin.deleteTopics(topics).all(), "delete topics " + topics);
        phase("deleted topics");
      }
    }
  }

  private double measure(Variant variant, String id, String in, String out, String dead)
      throws Exception {
    boolean triage = variant.triage();
    // one batch in flight per partition: a retried first batch then cannot be overtaken by the
    // next ones (which a young partition may refuse as out of order for good, KAFKA-18202)
    AtomicReference<Exception> failed = new AtomicReference<>();
    AtomicLong sent = new AtomicLong();
    try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ProducerConfig.LINGER_MS_CONFIG, 5,
        ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1),
        new ByteArraySerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < keys.size(); i++) {
        p.send(new ProducerRecord<>(in, keys.get(i), values.get(i)), (m, e) -> {
          if (e != null) {
            failed.compareAndSet(null, e);
          } else {
            sent.incrementAndGet();
          }
        });
      }
      p.flush();
    }
    if (failed.get() != null || sent.get() != keys.size()) {
      throw new IllegalStateException(id + ": only " + sent.get() + " of " + keys.size()
          + " tickets reached the tickets topic: " + failed.get(), failed.get());
    }
    phase("produced");
    Topology topology = triage
        ? TriageTopology.builder().ticketsTopic(in).decisionsTopic(out)
            .rules(RulesSource.defaultPacks().withEngine(
                engineSettings.andThen(variant.engine()))).build().topology()
        : passThrough(in, out);
    Properties config = TriageStreams.defaultConfig();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, id);
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.toString(variant.threads()));
    config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve(id).toString());
    config.putAll(streamsSettings);
    List<ConsumerRecord<byte[], byte[]>> received = new ArrayList<>(keys.size());
    long start;
    long last = 0;
    try (KafkaStreams streams = new KafkaStreams(topology, config);
        KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
            ConsumerConfig.GROUP_ID_CONFIG, id + "-reader",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
            new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      c.subscribe(triage ? List.of(out, dead) : List.of(out));
      AtomicLong running = new AtomicLong();
      streams.setStateListener((now, before) -> {
        if (now == KafkaStreams.State.RUNNING) {
          running.compareAndSet(0, System.nanoTime());
        }
      });
      long startCall = System.nanoTime();
      streams.start();
      long first = 0;
      long deadline = System.nanoTime() + DEADLINE.toNanos();
      while (received.size() < keys.size()) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(id + ": only " + received.size() + " of " + keys.size()
              + " records came out within " + DEADLINE + " (streams " + streams.state() + ")");
        }
        ConsumerRecords<byte[], byte[]> batch = c.poll(Duration.ofMillis(20));
        if (batch.isEmpty()) {
          continue;
        }
        long now = System.nanoTime();
        if (first == 0) {
          first = now;
        }
        for (ConsumerRecord<byte[], byte[]> r : batch) {
          received.add(r);
        }
        last = now;
      }
      start = running.get() == 0 ? first : Math.min(running.get(), first);
      if (last <= start) {
        start = startCall; // everything came in one poll: count the start-up too
      }
      phase("streams " + (running.get() == 0 ? "-" : String.format(Locale.ROOT, "%.2f s",
          (running.get() - startCall) / 1e9)) + " to RUNNING, "
          + String.format(Locale.ROOT, "%.2f s", (first - startCall) / 1e9) + " to first output");
      // a record beyond the expected ones would be a doubled decision: look once more
      ConsumerRecords<byte[], byte[]> extra = c.poll(Duration.ofMillis(200));
      extra.forEach(received::add);
      phase("read");
      streams.close(Duration.ofSeconds(60));
      phase("closed");
    }
    check(id, triage, dead, received);
    return (last - start) / (double) keys.size();
  }

  private long phaseAt = System.nanoTime();

  private void phase(String what) {
    if (Boolean.getBoolean("itsm.bench.kafka.phases")) {
      long now = System.nanoTime();
      log.printf(Locale.ROOT, "    %s: +%.2f s%n", what, (now - phaseAt) / 1e9);
      phaseAt = now;
    }
  }

  /** Each ticket exactly once, with the expected bytes; no dead letter. */
  private void check(String id, boolean triage, String dead,
      List<ConsumerRecord<byte[], byte[]>> received) {
    Map<String, byte[]> input = new HashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      input.put(new String(keys.get(i), StandardCharsets.UTF_8), values.get(i));
    }
    Map<String, Integer> seen = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> r : received) {
      String key = r.key() == null ? "(no key)" : new String(r.key(), StandardCharsets.UTF_8);
      if (r.topic().equals(dead)) {
        throw new IllegalStateException(id + ": ticket " + key + " went to the dead letters: "
            + header(r, "itsm.error.kind") + ": " + header(r, "itsm.error.message"));
      }
      if (seen.merge(key, 1, Integer::sum) > 1) {
        throw new IllegalStateException(id + ": ticket " + key + " came out more than once");
      }
      byte[] expected = triage ? decisions.get(key) : input.get(key);
      if (expected == null) {
        throw new IllegalStateException(id + ": unexpected key " + key);
      }
      if (!Arrays.equals(expected, r.value())) {
        throw new IllegalStateException(id + ": ticket " + key + (triage
            ? " was decided differently through Kafka than by the engine:\n  kafka:  "
            : " was copied wrong:\n  out:    ")
            + new String(r.value(), StandardCharsets.UTF_8) + "\n  expected: "
            + new String(expected, StandardCharsets.UTF_8));
      }
    }
    if (seen.size() != keys.size()) {
      throw new IllegalStateException(id + ": " + seen.size() + " tickets came out of "
          + keys.size());
    }
  }

  private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
    Header h = r.headers().lastHeader(name);
    return h == null ? "(none)" : new String(h.value(), StandardCharsets.UTF_8);
  }

  private static Topology passThrough(String in, String out) {
    Topology t = new Topology();
    t.addSource("in", new ByteArrayDeserializer(), new ByteArrayDeserializer(), in);
    t.addSink("out", out, new ByteArraySerializer(), new ByteArraySerializer(), "in");
    return t;
  }

  /** Waits until every partition of the topics has a leader, so the first sends go through. */
  private static void awaitLeaders(Admin admin, List<String> topics) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (true) {
      try {
        Map<String, TopicDescription> d =
            admin.describeTopics(topics).allTopicNames().get(2, TimeUnit.MINUTES);
        if (d.values().stream().flatMap(t -> t.partitions().stream())
            .allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
          return;
        }
      } catch (ExecutionException | TimeoutException e) {
        // not known yet: ask again
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Kafka: the partitions of " + topics
            + " have no leader after 2 minutes");
      }
      Thread.sleep(20);
    }
  }

  private static void await(org.apache.kafka.common.KafkaFuture<Void> f, String what)
      throws InterruptedException {
    try {
      f.get(2, TimeUnit.MINUTES);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Kafka: cannot " + what + ": " + e.getCause(), e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("Kafka: cannot " + what + ": no answer within 2 minutes",
          e);
    }
  }
}
