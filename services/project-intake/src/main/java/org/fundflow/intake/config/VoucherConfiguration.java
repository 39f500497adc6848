package org.fundflow.intake.config;

import java.time.Clock;
import org.fundflow.intake.adapter.out.mongo.GridFsContractDocuments;
import org.fundflow.intake.adapter.out.mongo.MongoAdapters;
import org.fundflow.intake.adapter.out.mongo.MongoVouchers;
import org.fundflow.intake.application.service.VoucherService;
import org.fundflow.platform.documents.DocumentStore;
import org.fundflow.platform.domain.PersonIdProtection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of the innovation vouchers (issue 18 point 1): adapters -> ports -> service. */
@Configuration(proxyBeanMethods = false)
public class VoucherConfiguration {

  @Bean
  MongoVouchers mongoVouchers(MongoAdapters mongo) {
    MongoVouchers vouchers = mongo.vouchers();
    vouchers.ensureIndexes().block(java.time.Duration.ofSeconds(30));
    return vouchers;
  }

  @Bean
  VoucherService voucherService(MongoVouchers vouchers, MongoAdapters mongo, DocumentStore store,
      PersonIdProtection personIds, Clock clock) {
    return new VoucherService(vouchers, mongo.serviceProviders(), mongo.programs(), mongo.holds(),
        new GridFsContractDocuments(store), personIds, clock);
  }
}
