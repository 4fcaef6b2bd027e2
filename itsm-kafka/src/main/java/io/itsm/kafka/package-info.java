/**
 * Triage as a Kafka Streams application: {@link io.itsm.kafka.TriageTopology} builds the topology
 * (tickets topic → triage → decisions topic; unreadable or failed records to a dead-letter topic
 * with the original bytes and headers naming the error; rule reloads reported on a status topic),
 * {@link io.itsm.kafka.TriageStreams} runs it with exactly-once processing.
 *
 * <p>This is the integration module, so Kafka types appear in its public API; {@code itsm-core}
 * and {@code itsm-rules} know nothing of Kafka. Record formats, headers and metric names are in
 * {@code docs/kafka.md}.
 */
package io.itsm.kafka;
