package io.itsm.kafka;

/**
 * The names of the metrics the triage processor adds to Kafka Streams' own (through the processor
 * context's {@link org.apache.kafka.streams.StreamsMetrics}), so they appear in {@link
 * org.apache.kafka.streams.KafkaStreams#metrics()}, over JMX ({@code
 * kafka.streams:type=stream-itsm-triage-metrics,thread-id=...,itsm-triage-id=TASK}) and in any
 * metrics reporter configured for Kafka Streams.
 *
 * <p>Group {@value #GROUP}, tags {@code thread-id} (the stream thread) and {@value #TAG} (the task,
 * for example {@code 0_1}: sub-topology 0, partition 1). Recording level INFO.
 *
 * <ul>
 *   <li>{@code triage-latency-avg}, {@code triage-latency-max}: the time one ticket's triage took
 *       (the rules alone, not reading or writing JSON), in <b>nanoseconds</b>, over the metrics
 *       window;
 *   <li>{@code triage-rate}, {@code triage-total}: tickets triaged per second, and in all;
 *   <li>{@code dead-letter-rate}, {@code dead-letter-total}: records sent to the dead-letter topic.
 * </ul>
 *
 * <p>Not instantiable; constants only.
 */
public final class TriageMetrics {

  /** The scope given to {@code StreamsMetrics}. */
  public static final String SCOPE = "itsm-triage";

  /** The metric group. */
  public static final String GROUP = "stream-" + SCOPE + "-metrics";

  /** The tag naming the task. */
  public static final String TAG = SCOPE + "-id";

  /** The operation of the latency sensor. */
  public static final String TRIAGE = "triage";

  /** The operation of the dead-letter sensor. */
  public static final String DEAD_LETTER = "dead-letter";

  /** Average triage latency in nanoseconds. */
  public static final String TRIAGE_LATENCY_AVG = "triage-latency-avg";

  /** Maximum triage latency in nanoseconds. */
  public static final String TRIAGE_LATENCY_MAX = "triage-latency-max";

  /** Tickets triaged per second. */
  public static final String TRIAGE_RATE = "triage-rate";

  /** Tickets triaged in all. */
  public static final String TRIAGE_TOTAL = "triage-total";

  /** Dead letters per second. */
  public static final String DEAD_LETTER_RATE = "dead-letter-rate";

  /** Dead letters in all. */
  public static final String DEAD_LETTER_TOTAL = "dead-letter-total";

  private TriageMetrics() {}
}
