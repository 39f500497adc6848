package org.fundflow.intake.adapter.out.mongo;

import org.fundflow.intake.adapter.out.kafka.IntakeIntegrationEvents;
import org.fundflow.platform.outbox.AggregateWriter;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** Creates the store adapters (their constructors are package-private to keep the mechanics inside). */
public final class MongoAdapters {

  private final MongoAggregates store;
  private final ReactiveMongoTemplate template;
  private final AggregateWriter writer;

  public MongoAdapters(ReactiveMongoTemplate template, AggregateWriter writer, IntakeIntegrationEvents events) {
    this.store = new MongoAggregates(template, writer, events);
    this.template = template;
    this.writer = writer;
  }

  public MongoPrograms programs() {
    return new MongoPrograms(store);
  }

  public MongoChallenges challenges() {
    return new MongoChallenges(store);
  }

  public MongoProposals proposals() {
    return new MongoProposals(store);
  }

  public MongoReviewResults reviewResults() {
    return new MongoReviewResults(template, writer);
  }

  public MongoAwardNotices awardNotices() {
    return new MongoAwardNotices(store);
  }

  public MongoHolds holds() {
    return new MongoHolds(template, writer);
  }

  public MongoVouchers vouchers() {
    return new MongoVouchers(store);
  }

  public MongoServiceProviders serviceProviders() {
    return new MongoServiceProviders(store);
  }
}
