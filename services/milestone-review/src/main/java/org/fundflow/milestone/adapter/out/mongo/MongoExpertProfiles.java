package org.fundflow.milestone.adapter.out.mongo;

import org.fundflow.milestone.application.port.out.ExpertProfiles;
import org.fundflow.milestone.domain.ExpertProfile;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/** Expert profiles in {@code experts}, keyed by the expert's identity. Plain bookkeeping: no events. */
public class MongoExpertProfiles implements ExpertProfiles {

  public static final String COLLECTION = "experts";

  private final ReactiveMongoTemplate template;

  public MongoExpertProfiles(ReactiveMongoTemplate template) {
    this.template = template;
  }

  @Override
  public Mono<ExpertProfile> find(String expertId) {
    return template.findById(expertId, ExpertProfile.class, COLLECTION);
  }

  @Override
  public Mono<ExpertProfile> save(ExpertProfile profile) {
    return template.save(profile, COLLECTION);
  }
}
