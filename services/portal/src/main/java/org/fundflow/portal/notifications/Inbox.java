package org.fundflow.portal.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The notifications store: inboxes by recipient, newest first, keyset paging on (createdAt, _id); read marks per user.
 * Indexes: unique (eventId, recipient), the idempotency of the consumers; (recipient, createdAt desc, _id desc) for the
 * pages and the unread count.
 */
@Component
public class Inbox implements InitializingBean {

  private static final Logger log = LoggerFactory.getLogger(Inbox.class);
  static final String COLLECTION = "notifications";

  private final ReactiveMongoTemplate mongo;
  private final NotificationSignals signals;

  public Inbox(ReactiveMongoTemplate mongo, NotificationSignals signals) {
    this.mongo = mongo;
    this.signals = signals;
  }

  /**
   * Before the consumers start (bean initialisation precedes the bindings' start): the unique index is what makes a
   * redelivered event a no-op. A store that is down at start-up is logged; the consumers' inserts then fail and are
   * retried by the binder.
   */
  @Override
  public void afterPropertiesSet() {
    var indexes = mongo.indexOps(Notification.class);
    try {
      indexes.createIndex(new Index().on("eventId", Sort.Direction.ASC).on("recipient", Sort.Direction.ASC)
              .unique().named("event_recipient"))
          .then(indexes.createIndex(new Index().on("recipient", Sort.Direction.ASC)
              .on("createdAt", Sort.Direction.DESC).on("_id", Sort.Direction.DESC).named("inbox_newest_first")))
          .block(Duration.ofSeconds(15));
    } catch (RuntimeException e) {
      log.warn("notifications: cannot create the indexes ({})", e.toString());
    }
  }

  /** Stores a notification; empty when this event already made one for this inbox (a redelivery). */
  public Mono<Notification> deliver(Notification notification) {
    return mongo.insert(notification)
        .doOnNext(saved -> signals.changed(saved.recipient()))
        .onErrorResume(DuplicateKeyException.class, e -> Mono.empty());
  }

  /** A page of the inboxes, newest first, after the cursor of the previous page's last notification. */
  public Flux<Notification> page(Collection<String> recipients, Optional<Cursor> after, int limit) {
    Criteria criteria = Criteria.where("recipient").in(recipients);
    if (after.isPresent()) {
      Cursor c = after.get();
      criteria = new Criteria().andOperator(criteria, new Criteria().orOperator(
          Criteria.where("createdAt").lt(c.createdAt()),
          new Criteria().andOperator(Criteria.where("createdAt").is(c.createdAt()), Criteria.where("_id").lt(c.id()))));
    }
    Query query = Query.query(criteria)
        .with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id")))
        .limit(limit);
    return mongo.find(query, Notification.class);
  }

  public Mono<Long> unread(Collection<String> recipients, String subject) {
    return mongo.count(Query.query(Criteria.where("recipient").in(recipients).and("readBy").ne(subject)),
        Notification.class);
  }

  public Mono<Void> markRead(String id, Collection<String> recipients, String subject) {
    if (!ObjectId.isValid(id)) {
      return Mono.empty();
    }
    return mongo.updateFirst(Query.query(Criteria.where("_id").is(new ObjectId(id)).and("recipient").in(recipients)),
            new Update().addToSet("readBy", subject), Notification.class)
        .doOnNext(r -> signals.readBy(subject))
        .then();
  }

  public Mono<Void> markAllRead(Collection<String> recipients, String subject) {
    return mongo.updateMulti(Query.query(Criteria.where("recipient").in(recipients).and("readBy").ne(subject)),
            new Update().addToSet("readBy", subject), Notification.class)
        .doOnNext(r -> signals.readBy(subject))
        .then();
  }

  /** Claims the e-mail of a notification for one user: true once, so that one user gets at most one e-mail of it. */
  public Mono<Boolean> claimMail(Notification notification, String subject) {
    return mongo.updateFirst(
            Query.query(Criteria.where("_id").is(new ObjectId(notification.id())).and("mailedTo").ne(subject)),
            new Update().addToSet("mailedTo", subject), Notification.class)
        .map(r -> r.getModifiedCount() == 1);
  }

  /** Where a page ends: the last notification's creation time and id. */
  public record Cursor(Instant createdAt, ObjectId id) {

    public static Optional<Cursor> parse(String text) {
      if (text == null || text.isBlank()) {
        return Optional.empty();
      }
      int dash = text.indexOf('-');
      if (dash < 0 || !ObjectId.isValid(text.substring(dash + 1))) {
        return Optional.empty();
      }
      try {
        return Optional.of(new Cursor(Instant.ofEpochMilli(Long.parseLong(text.substring(0, dash))),
            new ObjectId(text.substring(dash + 1))));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }

    public static String of(Notification n) {
      return n.createdAt().toEpochMilli() + "-" + n.id();
    }
  }
}
