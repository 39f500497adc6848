package org.fundflow.platform.outbox;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code fundflow.outbox.*}: which collections hold aggregate documents with an outbox, and how
 * the relay runs.
 */
@ConfigurationProperties("fundflow.outbox")
public record OutboxProperties(
    List<String> collections,
    Duration pollInterval,
    Duration lease,
    Integer batchSize,
    Boolean relayEnabled) {

  public OutboxProperties {
    collections = collections == null ? List.of() : List.copyOf(collections);
    pollInterval = pollInterval == null ? Duration.ofMillis(200) : pollInterval;
    lease = lease == null ? Duration.ofSeconds(30) : lease;
    batchSize = batchSize == null ? 100 : batchSize;
    relayEnabled = relayEnabled == null || relayEnabled;
  }
}
