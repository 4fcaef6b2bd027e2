/**
 * A real Kafka broker for tests and benchmarks, started in the caller's JVM from Kafka's own Maven
 * artifacts: {@link io.itsm.kafka.testkit.KafkaTestBroker}. One KRaft node that is both broker and
 * controller, on free loopback ports, in a temporary directory deleted on close. No Docker, no
 * installed Kafka, no ZooKeeper.
 */
package io.itsm.kafka.testkit;
