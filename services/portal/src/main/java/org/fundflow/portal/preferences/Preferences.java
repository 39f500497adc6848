package org.fundflow.portal.preferences;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The user preference store. A preference is a convenience: when the store is slow or down the portal goes on in the
 * session's (or the default) language, so every call has a short timeout and never fails the page.
 */
@Component
public class Preferences {

  private static final Logger log = LoggerFactory.getLogger(Preferences.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(1);

  private final ReactiveMongoTemplate mongo;
  private final Clock clock;

  public Preferences(ReactiveMongoTemplate mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
  }

  public Mono<String> language(String subject) {
    return mongo.findById(subject, UserPreference.class)
        .mapNotNull(UserPreference::language)
        .timeout(TIMEOUT)
        .onErrorResume(e -> {
          log.warn("preference store: cannot read ({}); using the session's language", e.toString());
          return Mono.empty();
        });
  }

  public Mono<Void> saveLanguage(String subject, String language) {
    // an upsert of these fields only: the same document keeps the user's notification settings (Contacts)
    return mongo.upsert(Query.query(Criteria.where("_id").is(subject)),
            new Update().set("language", language).set("changedAt", clock.instant()), UserPreference.class)
        .timeout(TIMEOUT)
        .then()
        .onErrorResume(e -> {
          log.warn("preference store: cannot save ({}); the language holds for this session only", e.toString());
          return Mono.empty();
        });
  }
}
