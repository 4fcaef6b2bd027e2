/**
 * The throughput benchmark of the triage topology on a real local broker, against a
 * pass-through topology on the same broker as the floor: {@link
 * io.itsm.kafka.bench.KafkaThroughputBench}.
 */
package io.itsm.kafka.bench;
