package org.fundflow.milestone.adapter.out.mongo;

import org.fundflow.milestone.application.port.out.ExpertDirectory;
import org.fundflow.milestone.domain.ExpertProfile;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;

/**
 * The {@code experts} collection read as a list: keyset on {@code _id} (the expert's identity), the text matched as a
 * literal (never as a pattern the caller wrote) against the name and the id (anywhere, any case) and the organisation
 * code (its start).
 */
public class MongoExpertDirectory implements ExpertDirectory {

  private final ReactiveMongoTemplate template;

  public MongoExpertDirectory(ReactiveMongoTemplate template) {
    this.template = template;
  }

  @Override
  public Flux<ExpertProfile> find(String text, String afterId, int limit) {
    Criteria criteria = new Criteria();
    if (afterId != null) {
      criteria = Criteria.where("_id").gt(afterId);
    }
    if (text != null) {
      String literal = literal(text);
      Criteria matches = new Criteria().orOperator(
          Criteria.where("name").regex(literal, "i"),
          Criteria.where("_id").regex(literal, "i"),
          Criteria.where("organisationCode").regex("^" + literal(text.toUpperCase(java.util.Locale.ROOT))));
      criteria = afterId == null ? matches : new Criteria().andOperator(criteria, matches);
    }
    Query query = new Query(criteria).with(Sort.by(Sort.Direction.ASC, "_id")).limit(limit);
    return template.find(query, ExpertProfile.class, MongoExpertProfiles.COLLECTION);
  }

  /** Every character that means something in a regular expression escaped one by one (no \Q..\E: not every engine has it). */
  static String literal(String text) {
    StringBuilder out = new StringBuilder(text.length() * 2);
    for (char c : text.toCharArray()) {
      if ("\\^$.|?*+()[]{}-/".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }
}
