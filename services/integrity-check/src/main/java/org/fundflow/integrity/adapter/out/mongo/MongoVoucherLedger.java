package org.fundflow.integrity.adapter.out.mongo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.fundflow.integrity.application.port.out.VoucherLedger;
import org.fundflow.integrity.domain.rules.voucher.ContractReusedRule;
import org.fundflow.integrity.domain.rules.voucher.VoucherFacts;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/**
 * Two collections, one document per key, each updated with one atomic push guarded by "not yet there" (a redelivered
 * event changes nothing): {@code voucher-contract-documents} (_id = SHA-256, the vouchers that used it) and
 * {@code voucher-program-redemptions} (_id = programId, the redeemed vouchers per provider).
 */
public final class MongoVoucherLedger implements VoucherLedger {

  static final String DOCUMENTS = "voucher-contract-documents";
  static final String REDEMPTIONS = "voucher-program-redemptions";

  private final ReactiveMongoTemplate template;

  public MongoVoucherLedger(ReactiveMongoTemplate template) {
    this.template = template;
  }

  @Override
  public Mono<List<ContractReusedRule.Use>> recordContract(VoucherFacts.Contract c) {
    if (c.contractSha256() == null) {
      return Mono.just(List.of());
    }
    Document use = new Document("voucherId", c.voucherId()).append("enterpriseCode", c.enterpriseCode())
        .append("providerCode", c.providerCode());
    Query q = new Query(Criteria.where("_id").is(c.contractSha256()).and("voucherIds").ne(c.voucherId()));
    Update u = new Update().push("uses", use).push("voucherIds", c.voucherId());
    return upsertOnce(q, u, DOCUMENTS)
        .then(template.findById(c.contractSha256(), Document.class, DOCUMENTS))
        .map(d -> d.getList("uses", Document.class, List.of()).stream()
            .map(x -> new ContractReusedRule.Use(x.getString("voucherId"), x.getString("enterpriseCode"),
                x.getString("providerCode")))
            .toList());
  }

  @Override
  public Mono<Map<String, Integer>> recordRedemption(VoucherFacts.Redemption r) {
    Document redemption = new Document("voucherId", r.voucherId()).append("providerId", r.providerId());
    Query q = new Query(Criteria.where("_id").is(r.programId()).and("voucherIds").ne(r.voucherId()));
    Update u = new Update().push("redemptions", redemption).push("voucherIds", r.voucherId());
    return upsertOnce(q, u, REDEMPTIONS)
        .then(template.findById(r.programId(), Document.class, REDEMPTIONS))
        .map(d -> {
          Map<String, Integer> byProvider = new LinkedHashMap<>();
          d.getList("redemptions", Document.class, List.of())
              .forEach(x -> byProvider.merge(x.getString("providerId"), 1, Integer::sum));
          return byProvider;
        });
  }

  /** The key's document exists and already holds the voucher: the upsert's insert collides, nothing to do. */
  private Mono<Void> upsertOnce(Query q, Update u, String collection) {
    return template.upsert(q, u, collection).onErrorResume(DuplicateKeyException.class, e -> Mono.empty()).then();
  }
}
