package org.fundflow.platform.readmodel;

import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;

/**
 * The base of a service's dashboard figures adapter (issue 16 point 4): the figures are counted and summed by the
 * store, by an aggregation or a projection, never by loading the aggregates; only the figures travel. A service's
 * {@code MongoStatistics} says which pipeline or fields, and maps the documents to its figures.
 */
public abstract class StoreFigures {

  private final ReactiveMongoTemplate template;

  protected StoreFigures(ReactiveMongoTemplate template) {
    this.template = template;
  }

  /** The documents an aggregation pipeline over the collection yields (its groups, in no order). */
  protected final Flux<Document> aggregate(String collection, Document... pipeline) {
    List<Document> stages = List.of(pipeline);
    return template.getCollection(collection).flatMapMany(c -> Flux.from(c.aggregate(stages, Document.class)));
  }

  /** Only these fields (dotted paths allowed) of every document of the collection, in no order. */
  protected final Flux<Document> fields(String collection, String... fields) {
    Query all = new Query();
    all.fields().include(fields);
    return template.find(all, Document.class, collection);
  }

  /** A whole number of a figures document; 0 when the field is absent. */
  protected static long number(Document figures, String field) {
    Object value = figures.get(field);
    return value == null ? 0L : ((Number) value).longValue();
  }
}
