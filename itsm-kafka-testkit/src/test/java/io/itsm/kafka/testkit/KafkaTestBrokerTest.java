package io.itsm.kafka.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaTestBrokerTest {

  @Test
  void start_thenProduceAndConsume_roundTripsInATransaction_andCloseDeletesTheDirectory()
      throws Exception {
    Path dir;
    try (KafkaTestBroker kafka = KafkaTestBroker.start()) {
      dir = kafka.directory();
      assertThat(dir).isDirectory();
      kafka.createTopic("greetings", 2);
      kafka.createTopic("greetings", 2); // exists: left as it is
      try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
          ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
          ProducerConfig.TRANSACTIONAL_ID_CONFIG, "greeter"),
          new StringSerializer(), new StringSerializer())) {
        producer.initTransactions();
        producer.beginTransaction();
        producer.send(new ProducerRecord<>("greetings", "a", "hello"));
        producer.send(new ProducerRecord<>("greetings", "b", "world"));
        producer.commitTransaction();
      }
      List<String> seen = new ArrayList<>();
      try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
          ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
          ConsumerConfig.GROUP_ID_CONFIG, "reader",
          ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
          ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
          new StringDeserializer(), new StringDeserializer())) {
        consumer.subscribe(List.of("greetings"));
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (seen.size() < 2 && System.nanoTime() < deadline) {
          for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
            seen.add(r.key() + "=" + r.value());
          }
        }
      }
      assertThat(seen).containsExactlyInAnyOrder("a=hello", "b=world");
    }
    assertThat(Files.exists(dir)).isFalse();
  }

  @Test
  void start_withZeroTimeout_isRejected() {
    assertThatThrownBy(() -> KafkaTestBroker.start(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeout must be positive, but was PT0S");
  }
}
