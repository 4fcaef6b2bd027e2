package io.itsm.kafka.bench;

import io.itsm.core.incident.Ticket;
import io.itsm.core.json.ItsmJson;
import io.itsm.kafka.RulesSource;
import io.itsm.kafka.TriageStreams;
import io.itsm.kafka.TriageTopology;
import io.itsm.kafka.testkit.KafkaTestBroker;
import io.itsm.rules.testkit.TicketGenerator;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/**
 * Tickets per second through a real local Kafka broker ({@link KafkaTestBroker}): the triage
 * topology with 1 and 2 stream threads against a pass-through topology (the same broker, the same
 * records, the same exactly-once settings and threads, each record copied from the tickets topic
 * to the output topic unchanged) as the floor, measured in the same run, alternating round by
 * round.
 *
 * <pre>
 * mvn -B -q -pl itsm-kafka -am verify -DskipTests -Pkafka-bench
 * mvn -B -q -pl itsm-kafka -am verify -DskipTests -Pkafka-bench -Dkafka.bench.tickets=5000 -Dkafka.bench.rounds=1
 * </pre>
 *
 * <p>One measurement: a fresh 2-partition tickets topic is filled with the tickets first (not
 * timed); then the streams start with a fresh application id and a {@code read_committed}
 * consumer counts the output. The rate is {@code N / (t_last - t_running)}: from the moment the
 * streams report RUNNING (the group's first rebalance done; or the first output, if earlier) to
 * the moment the last committed output record is read. It includes the fixed latencies of a run
 * (the first fetch, commit intervals of 100 ms, the reader's polls), which weigh on the
 * pass-through floor with few tickets: use tens of thousands. Each round runs the variants in
 * turn; the table shows the median and range over the rounds.
 *
 * <p>Not thread-safe; one run at a time.
 */
public final class KafkaThroughputBench {

  /** One variant's rates, tickets per second, one per round. */
  public record Result(String variant, int threads, double[] rates) {

    /** @return the median rate */
    public double median() {
      double[] s = rates.clone();
      Arrays.sort(s);
      return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
  }

  private static final Duration DEADLINE = Duration.ofMinutes(5);

  private final KafkaTestBroker kafka;
  private final List<byte[][]> records;
  private final Path work;

  /**
   * Prepares a run.
   *
   * @param kafka the broker
   * @param tickets how many generated tickets per measurement
   * @param work a directory for Kafka Streams' state
   */
  public KafkaThroughputBench(KafkaTestBroker kafka, int tickets, Path work) {
    this.kafka = kafka;
    this.work = work;
    ItsmJson json = ItsmJson.defaults();
    this.records = new ArrayList<>(tickets);
    for (Ticket t : TicketGenerator.generate(tickets)) {
      records.add(new byte[][] {t.id().orElseThrow().getBytes(StandardCharsets.UTF_8),
          json.writeTicket(t).getBytes(StandardCharsets.UTF_8)});
    }
  }

  /**
   * Measures every variant {@code rounds} times, alternating: pass-through and triage with 1
   * thread, then with 2 threads.
   *
   * @param rounds at least 1
   * @return pass-through 1 thread, triage 1 thread, pass-through 2 threads, triage 2 threads
   */
  public List<Result> run(int rounds) {
    return run(rounds, List.of(1, 2));
  }

  /**
   * Measures pass-through and triage with each number of threads, {@code rounds} times,
   * alternating.
   *
   * @param rounds at least 1
   * @param threads the numbers of stream threads, for example {@code [1, 2]}
   * @return for each number of threads: pass-through, then triage
   */
  public List<Result> run(int rounds, List<Integer> threads) {
    int variants = threads.size() * 2;
    double[][] rates = new double[variants][rounds];
    for (int r = 0; r < rounds; r++) {
      for (int v = 0; v < variants; v++) {
        rates[v][r] = measure(v % 2 == 1, threads.get(v / 2));
      }
    }
    List<Result> out = new ArrayList<>();
    for (int v = 0; v < variants; v++) {
      out.add(new Result(v % 2 == 1 ? "triage" : "pass-through", threads.get(v / 2), rates[v]));
    }
    return out;
  }

