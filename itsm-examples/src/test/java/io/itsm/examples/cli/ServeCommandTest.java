package io.itsm.examples.cli;

import static io.itsm.examples.cli.TestFiles.BROKEN;
import static io.itsm.examples.cli.TestFiles.PRINTER;
import static io.itsm.examples.cli.TestFiles.PRINTERS_ARE_P4;
import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.kafka.testkit.KafkaTestBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {

  @TempDir Path dir;

  @Test
  void serve_withoutKafka_isAUsageError() {
    Cli r = Cli.run("serve", "--tickets", "t", "--decisions", "d");

    assertThat(r.exitCode()).isEqualTo(ItsmCommand.EXIT_USAGE);
    assertThat(r.err()).contains("Missing required option: '--kafka=BOOTSTRAP'");
  }

  @Test
  void serve_withZeroThreads_isAUsageError() {
    Cli r = Cli.run("serve", "--kafka", "127.0.0.1:1", "--tickets", "t", "--decisions", "d",
        "--threads", "0");

    assertThat(r.exitCode()).isEqualTo(ItsmCommand.EXIT_USAGE);
    assertThat(r.err()).contains("--threads must be at least 1, but was 0");
  }

  @Test
  void serve_withATimeBudgetAndNoTimeBudget_isAUsageError() {
    Cli r = Cli.run("serve", "--kafka", "127.0.0.1:1", "--tickets", "t", "--decisions", "d",
        "--time-budget", "500", "--no-time-budget");

    assertThat(r.exitCode()).isEqualTo(ItsmCommand.EXIT_USAGE);
    assertThat(r.err()).contains("--time-budget and --no-time-budget exclude each other");
  }

  @Test
  void serve_withTheSameTopicTwice_isAUsageError() {
    Cli r = Cli.run("serve", "--kafka", "127.0.0.1:1", "--tickets", "t", "--decisions", "t");

    assertThat(r.exitCode()).isEqualTo(ItsmCommand.EXIT_USAGE);
    assertThat(r.err()).contains("must be four different topics");
  }

  @Test
  void serve_withAMissingRulesDirectory_cannotRead() {
    Cli r = Cli.run("serve", "--kafka", "127.0.0.1:1", "--tickets", "t", "--decisions", "d",
        "--rules", dir.resolve("nope").toString());

    assertThat(r.exitCode()).isEqualTo(ItsmCommand.EXIT_IO);
    assertThat(r.err()).contains("cannot read rules directory " + dir.resolve("nope"));
  }

  @Test
  void serve_withRulesThatDoNotCompile_namesFileAndLine_andDoesNotStart() throws Exception {
    Files.writeString(dir.resolve("broken.drl"), BROKEN);

    Cli r = Cli.run("serve", "--kafka", "127.0.0.1:1", "--tickets", "t", "--decisions", "d",
        "--rules", dir.toString());

    assertThat(r.exitCode()).isEqualTo(ItsmCommand.EXIT_FAILURES);
    assertThat(r.err()).contains(dir.resolve("broken.drl") + ":").contains("rules do not compile");
  }

  @Test
  void serve_triagesFromARealBroker_untilInterrupted_thenClosesCleanly() throws Exception {
    Files.writeString(dir.resolve("printers.drl"), PRINTERS_ARE_P4);
    AtomicReference<Cli> result = new AtomicReference<>();
    try (KafkaTestBroker kafka = KafkaTestBroker.start()) {
      for (String topic : List.of("tickets", "decisions", "tickets-dead-letters",
          "decisions-status")) {
        kafka.createTopic(topic, 1);
      }
      Thread serving = new Thread(() -> result.set(Cli.run("serve", "--kafka",
          kafka.bootstrapServers(), "--tickets", "tickets", "--decisions", "decisions",
          "--rules", dir.toString(), "--application-id", "serve-test",
          "--config", "state.dir=" + dir.resolve("state"))), "itsm-serve-test");
      serving.start();
      try (KafkaProducer<String, String> producer = new KafkaProducer<>(
              Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
              new StringSerializer(), new StringSerializer());
          KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
              ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
              ConsumerConfig.GROUP_ID_CONFIG, "serve-test-reader",
              ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
              ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
              new StringDeserializer(), new StringDeserializer())) {
        producer.send(new ProducerRecord<>("tickets", "T-1", PRINTER));
        producer.send(new ProducerRecord<>("tickets", "X-9", "oops"));
        producer.flush();
        consumer.subscribe(List.of("decisions", "tickets-dead-letters"));
        String decision = null;
        String dead = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while ((decision == null || dead == null) && System.nanoTime() < deadline
            && serving.isAlive()) {
          for (ConsumerRecord<String, String> rec : consumer.poll(Duration.ofMillis(500))) {
            if (rec.topic().equals("decisions")) {
              decision = rec.value();
            } else {
              dead = new String(rec.headers().lastHeader("itsm.error.kind").value(),
                  StandardCharsets.UTF_8);
            }
          }
        }
        assertThat(decision).startsWith("{\"id\":\"T-1\",\"category\":\"hardware\"")
            .contains("\"priority\":\"P4\"").contains("Printers are P4");
        assertThat(dead).isEqualTo("malformed-json");
      }
      serving.interrupt(); // as Ctrl-C stops the command
      serving.join(TimeUnit.SECONDS.toMillis(120));
      assertThat(serving.isAlive()).isFalse();
    }
    Cli r = result.get();
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).contains("itsm: serving tickets -> decisions (dead letters"
        + " tickets-dead-letters, status decisions-status) with 1 thread(s), rules version 1")
        .endsWith("itsm: stopped\n");
  }
}
