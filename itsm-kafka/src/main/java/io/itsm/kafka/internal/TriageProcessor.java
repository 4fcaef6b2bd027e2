package io.itsm.kafka.internal;

import io.itsm.core.ItsmException;
import io.itsm.core.incident.Ticket;
import io.itsm.core.json.DecisionWriter;
import io.itsm.core.json.ItsmJson;
import io.itsm.core.json.JsonFormatException;
import io.itsm.core.triage.TriageResult;
import io.itsm.kafka.DeadLetterHeaders;
import io.itsm.kafka.RulesStatus;
import io.itsm.kafka.TriageMetrics;
import io.itsm.rules.RuleExecutionException;
import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.StreamsMetrics;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Triages one record of the tickets topic: the decision goes to the decisions sink keyed by the
 * ticket's id; a record that cannot be read or triaged goes, unchanged, to the dead-letter sink
 * with {@link DeadLetterHeaders}. On a wall-clock punctuation it lets the {@link RuleHolder} start
 * a check of the rules directory (on a thread of its own: the punctuation does not wait for it)
 * and forwards pending status records to the status sink.
 *
 * <p>Not thread-safe: Kafka Streams gives each task its own instance.
 */
public final class TriageProcessor implements Processor<byte[], byte[], byte[], byte[]> {

  /** The name of the decisions sink. */
  public static final String DECISIONS = "decisions";

  /** The name of the dead-letter sink. */
  public static final String DEAD_LETTERS = "dead-letters";

  /** The name of the status sink. */
  public static final String STATUS = "status";

  private static final ItsmJson JSON = ItsmJson.defaults();

  private final RuleHolder rules;
  private final Duration reloadInterval;
  private ProcessorContext<byte[], byte[]> context;
  private StreamsMetrics metrics;
  private Sensor latency;
  private Sensor deadLetters;
  private Cancellable punctuation;

  /**
   * Creates a processor.
   *
   * @param rules the shared rules
   * @param reloadInterval how often the rules directory is checked
   */
  public TriageProcessor(RuleHolder rules, Duration reloadInterval) {
    this.rules = rules;
    this.reloadInterval = reloadInterval;
  }

  @Override
  public void init(ProcessorContext<byte[], byte[]> context) {
    this.context = context;
    this.metrics = context.metrics();
    String task = context.taskId().toString();
    latency = metrics.addLatencyRateTotalSensor(TriageMetrics.SCOPE, task, TriageMetrics.TRIAGE,
        Sensor.RecordingLevel.INFO);
    deadLetters = metrics.addRateTotalSensor(TriageMetrics.SCOPE, task,
        TriageMetrics.DEAD_LETTER, Sensor.RecordingLevel.INFO);
    punctuation = context.schedule(reloadInterval, PunctuationType.WALL_CLOCK_TIME, this::tick);
  }

