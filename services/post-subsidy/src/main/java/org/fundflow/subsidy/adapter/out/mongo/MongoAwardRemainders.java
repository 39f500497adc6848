package org.fundflow.subsidy.adapter.out.mongo;

import java.util.List;
import org.fundflow.subsidy.adapter.out.kafka.IntegrationEvents;
import org.fundflow.subsidy.application.port.out.AwardRemainders;
import org.fundflow.subsidy.domain.AwardRemainder;
import org.fundflow.platform.outbox.AggregateWrite;
import org.fundflow.platform.outbox.AggregateWriter;
import org.fundflow.platform.outbox.WriteOutcome;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/**
 * {@code award-remainders}: one document per terminated project (its id is the project id, so the unique
 * {@code _id} is the "publish once" guard), written with its award-remainder-released event in its outbox.
 */
public class MongoAwardRemainders implements AwardRemainders {

  public static final String COLLECTION = "award-remainders";

  private final AggregateWriter writer;
  private final IntegrationEvents integration;

  public MongoAwardRemainders(ReactiveMongoTemplate template, AggregateWriter writer, IntegrationEvents integration) {
    this.writer = writer;
    this.integration = integration;
  }

  @Override
  public Mono<Boolean> release(AwardRemainder remainder) {
    return writer.write(AggregateWrite.create(COLLECTION, remainder.projectId(), remainder,
            List.of(integration.of(remainder))))
        .map(outcome -> outcome == WriteOutcome.WRITTEN)
        .onErrorResume(DuplicateKeyException.class, e -> Mono.just(false));
  }
}
