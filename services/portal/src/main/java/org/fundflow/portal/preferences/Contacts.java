package org.fundflow.portal.preferences;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Whom notification e-mails go to, in the user's preference document ({@code preferences}, by token subject): the
 * address of the ID token's {@code email} claim and the inboxes the user reads, remembered when the user is on the
 * portal, and the user's choice to get no e-mail ({@code mailOptOut}).
 */
@Component
public class Contacts {

  private final ReactiveMongoTemplate mongo;
  private final Clock clock;

  public Contacts(ReactiveMongoTemplate mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
  }

  /** A user to mail: where, and in which language (a language tag; null: the default). */
  public record Contact(String subject, String email, String language) {}

  public Mono<Void> remember(String subject, String email, Collection<String> inboxes) {
    Update update = new Update().set("inboxes", List.copyOf(inboxes)).set("seenAt", clock.instant());
    if (email == null || email.isBlank()) {
      update.unset("email");
    } else {
      update.set("email", email);
    }
    return mongo.upsert(Query.query(Criteria.where("_id").is(subject)), update, UserPreference.class).then();
  }

  /** The users who read this inbox, have an address and did not opt out. */
  public Flux<Contact> toMail(String inbox) {
    Query query = Query.query(Criteria.where("inboxes").is(inbox).and("email").exists(true).and("mailOptOut").ne(true));
    return mongo.find(query, org.bson.Document.class, "preferences")
        .map(d -> new Contact(d.getString("_id"), d.getString("email"), d.getString("language")));
  }

  public Mono<Boolean> mailOptOut(String subject) {
    return mongo.findById(subject, org.bson.Document.class, "preferences")
        .map(d -> Boolean.TRUE.equals(d.getBoolean("mailOptOut")))
        .defaultIfEmpty(false);
  }

  public Mono<Void> setMailOptOut(String subject, boolean optOut) {
    return mongo.upsert(Query.query(Criteria.where("_id").is(subject)), new Update().set("mailOptOut", optOut),
        UserPreference.class).then();
  }
}
