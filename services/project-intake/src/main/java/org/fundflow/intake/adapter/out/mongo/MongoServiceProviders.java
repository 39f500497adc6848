package org.fundflow.intake.adapter.out.mongo;

import java.util.List;
import org.bson.Document;
import org.fundflow.intake.application.port.out.ServiceProviders;
import org.fundflow.intake.domain.IntakeEvent;
import org.fundflow.intake.domain.voucher.ServiceProvider;
import org.fundflow.platform.domain.ConcurrentChange;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Service providers, one document each, id derived from the organisation code (one registration per organisation). */
public final class MongoServiceProviders implements ServiceProviders {

  public static final String COLLECTION = "service-providers";

  private final MongoAggregates store;

  MongoServiceProviders(MongoAggregates store) {
    this.store = store;
  }

  @Override
  public Mono<ServiceProvider> find(String id) {
    return store.find(COLLECTION, id, ServiceProvider.class);
  }

  @Override
  public Flux<ServiceProvider> list(Filter f) {
    Criteria criteria = new Criteria();
    if (f.status() != null) {
      criteria = criteria.and("status").is(f.status().name());
    }
    if (f.category() != null) {
      criteria = criteria.and("categories").is(f.category().name());
    }
    if (f.afterId() != null) {
      criteria = criteria.and("_id").gt(f.afterId());
    }
    Query query = new Query(criteria).with(Sort.by("_id")).limit(f.limit());
    return store.template().find(query, Document.class, COLLECTION)
        .map(doc -> store.read(doc, ServiceProvider.class));
  }

  @Override
  public Mono<ServiceProvider> save(ServiceProvider provider, List<IntakeEvent> events) {
    return store.save(COLLECTION, provider.id(), provider, provider.version() == 0 ? null : provider.version(), events)
        .onErrorMap(DuplicateKeyException.class,
            e -> new ConcurrentChange("service provider " + provider.id() + " exists"))
        .thenReturn(provider.atVersion(provider.version() + 1));
  }
}
