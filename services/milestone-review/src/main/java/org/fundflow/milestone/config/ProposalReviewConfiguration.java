package org.fundflow.milestone.config;

import java.time.Clock;
import org.fundflow.milestone.adapter.in.kafka.ProposalReviewHandlers;
import org.fundflow.milestone.adapter.out.kafka.ProposalReviewMessages;
import org.fundflow.milestone.adapter.out.mongo.MongoExpertProfiles;
import org.fundflow.milestone.adapter.out.mongo.MongoProposalReviews;
import org.fundflow.milestone.application.service.ProposalReviewService;
import org.fundflow.platform.outbox.AggregateWriter;
import org.fundflow.platform.outbox.OutboxEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** 立项评审 (issue 17 point 1, docs/adr/0007): expert review panels of proposals before award. */
@Configuration(proxyBeanMethods = false)
public class ProposalReviewConfiguration {

  @Bean
  ProposalReviewMessages proposalReviewMessages(OutboxEvents events) {
    return new ProposalReviewMessages(events);
  }

  @Bean
  MongoProposalReviews proposalReviews(ReactiveMongoTemplate template, AggregateWriter writer,
      ProposalReviewMessages messages) {
    return new MongoProposalReviews(template, writer, messages);
  }

  /** The same drop rule as milestone panels ({@code fundflow.review.drop-extremes-from}). */
  @Bean
  ProposalReviewService proposalReviewService(MongoProposalReviews reviews, MongoExpertProfiles experts,
      ReviewProperties review, Clock clock) {
    return new ProposalReviewService(reviews, experts, review.policy().dropExtremesFrom(), clock);
  }

  @Bean
  ProposalReviewHandlers proposalReviewHandlers(ProposalReviewService reviews) {
    return new ProposalReviewHandlers(reviews);
  }
}
