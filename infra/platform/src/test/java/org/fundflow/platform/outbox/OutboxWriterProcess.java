package org.fundflow.platform.outbox;

import java.util.List;
import java.util.Map;
import org.fundflow.platform.outbox.OutboxFixtures.Counter;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import com.mongodb.reactivestreams.client.MongoClients;

/**
 * A stand-in for a service process: stores one state change with its event through the
 * {@link AggregateWriter} (no relay running), says so, and waits to be killed.
 */
public final class OutboxWriterProcess {

  public static void main(String[] args) throws Exception {
    String uri = args[0];
    String database = args[1];
    String topic = args[2];
    String counterId = args[3];
    ReactiveMongoTemplate template = new ReactiveMongoTemplate(MongoClients.create(uri), database);
    AggregateWriter writer = new AggregateWriter(template, null);
    OutboxEvent event = OutboxFixtures.events().create(topic, "fundflow.platformtest.counter-started.v1",
        counterId, counterId, "corr-" + counterId, Map.of("counterId", counterId, "value", 1));
    writer.write(AggregateWrite.create(OutboxFixtures.COLLECTION, counterId, new Counter(counterId, 1), List.of(event)))
        .block();
    System.out.println("WRITTEN " + event.id());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
