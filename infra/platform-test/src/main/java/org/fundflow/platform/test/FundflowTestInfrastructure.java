package org.fundflow.platform.test;

import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.boot.test.util.TestPropertyValues;

/**
 * Points a Spring Boot test at the {@link SharedInfrastructure} of this JVM: the broker, a fresh
 * database of its own on the shared store (so test classes do not see each other's records), and
 * the test JWT key. Use with {@code @ContextConfiguration(initializers = FundflowTestInfrastructure.class)}.
 */
public class FundflowTestInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    SharedInfrastructure infrastructure = SharedInfrastructure.get();
    String database = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    TestPropertyValues.of(
        "spring.cloud.stream.kafka.binder.brokers=" + infrastructure.kafkaBootstrapServers(),
        "fundflow.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
        "spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
        "spring.mongodb.uri=" + infrastructure.mongoUri(database),
        "fundflow.security.jwt.public-key=" + TestJwts.publicKeyBase64(),
        "fundflow.outbox.poll-interval=50ms")
        .applyTo(context);
  }
}
