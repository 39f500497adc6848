package org.fundflow.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The relay's producer and admin client connect like the binder: its TLS and SASL settings are passed on. */
class KafkaOutboxPublisherConfigTest {

  private static final Map<String, String> BINDER_CONFIGURATION = Map.of(
      "security.protocol", "SASL_SSL",
      "sasl.mechanism", "SCRAM-SHA-512",
      "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"p\";",
      "ssl.truststore.location", "/etc/kafka/truststore.p12",
      "ssl.truststore.password", "changeit",
      "acks", "1",
      "linger.ms", "50");

  @Test
  void theProducerGetsTheSecuritySettingsAndKeepsItsDeliveryGuarantees() {
    Map<String, Object> producer = KafkaOutboxPublisher.producerConfig("k1:9093", "/fundflow/post-subsidy", BINDER_CONFIGURATION);

    assertThat(producer)
        .containsEntry("bootstrap.servers", "k1:9093")
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
        .containsEntry("sasl.jaas.config", BINDER_CONFIGURATION.get("sasl.jaas.config"))
        .containsEntry("ssl.truststore.location", "/etc/kafka/truststore.p12")
        .containsEntry("ssl.truststore.password", "changeit")
        .containsEntry("acks", "all")
        .containsEntry("enable.idempotence", true)
        .containsEntry("linger.ms", 0);
  }

  @Test
  void theAdminClientThatCreatesTopicsGetsThemToo() {
    Map<String, Object> admin = KafkaOutboxPublisher.adminConfig("k1:9093", BINDER_CONFIGURATION);

    assertThat(admin)
        .containsEntry("bootstrap.servers", "k1:9093")
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
        .containsEntry("ssl.truststore.location", "/etc/kafka/truststore.p12")
        .doesNotContainKeys("acks", "linger.ms");
  }

  @Test
  void withoutSettingsTheClientsConnectInPlaintext() {
    assertThat(KafkaOutboxPublisher.producerConfig("k1:9092", "/fundflow/x", Map.of()))
        .doesNotContainKeys("security.protocol", "sasl.mechanism");
  }
}
