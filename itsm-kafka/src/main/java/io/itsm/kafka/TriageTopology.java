package io.itsm.kafka;

import io.itsm.kafka.internal.RuleHolder;
import io.itsm.kafka.internal.TriageProcessor;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.Topology;

/**
 * Triage as a Kafka Streams topology: each record of the tickets topic (key the ticket's id,
 * value one ticket as JSON, the format of {@code docs/json.md}) is triaged and its decision (key
 * the ticket's id, value the decision JSON of {@code itsm triage}, explanations included) written
 * to the decisions topic. A record that cannot be read or triaged is copied unchanged to the
 * dead-letter topic with {@link DeadLetterHeaders} naming the error and where the record came
 * from; nothing is dropped. Rule loads and failed reloads are published on the status topic as
 * {@link RulesStatus} JSON.
 *
 * <pre>{@code
 * TriageTopology triage = TriageTopology.builder()
 *     .ticketsTopic("tickets")
 *     .decisionsTopic("decisions")
 *     .rules(RulesSource.directory(Path.of("rules")))   // watched: reloaded without a restart
 *     .build();
 * try (TriageStreams streams = TriageStreams.builder(triage)
 *     .bootstrapServers("localhost:9092").applicationId("itsm-triage").build()) {
 *   streams.start();
 *   ...
 * }
 * }</pre>
 *
 * <p><b>Scaling.</b> Processing is stateless and keyed by ticket id: each partition of the
 * tickets topic is a task, and tasks spread over the stream threads of all running instances with
 * the same application id. Decisions keep the ticket id as key, so a ticket's decisions stay in
 * order on one partition.
 *
 * <p><b>Reload.</b> With {@link RulesSource#directory(java.nio.file.Path)}, every {@link
 * Builder#reloadInterval(Duration) reload interval} (wall-clock punctuation of the running tasks)
 * the directory is checked on a thread of its own, so that no stream thread pauses for a compile;
 * changed files are compiled into a new engine and swapped in between two records, the stream
 * threads triaging with the old rules until then. A reload that fails keeps the old rules and says
 * so on the status topic with each problem's {@code file:line:column}; a success publishes the
 * new version and hash (at the first punctuation after the check ended; {@link TriageStreams}
 * also checks and publishes for an instance without partitions). The rules of a topology are
 * loaded once, in {@link Builder#build()}, and shared by every topology it builds.
 *
 * <p>Thread-safe.
 */
public final class TriageTopology {

  /** The default time between two checks of the rules directory. */
  public static final Duration DEFAULT_RELOAD_INTERVAL = Duration.ofSeconds(2);

  /** The suffix of the default dead-letter topic: {@code tickets} → {@code tickets-dead-letters}. */
  public static final String DEAD_LETTERS_SUFFIX = "-dead-letters";

  /** The suffix of the default status topic: {@code decisions} → {@code decisions-status}. */
  public static final String STATUS_SUFFIX = "-status";

  private final String ticketsTopic;
  private final String decisionsTopic;
  private final String deadLettersTopic;
  private final String statusTopic;
  private final Duration reloadInterval;
  private final RuleHolder rules;

  private TriageTopology(Builder b) {
    this.ticketsTopic = b.ticketsTopic;
    this.decisionsTopic = b.decisionsTopic;
    this.deadLettersTopic =
        b.deadLettersTopic != null ? b.deadLettersTopic : b.ticketsTopic + DEAD_LETTERS_SUFFIX;
    this.statusTopic = b.statusTopic != null ? b.statusTopic : b.decisionsTopic + STATUS_SUFFIX;
    this.reloadInterval = b.reloadInterval;
    List<String> topics = List.of(ticketsTopic, decisionsTopic, deadLettersTopic, statusTopic);
    if (topics.stream().distinct().count() != topics.size()) {
      throw new IllegalArgumentException("the tickets, decisions, dead-letter and status topics"
          + " must be four different topics, but were " + topics);
    }
    this.rules = new RuleHolder(b.rules, b.clock);
  }

  /**
   * Returns a new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds the Kafka Streams topology: source {@code tickets} (byte arrays) → processor {@code
   * triage} → sinks {@code decisions}, {@code dead-letters} and {@code status}. Each call returns
   * a new {@link Topology} sharing this object's rules.
   *
   * @return the topology
   */
  public Topology topology() {
    Topology t = new Topology();
    ByteArrayDeserializer in = new ByteArrayDeserializer();
    Serializer<byte[]> out = new ByteArraySerializer();
    t.addSource("tickets", in, in, ticketsTopic);
    t.addProcessor("triage", () -> new TriageProcessor(rules, reloadInterval), "tickets");
    t.addSink(TriageProcessor.DECISIONS, decisionsTopic, out, out, "triage");
    t.addSink(TriageProcessor.DEAD_LETTERS, deadLettersTopic, out, out, "triage");
    t.addSink(TriageProcessor.STATUS, statusTopic, out, out, "triage");
    return t;
  }

  /**
   * Returns the rules that serve now.
   *
   * @return their version
   */
  public RulesVersion currentRules() {
    return rules.current().version();
  }

  /**
   * Checks the rules directory now, on the calling thread (instead of waiting for the next
   * punctuation), and reloads if its files changed; a check a punctuation started finishes first.
   * The status is also published on the status topic at the next punctuation.
   *
   * @return the status of the reload or failure; empty when nothing changed or the source is
   *     {@link RulesSource#defaultPacks()}
   */
  public Optional<RulesStatus> reloadNow() {
    return rules.checkNow();
  }

  /** Whether a check of the rules directory started by a punctuation still runs (for tests). */
  boolean reloadChecking() {
    return rules.checking();
  }

