package io.itsm.kafka;

import io.itsm.kafka.internal.RuleHolder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.ThreadMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link TriageTopology} on Kafka Streams with exactly-once processing: each ticket's
 * decision or dead letter is written, and its input offset committed, in one Kafka transaction
 * ({@code processing.guarantee=exactly_once_v2}, the default of {@link #defaultConfig()}), so a
 * crash or a rebalance neither loses a ticket nor writes its decision twice for {@code
 * read_committed} consumers.
 *
 * <pre>{@code
 * try (TriageStreams streams = TriageStreams.builder(topology)
 *     .bootstrapServers("localhost:9092")
 *     .applicationId("itsm-triage")
 *     .threads(2)
 *     .build()) {
 *   streams.start();
 *   ...                       // until shut down
 * }
 * }</pre>
 *
 * <p>The topics must exist (Kafka Streams does not create input or output topics); the tickets
 * topic's partitions bound the parallelism (tasks) of all instances together.
 *
 * <p><b>Rules on every instance.</b> Besides the stream threads, a started instance runs a daemon
 * thread ({@code itsm-rules-keeper}) that, every {@linkplain TriageTopology#reloadInterval()
 * reload interval}, lets the rules directory be checked — so an instance keeps its rules current
 * while it has no partition (more instances than partitions, or during a rebalance) and serves
 * the current rules the moment it gets one — and, while the instance has no active task (whose
 * punctuation would publish them in its transaction), publishes the instance's pending status
 * records itself, with a plain producer of the same configuration. So every instance's loads and
 * failed reloads reach the status topic.
 *
 * <p>Thread-safe.
 */
public final class TriageStreams implements AutoCloseable {

  /** How long {@link #close()} waits for the stream threads to finish by default. */
  public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(TriageStreams.class);

  private final TriageTopology topology;
  private final Properties config;
  private final KafkaStreams streams;
  private final Object keeperLock = new Object();
  private ScheduledExecutorService keeper;
  private Producer<byte[], byte[]> statusProducer;
  private boolean closed;

  private TriageStreams(TriageTopology topology, Properties config) {
    this.topology = topology;
    this.config = config;
    this.streams = new KafkaStreams(topology.topology(), config);
  }

  /** The producer's {@code batch.size} in {@link #defaultConfig()}, in bytes: 128 KiB. */
  public static final int PRODUCER_BATCH_SIZE = 128 * 1024;

  /**
   * Returns the defaults every {@link TriageStreams} starts from: {@code
   * processing.guarantee=exactly_once_v2}, byte-array serdes, one stream thread, {@code
   * processing.exception.handler.global.enabled=true} (Kafka 5.0's default), and {@code
   * producer.batch.size=}{@value #PRODUCER_BATCH_SIZE} (Kafka's default of 16 KiB holds about
   * thirteen decisions of ≈ 1.2 KB each: the larger batches cut the producer's and the broker's
   * work per ticket, see docs/kafka.md). The application id and bootstrap servers are left to
   * the builder; {@link Builder#config} overrides any of these.
   *
   * @return a new, mutable copy
   */
  public static Properties defaultConfig() {
    Properties p = new Properties();
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class.getName());
    p.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class.getName());
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "1");
    // the topology handles its own failures (dead letters); this only opts in to Kafka 5.0's
    // default now (Kafka Streams still warns once per new Topology(), whose own config lacks it)
    p.put("processing.exception.handler.global.enabled", "true");
    p.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG),
        Integer.toString(PRODUCER_BATCH_SIZE));
    return p;
  }

  /**
   * Returns a builder for running {@code topology}.
   *
   * @param topology the topology
   * @return the builder
   * @throws NullPointerException if {@code topology} is null
   */
  public static Builder builder(TriageTopology topology) {
    return new Builder(Objects.requireNonNull(topology, "topology"));
  }

  /**
   * Starts the stream threads; returns at once.
   *
   * @throws IllegalStateException if already started or closed
   */
  public void start() {
    streams.start();
    synchronized (keeperLock) {
      if (keeper == null && !closed) {
        keeper = Executors.newSingleThreadScheduledExecutor(task -> {
          Thread t = new Thread(task, "itsm-rules-keeper");
          t.setDaemon(true);
          return t;
        });
        long interval = topology.reloadInterval().toMillis();
        keeper.scheduleWithFixedDelay(this::keepRules, interval, interval, TimeUnit.MILLISECONDS);
      }
    }
  }

  /**
   * One turn of the keeper: starts a due check of the rules directory, and publishes the pending
   * status records while this instance has no active task. Never throws: a failure is logged and
   * the next turn tries again.
   */
  private void keepRules() {
    try {
      KafkaStreams.State state = streams.state();
      if (state != KafkaStreams.State.RUNNING && state != KafkaStreams.State.REBALANCING) {
        return; // not started yet, stopping, or failed
      }
      RuleHolder rules = topology.ruleHolder();
      rules.checkIfDue(System.currentTimeMillis(), topology.reloadInterval().toMillis());
      if (hasActiveTask()) {
        return; // its punctuation publishes them, in its transaction
      }
      List<RulesStatus> pending = rules.drainStatus();
      if (pending.isEmpty()) {
        return;
      }
      Producer<byte[], byte[]> producer = statusProducer();
      if (producer == null) {
        return; // closed meanwhile
      }
      byte[] key = rules.source().name().getBytes(StandardCharsets.UTF_8);
      for (RulesStatus s : pending) {
        producer.send(new ProducerRecord<>(topology.statusTopic(), key,
            s.toJson().getBytes(StandardCharsets.UTF_8)), (metadata, e) -> {
              if (e != null) {
                LOG.warn("itsm-kafka: status record {} of {} not published on {}: {}", s.event(),
                    rules.source().name(), topology.statusTopic(), e.toString());
              }
            });
      }
      producer.flush();
    } catch (RuntimeException e) {
      synchronized (keeperLock) {
        if (closed) {
          return; // interrupted or its producer closed by close(): nothing to report
        }
      }
      LOG.warn("itsm-kafka: keeping the rules of {} failed, trying again in {}: {}",
          topology.rulesSource().name(), topology.reloadInterval(), e.toString());
    }
  }

  /** Whether a stream thread of this instance has an active task (a partition to triage). */
  private boolean hasActiveTask() {
    for (ThreadMetadata t : streams.metadataForLocalThreads()) {
      if (!t.activeTasks().isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** The producer of status records published by the keeper, made on first use; null if closed. */
  private Producer<byte[], byte[]> statusProducer() {
    synchronized (keeperLock) {
      if (closed) {
        return null;
      }
      if (statusProducer == null) {
        String clientId = config.getProperty(StreamsConfig.APPLICATION_ID_CONFIG) + "-status";
        Map<String, Object> producerConfig =
            new StreamsConfig(config).getProducerConfigs(clientId);
        statusProducer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(),
            new ByteArraySerializer());
      }
      return statusProducer;
    }
  }

  /**
   * Returns the state of the Kafka Streams instance.
   *
   * @return for example {@code RUNNING} or {@code REBALANCING}
   */
  public KafkaStreams.State state() {
    return streams.state();
  }

  /**
   * Returns every metric: Kafka Streams' own and {@link TriageMetrics}.
   *
   * @return a read-only view
   */
  public Map<MetricName, ? extends Metric> metrics() {
    return streams.metrics();
  }

  /**
   * Returns the Kafka Streams instance, for what this class does not wrap (state listeners,
   * uncaught-exception handlers, threads added at run time).
   *
   * @return the instance
   */
  public KafkaStreams kafkaStreams() {
    return streams;
  }

  /**
   * Returns the topology run.
   *
   * @return the topology
   */
  public TriageTopology topology() {
    return topology;
  }

  /**
   * Returns the configuration given to Kafka Streams.
   *
   * @return a copy
   */
  public Properties config() {
    Properties copy = new Properties();
    copy.putAll(config);
    return copy;
  }

  /**
   * Stops the stream threads, waiting up to {@code timeout}; open transactions are committed or
   * aborted, so nothing is half-written.
   *
   * @param timeout how long to wait
   * @return whether every thread stopped in time
   * @throws NullPointerException if {@code timeout} is null
   */
  public boolean close(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    ScheduledExecutorService k;
    Producer<byte[], byte[]> p;
    synchronized (keeperLock) {
      closed = true;
      k = keeper;
      p = statusProducer;
      statusProducer = null;
    }
    if (k != null) {
      k.shutdownNow();
    }
    if (p != null) {
      p.close(Duration.ofSeconds(5));
    }
    return streams.close(timeout);
  }

  /** Stops the stream threads, waiting up to {@link #DEFAULT_CLOSE_TIMEOUT}. Idempotent. */
  @Override
  public void close() {
    close(DEFAULT_CLOSE_TIMEOUT);
  }

  @Override
  public String toString() {
    return "TriageStreams[" + config.get(StreamsConfig.APPLICATION_ID_CONFIG) + ", "
        + topology + "]";
  }

  /**
   * Configures a {@link TriageStreams}: {@link #defaultConfig()}, then the settings given here in
   * call order. Application id and bootstrap servers are required.
   *
   * <p>Not thread-safe.
   */
  public static final class Builder {

    private final TriageTopology topology;
    private final Properties config = defaultConfig();

    private Builder(TriageTopology topology) {
      this.topology = topology;
    }

    /**
     * Sets {@code bootstrap.servers}.
     *
     * @param servers for example {@code "localhost:9092"}
     * @return this builder
     * @throws NullPointerException if {@code servers} is null
     * @throws IllegalArgumentException if blank
     */
    public Builder bootstrapServers(String servers) {
      config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, notBlank("bootstrapServers", servers));
      return this;
    }

    /**
     * Sets {@code application.id}: the consumer group, the prefix of transactional ids and of
     * internal names; instances with the same id share the work.
     *
     * @param id for example {@code "itsm-triage"}
     * @return this builder
     * @throws NullPointerException if {@code id} is null
     * @throws IllegalArgumentException if blank
     */
    public Builder applicationId(String id) {
      config.put(StreamsConfig.APPLICATION_ID_CONFIG, notBlank("applicationId", id));
      return this;
    }

    /**
     * Sets the number of stream threads of this instance ({@code num.stream.threads}).
     *
     * @param threads at least 1
     * @return this builder
     * @throws IllegalArgumentException if below 1
     */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1, but was " + threads);
      }
      config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.toString(threads));
      return this;
    }

    /**
     * Sets any Kafka Streams, consumer or producer setting, overriding the defaults (including
     * the processing guarantee, should you choose {@code at_least_once}).
     *
     * @param key the setting
     * @param value its value
     * @return this builder
     * @throws NullPointerException if an argument is null
     */
    public Builder config(String key, Object value) {
      config.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Creates the Kafka Streams instance (not started).
     *
     * @return the runner
     * @throws IllegalStateException if the application id or bootstrap servers are not set
     * @throws org.apache.kafka.common.config.ConfigException if Kafka Streams refuses a setting
     */
    public TriageStreams build() {
      if (!config.containsKey(StreamsConfig.APPLICATION_ID_CONFIG)) {
        throw new IllegalStateException("applicationId is not set; for example"
            + " applicationId(\"itsm-triage\")");
      }
      if (!config.containsKey(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG)) {
        throw new IllegalStateException("bootstrapServers is not set; for example"
            + " bootstrapServers(\"localhost:9092\")");
      }
      Properties copy = new Properties();
      copy.putAll(config);
      return new TriageStreams(topology, copy);
    }

    private static String notBlank(String what, String value) {
      Objects.requireNonNull(value, what);
      if (value.isBlank()) {
        throw new IllegalArgumentException(what + " must not be blank");
      }
      return value;
    }
  }
}
