package org.fundflow.intake.config;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import org.bson.Document;
import org.fundflow.intake.adapter.out.kafka.RewardClaimEventMessages;
import org.fundflow.intake.adapter.out.mongo.GridFsProposalFiles;
import org.fundflow.intake.adapter.out.mongo.MongoAdapters;
import org.fundflow.intake.adapter.out.mongo.MongoRewardClaims;
import org.fundflow.intake.application.service.RewardClaimsService;
import org.fundflow.platform.outbox.AggregateWriter;
import org.fundflow.platform.outbox.OutboxEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Mono;

/** Wiring of the reward claims (issue 18 point 3), kept apart from the proposals' wiring. */
@Configuration(proxyBeanMethods = false)
public class RewardConfiguration {

  @Bean
  MongoRewardClaims rewardClaims(ReactiveMongoTemplate template, AggregateWriter writer, OutboxEvents events) {
    return new MongoRewardClaims(template, writer, new RewardClaimEventMessages(events));
  }

  /** The evidence files are stored like proposal files, owner = the claim id. */
  @Bean
  RewardClaimsService rewardClaimsService(MongoRewardClaims claims, MongoAdapters mongo, GridFsProposalFiles files,
      Clock clock) {
    return new RewardClaimsService(claims, mongo.programs(), mongo.holds(), files, clock);
  }

  /** Of these owner ids, the reward claims that exist (the orphan file sweep keeps their evidence). */
  public static Mono<Set<String>> existingClaims(ReactiveMongoTemplate template, Set<String> ownerIds) {
    Query query = Query.query(Criteria.where("_id").in(ownerIds));
    query.fields().include("_id");
    return template.find(query, Document.class, MongoRewardClaims.COLLECTION)
        .map(d -> String.valueOf(d.get("_id")))
        .collect(HashSet::new, Set::add);
  }
}