  /** The rules shared by the topologies built from this one ({@link TriageStreams} keeps them). */
  RuleHolder ruleHolder() {
    return rules;
  }

  /**
   * Returns the tickets topic.
   *
   * @return the topic name
   */
  public String ticketsTopic() {
    return ticketsTopic;
  }

  /**
   * Returns the decisions topic.
   *
   * @return the topic name
   */
  public String decisionsTopic() {
    return decisionsTopic;
  }

  /**
   * Returns the dead-letter topic.
   *
   * @return the topic name
   */
  public String deadLettersTopic() {
    return deadLettersTopic;
  }

  /**
   * Returns the status topic.
   *
   * @return the topic name
   */
  public String statusTopic() {
    return statusTopic;
  }

  /**
   * Returns the time between two checks of the rules directory.
   *
   * @return the interval
   */
  public Duration reloadInterval() {
    return reloadInterval;
  }

  /**
   * Returns where the rules come from.
   *
   * @return the source
   */
  public RulesSource rulesSource() {
    return rules.source();
  }

  @Override
  public String toString() {
    return "TriageTopology[" + ticketsTopic + " -> " + decisionsTopic + ", dead letters "
        + deadLettersTopic + ", status " + statusTopic + ", " + rules.source() + "]";
  }

  /**
   * Configures a {@link TriageTopology}. The tickets and decisions topics are required.
   *
   * <p>Not thread-safe.
   */
  public static final class Builder {

    private String ticketsTopic;
    private String decisionsTopic;
    private String deadLettersTopic;
    private String statusTopic;
    private RulesSource rules = RulesSource.defaultPacks();
    private Duration reloadInterval = DEFAULT_RELOAD_INTERVAL;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Sets the topic tickets are read from.
     *
     * @param topic the topic
     * @return this builder
     * @throws NullPointerException if {@code topic} is null
     * @throws IllegalArgumentException if it is not a valid topic name
     */
    public Builder ticketsTopic(String topic) {
      this.ticketsTopic = topic("ticketsTopic", topic);
      return this;
    }

    /**
     * Sets the topic decisions are written to.
     *
     * @param topic the topic
     * @return this builder
     * @throws NullPointerException if {@code topic} is null
     * @throws IllegalArgumentException if it is not a valid topic name
     */
    public Builder decisionsTopic(String topic) {
      this.decisionsTopic = topic("decisionsTopic", topic);
      return this;
    }

    /**
     * Sets the dead-letter topic (default: the tickets topic + {@value #DEAD_LETTERS_SUFFIX}).
     *
     * @param topic the topic
     * @return this builder
     * @throws NullPointerException if {@code topic} is null
     * @throws IllegalArgumentException if it is not a valid topic name
     */
    public Builder deadLettersTopic(String topic) {
      this.deadLettersTopic = topic("deadLettersTopic", topic);
      return this;
    }

    /**
     * Sets the status topic (default: the decisions topic + {@value #STATUS_SUFFIX}).
     *
     * @param topic the topic
     * @return this builder
     * @throws NullPointerException if {@code topic} is null
     * @throws IllegalArgumentException if it is not a valid topic name
     */
    public Builder statusTopic(String topic) {
      this.statusTopic = topic("statusTopic", topic);
      return this;
    }

    /**
     * Sets where the rules come from (default {@link RulesSource#defaultPacks()}).
     *
     * @param rules the source
     * @return this builder
     * @throws NullPointerException if {@code rules} is null
     */
    public Builder rules(RulesSource rules) {
      this.rules = Objects.requireNonNull(rules, "rules");
      return this;
    }

    /**
     * Sets the time between two checks of the rules directory (default {@link
     * #DEFAULT_RELOAD_INTERVAL}).
     *
     * @param interval at least 10 ms
     * @return this builder
     * @throws NullPointerException if {@code interval} is null
     * @throws IllegalArgumentException if it is below 10 ms
     */
    public Builder reloadInterval(Duration interval) {
      Objects.requireNonNull(interval, "interval");
      if (interval.toMillis() < 10) {
        throw new IllegalArgumentException(
            "reloadInterval must be at least 10 ms, but was " + interval);
      }
      this.reloadInterval = interval;
      return this;
    }

    /**
     * Sets the clock of status times (default the system clock, UTC).
     *
     * @param clock the clock
     * @return this builder
     * @throws NullPointerException if {@code clock} is null
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Loads the rules and builds the topology.
     *
     * @return the topology
     * @throws IllegalStateException if the tickets or decisions topic is not set
     * @throws IllegalArgumentException if two of the four topics are the same
     * @throws io.itsm.rules.RuleCompilationException if the rules do not compile
     * @throws io.itsm.core.ValidationException if the rules directory or a file cannot be read
     */
    public TriageTopology build() {
      if (ticketsTopic == null) {
        throw new IllegalStateException("ticketsTopic is not set; name the topic tickets are"
            + " read from with ticketsTopic(\"tickets\")");
      }
      if (decisionsTopic == null) {
        throw new IllegalStateException("decisionsTopic is not set; name the topic decisions go"
            + " to with decisionsTopic(\"decisions\")");
      }
      return new TriageTopology(this);
    }

    private static String topic(String what, String topic) {
      Objects.requireNonNull(topic, what);
      if (topic.isEmpty() || topic.length() > 249 || !topic.matches("[a-zA-Z0-9._-]+")
          || topic.equals(".") || topic.equals("..")) {
        throw new IllegalArgumentException(what + " must be a Kafka topic name (1 to 249 of"
            + " a-z A-Z 0-9 . _ -), but was '" + topic + "'");
      }
      return topic;
    }
  }
}
