package io.itsm.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/** The runner's configuration (no broker needed: Kafka Streams connects only on start). */
class TriageStreamsTest {

  static TriageTopology topology() {
    return TriageTopology.builder().ticketsTopic("t").decisionsTopic("d").build();
  }

  @Test
  void defaultConfig_isExactlyOnceV2() {
    Properties p = TriageStreams.defaultConfig();
    assertThat(p.getProperty(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))
        .isEqualTo(StreamsConfig.EXACTLY_ONCE_V2).isEqualTo("exactly_once_v2");
    assertThat(p.getProperty(StreamsConfig.NUM_STREAM_THREADS_CONFIG)).isEqualTo("1");
    assertThat(p.getProperty("producer.batch.size")).isEqualTo("131072");
  }

  @Test
  void build_keepsExactlyOnce_andSetsIdServersAndThreads() {
    try (TriageStreams s = TriageStreams.builder(topology())
        .bootstrapServers("127.0.0.1:1")
        .applicationId("itsm-triage")
        .threads(3)
        .build()) {
      Properties c = s.config();
      assertThat(c.getProperty(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))
          .isEqualTo("exactly_once_v2");
      assertThat(c.getProperty(StreamsConfig.APPLICATION_ID_CONFIG)).isEqualTo("itsm-triage");
      assertThat(c.getProperty(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG)).isEqualTo("127.0.0.1:1");
      assertThat(c.getProperty(StreamsConfig.NUM_STREAM_THREADS_CONFIG)).isEqualTo("3");
      assertThat(s.state()).isEqualTo(KafkaStreams.State.CREATED);
      assertThat(s.topology().ticketsTopic()).isEqualTo("t");
    }
  }

  @Test
  void config_canChooseAnotherGuarantee() {
    try (TriageStreams s = TriageStreams.builder(topology())
        .bootstrapServers("127.0.0.1:1")
        .applicationId("a")
        .config(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE)
        .build()) {
      assertThat(s.config().getProperty(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))
          .isEqualTo("at_least_once");
    }
  }

  @Test
  void build_withoutApplicationIdOrServers_isRejectedNamingTheSetting() {
    assertThatThrownBy(() -> TriageStreams.builder(topology()).bootstrapServers("x:1").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("applicationId is not set");
    assertThatThrownBy(() -> TriageStreams.builder(topology()).applicationId("a").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("bootstrapServers is not set");
    assertThatThrownBy(() -> TriageStreams.builder(topology()).threads(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("threads must be at least 1, but was 0");
  }

  @Test
  void topologyBuilder_rejectsMissingSameOrInvalidTopics() {
    assertThatThrownBy(() -> TriageTopology.builder().decisionsTopic("d").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ticketsTopic is not set");
    assertThatThrownBy(() -> TriageTopology.builder().ticketsTopic("t").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("decisionsTopic is not set");
    assertThatThrownBy(() -> TriageTopology.builder().ticketsTopic("t").decisionsTopic("t").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("four different topics");
    assertThatThrownBy(() -> TriageTopology.builder().ticketsTopic("a b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ticketsTopic must be a Kafka topic name")
        .hasMessageContaining("'a b'");
  }

  @Test
  void topologyBuilder_defaultsTheDeadLetterAndStatusTopics() {
    TriageTopology t = topology();
    assertThat(t.deadLettersTopic()).isEqualTo("t-dead-letters");
    assertThat(t.statusTopic()).isEqualTo("d-status");
    assertThat(t.currentRules().version()).isEqualTo(1);
    assertThat(t.currentRules().files()).isEmpty();
    assertThat(t.reloadNow()).isEmpty();
  }
}
