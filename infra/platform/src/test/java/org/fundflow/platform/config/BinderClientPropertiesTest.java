package org.fundflow.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The documented environment variables reach the relay as the Kafka client properties they name. */
class BinderClientPropertiesTest {

  @Test
  void environmentVariablesOfTheBinderConfigurationBecomeKafkaClientProperties() {
    StandardEnvironment environment = new StandardEnvironment();
    // Boot maps names like SPRING_..._SASL_MECHANISM only in the source named systemEnvironment
    environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
        new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
        "SPRING_CLOUD_STREAM_KAFKA_BINDER_CONFIGURATION_SECURITY_PROTOCOL", "SASL_SSL",
        "SPRING_CLOUD_STREAM_KAFKA_BINDER_CONFIGURATION_SASL_MECHANISM", "SCRAM-SHA-512",
        "SPRING_CLOUD_STREAM_KAFKA_BINDER_CONFIGURATION_SASL_JAAS_CONFIG", "ScramLoginModule required;",
        "SPRING_CLOUD_STREAM_KAFKA_BINDER_CONFIGURATION_SSL_TRUSTSTORE_LOCATION", "/etc/kafka/ca.p12")));

    assertThat(PlatformAutoConfiguration.binderClientProperties(environment))
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
        .containsEntry("sasl.jaas.config", "ScramLoginModule required;")
        .containsEntry("ssl.truststore.location", "/etc/kafka/ca.p12");
  }

  @Test
  void withoutConfigurationThereIsNothingToPassOn() {
    assertThat(PlatformAutoConfiguration.binderClientProperties(new StandardEnvironment())).isEmpty();
  }
}