  private double measure(boolean triage, int threads) {
    String id = (triage ? "triage-" : "copy-") + threads + "-" + UUID.randomUUID();
    String in = id + "-in";
    String out = id + "-out";
    kafka.createTopic(in, 2);
    kafka.createTopic(out, 2);
    if (triage) {
      kafka.createTopic(in + TriageTopology.DEAD_LETTERS_SUFFIX, 1);
      kafka.createTopic(out + TriageTopology.STATUS_SUFFIX, 1);
    }
    try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ProducerConfig.LINGER_MS_CONFIG, 5), new ByteArraySerializer(), new ByteArraySerializer())) {
      for (byte[][] kv : records) {
        p.send(new ProducerRecord<>(in, kv[0], kv[1]));
      }
      p.flush();
    }
    Topology topology = triage
        ? TriageTopology.builder().ticketsTopic(in).decisionsTopic(out)
            .rules(RulesSource.defaultPacks()).build().topology()
        : passThrough(in, out);
    Properties config = TriageStreams.defaultConfig();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, id);
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.toString(threads));
    config.put(StreamsConfig.STATE_DIR_CONFIG, work.resolve(id).toString());
    try (KafkaStreams streams = new KafkaStreams(topology, config);
        KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG, id + "-reader",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
            new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      c.subscribe(List.of(out));
      AtomicLong running = new AtomicLong();
      streams.setStateListener((now, before) -> {
        if (now == KafkaStreams.State.RUNNING) {
          running.compareAndSet(0, System.nanoTime());
        }
      });
      streams.start();
      long first = 0;
      long last = 0;
      long seen = 0;
      long deadline = System.nanoTime() + DEADLINE.toNanos();
      while (seen < records.size()) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(id + ": only " + seen + " of " + records.size()
              + " records arrived within " + DEADLINE);
        }
        ConsumerRecords<byte[], byte[]> batch = c.poll(Duration.ofMillis(20));
        if (batch.isEmpty()) {
          continue;
        }
        long now = System.nanoTime();
        if (seen == 0) {
          first = now;
        }
        seen += batch.count();
        last = now;
      }
      streams.close(Duration.ofSeconds(60));
      if (seen != records.size()) {
        throw new IllegalStateException(id + ": " + seen + " records for " + records.size());
      }
      long start = running.get() == 0 ? first : Math.min(running.get(), first);
      return records.size() / ((last - start) / 1e9);
    }
  }

  private static Topology passThrough(String in, String out) {
    Topology t = new Topology();
    t.addSource("in", new ByteArrayDeserializer(), new ByteArrayDeserializer(), in);
    t.addSink("out", out, new ByteArraySerializer(), new ByteArraySerializer(), "in");
    return t;
  }

  /**
   * Formats the table: variant, threads, median tickets/s, range, and the triage's share of the
   * floor with as many threads.
   *
   * @param results the results of {@link #run(int)}
   * @return the table, one row a line
   */
  public static String table(List<Result> results) {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
        "%-28s %14s %24s %10s%n", "measure", "tickets/s", "range", "of floor"));
    for (Result r : results) {
      double floor = results.stream()
          .filter(x -> x.variant().equals("pass-through") && x.threads() == r.threads())
          .findFirst().orElseThrow().median();
      double[] s = r.rates().clone();
      Arrays.sort(s);
      sb.append(String.format(Locale.ROOT, "%-28s %,14.0f %,11.0f – %,10.0f %9.2fx%n",
          "kafka " + r.variant() + ", " + r.threads() + (r.threads() == 1 ? " thread" : " threads"),
          r.median(), s[0], s[s.length - 1], floor / r.median()));
    }
    return sb.toString();
  }

  /**
   * Runs the benchmark on a broker of its own.
   *
   * @param args {@code --tickets N} (default 20,000), {@code --rounds R} (default 3)
   * @throws Exception if the run fails
   */
  public static void main(String[] args) throws Exception {
    int tickets = 20_000;
    int rounds = 3;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--tickets" -> tickets = Integer.parseInt(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException(
            "unknown option " + args[i] + "; use --tickets N --rounds R");
      }
    }
    Path work = Files.createTempDirectory("itsm-kafka-bench-");
    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    try (KafkaTestBroker kafka = KafkaTestBroker.start()) {
      List<Result> results = new KafkaThroughputBench(kafka, tickets, work).run(rounds);
      double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      System.out.printf(Locale.ROOT, "Kafka throughput: %,d tickets per measurement, %d rounds"
              + " (median, range), %d cores, load average %.1f before, %.1f after%n", tickets,
          rounds, Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter);
      System.out.print(table(results));
    } finally {
      try (Stream<Path> s = Files.walk(work)) {
        s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }
}