  private void tick(long wallClockMillis) {
    rules.checkIfDue(wallClockMillis, reloadInterval.toMillis());
    byte[] key = rules.source().name().getBytes(StandardCharsets.UTF_8);
    for (RulesStatus s : rules.drainStatus()) {
      context.forward(new Record<>(key, s.toJson().getBytes(StandardCharsets.UTF_8),
          wallClockMillis), STATUS);
    }
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    RuleHolder.Loaded serving = rules.current();
    byte[] value = record.value();
    if (value == null || value.length == 0) {
      deadLetter(record, serving, DeadLetterHeaders.KIND_EMPTY,
          "the record has no value; a ticket record's value is one ticket as JSON", null, null,
          null);
      return;
    }
    Ticket ticket;
    try {
      ticket = JSON.readTicket(new ByteArrayInputStream(value));
    } catch (JsonFormatException e) {
      String kind = e.getProblem().startsWith("malformed JSON")
          ? DeadLetterHeaders.KIND_MALFORMED_JSON
          : DeadLetterHeaders.KIND_INVALID_TICKET;
      deadLetter(record, serving, kind, e.getMessage(), e.getPath(), null, null);
      return;
    } catch (UncheckedIOException e) {
      deadLetter(record, serving, DeadLetterHeaders.KIND_MALFORMED_JSON,
          "cannot read the value: " + e.getCause(), null, null, null);
      return;
    }
    String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    Optional<String> ticketId = ticket.id();
    if (ticketId.isPresent() && key != null && !ticketId.get().equals(key)) {
      deadLetter(record, serving, DeadLetterHeaders.KIND_KEY_MISMATCH,
          "the record key '" + key + "' is not the ticket's id '" + ticketId.get()
              + "'; key ticket records by their ticket id", "$.id", null, null);
      return;
    }
    String id = ticketId.orElse(key);
    if (id == null || id.isBlank()) {
      deadLetter(record, serving, DeadLetterHeaders.KIND_NO_ID,
          "the record has no key and the ticket no id; give either the ticket's id", "$.id",
          null, null);
      return;
    }
    TriageResult result;
    long start = System.nanoTime();
    try {
      result = serving.engine().triage(ticket);
    } catch (RuleExecutionException e) {
      deadLetter(record, serving, DeadLetterHeaders.KIND_TRIAGE_FAILED, e.getMessage(), null,
          String.join(", ", e.getRules()),
          e.getFile().map(f -> f + e.getLine().stream().mapToObj(l -> ":" + l).findFirst()
              .orElse("")).orElse(null));
      return;
    } catch (ItsmException e) {
      deadLetter(record, serving, DeadLetterHeaders.KIND_TRIAGE_FAILED, e.getMessage(), null,
          null, null);
      return;
    } catch (RuntimeException | StackOverflowError e) {
      // the engine turns every failure of rule code into RuleExecutionException; anything else
      // is still one failed record, never the end of the stream
      deadLetter(record, serving, DeadLetterHeaders.KIND_TRIAGE_FAILED, "internal error: " + e,
          null, null, null);
      return;
    }
    latency.record(System.nanoTime() - start);
    Headers headers = new RecordHeaders(record.headers().toArray());
    headers.add(DeadLetterHeaders.RULES_VERSION, utf8(Long.toString(serving.version().version())));
    context.forward(new Record<>(id.getBytes(StandardCharsets.UTF_8),
        DecisionWriter.toJson(id, result).getBytes(StandardCharsets.UTF_8), record.timestamp(),
        headers), DECISIONS);
  }

  private void deadLetter(Record<byte[], byte[]> record, RuleHolder.Loaded serving, String kind,
      String message, String path, String rule, String location) {
    Headers h = new RecordHeaders(record.headers().toArray());
    h.add(DeadLetterHeaders.KIND, utf8(kind));
    h.add(DeadLetterHeaders.MESSAGE, utf8(message));
    if (path != null) {
      h.add(DeadLetterHeaders.PATH, utf8(path));
    }
    if (rule != null && !rule.isEmpty()) {
      h.add(DeadLetterHeaders.RULE, utf8(rule));
    }
    if (location != null) {
      h.add(DeadLetterHeaders.LOCATION, utf8(location));
    }
    Optional<RecordMetadata> m = context.recordMetadata();
    if (m.isPresent()) {
      h.add(DeadLetterHeaders.SOURCE_TOPIC, utf8(m.get().topic()));
      h.add(DeadLetterHeaders.SOURCE_PARTITION, utf8(Integer.toString(m.get().partition())));
      h.add(DeadLetterHeaders.SOURCE_OFFSET, utf8(Long.toString(m.get().offset())));
    }
    h.add(DeadLetterHeaders.RULES_VERSION, utf8(Long.toString(serving.version().version())));
    deadLetters.record();
    context.forward(new Record<>(record.key(), record.value(), record.timestamp(), h),
        DEAD_LETTERS);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    if (punctuation != null) {
      punctuation.cancel();
    }
    if (metrics != null) {
      metrics.removeSensor(latency);
      metrics.removeSensor(deadLetters);
    }
  }
}
