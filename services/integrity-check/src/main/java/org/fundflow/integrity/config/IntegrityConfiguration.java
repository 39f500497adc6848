package org.fundflow.integrity.config;

import java.time.Clock;
import org.fundflow.integrity.adapter.out.kafka.IntegrityEventMapper;
import org.fundflow.integrity.adapter.out.mongo.GridFsCaseEvidenceFiles;
import org.fundflow.integrity.adapter.out.mongo.MongoDishonestyList;
import org.fundflow.integrity.adapter.out.mongo.MongoIntegrityRecords;
import org.fundflow.integrity.adapter.out.mongo.MongoKnownParties;
import org.fundflow.integrity.adapter.out.mongo.MongoOrganisationHistory;
import org.fundflow.integrity.adapter.out.mongo.MongoProposalArchive;
import org.fundflow.integrity.application.port.in.HoldUseCase;
import org.fundflow.integrity.application.port.out.DishonestyList;
import org.fundflow.integrity.application.port.out.IntegrityRecords;
import org.fundflow.integrity.application.port.out.KnownParties;
import org.fundflow.integrity.application.port.out.OrganisationHistory;
import org.fundflow.platform.domain.PersonIdProtection;
import org.fundflow.integrity.application.port.out.ProposalArchive;
import org.fundflow.integrity.application.service.CaseService;
import org.fundflow.integrity.application.service.DishonestyListService;
import org.fundflow.integrity.application.service.EventScreeningService;
import org.fundflow.integrity.application.service.HoldService;
import org.fundflow.integrity.application.service.IntegrityRecordQueryService;
import org.fundflow.integrity.domain.HoldPolicy;
import org.fundflow.integrity.domain.Severity;
import org.fundflow.integrity.domain.rules.DishonestyListRule;
import org.fundflow.integrity.domain.rules.DuplicateApplicationRule;
import org.fundflow.integrity.domain.rules.ExpenditureAnomalyRule;
import org.fundflow.integrity.domain.rules.voucher.RedemptionOutlierRule;
import org.fundflow.integrity.adapter.out.mongo.MongoVoucherLedger;
import org.fundflow.integrity.application.port.out.VoucherLedger;
import org.fundflow.integrity.application.service.VoucherScreeningService;
import org.fundflow.integrity.domain.rules.TextSimilarity.Measure;
import org.fundflow.platform.documents.DocumentStore;
import org.fundflow.platform.outbox.AggregateWriter;
import org.fundflow.platform.outbox.OutboxEvents;
import org.fundflow.platform.scheduling.PeriodicSweep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** Explicit wiring of the hexagon: rules from configuration, ports to adapters, use cases. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IntegrityProperties.class)
public class IntegrityConfiguration {

  private static final Logger log = LoggerFactory.getLogger(IntegrityConfiguration.class);

  @Bean
  DuplicateApplicationRule duplicateApplicationRule(IntegrityProperties p) {
    DuplicateApplicationRule.Settings d = DuplicateApplicationRule.Settings.defaults();
    IntegrityProperties.Duplicate c = p.duplicate();
    return new DuplicateApplicationRule(new DuplicateApplicationRule.Settings(
        c.shingleSize() != null ? c.shingleSize() : d.shingleSize(),
        c.measure() != null ? c.measure() : d.measure(),
        c.threshold() != null ? c.threshold() : d.threshold(),
        c.severity() != null ? c.severity() : d.severity()));
  }

  @Bean
  ExpenditureAnomalyRule expenditureAnomalyRule(IntegrityProperties p) {
    IntegrityProperties.Expenditure e = p.expenditure();
    return new ExpenditureAnomalyRule(new ExpenditureAnomalyRule.Settings(
        e.increaseFactor() != null ? e.increaseFactor() : 3.0,
        e.cumulativeCapFen() != null ? e.cumulativeCapFen() : 1_000_000_000L));
  }

  @Bean
  DishonestyListRule dishonestyListRule(IntegrityProperties p) {
    return new DishonestyListRule(p.dishonestyHoldYearsWithoutEnd());
  }

  @Bean
  HoldPolicy holdPolicy(IntegrityProperties p) {
    return new HoldPolicy(p.holdYearsBySeverity());
  }

  @Bean
  IntegrityEventMapper integrityEventMapper(OutboxEvents events) {
    return new IntegrityEventMapper(events);
  }

  @Bean
  MongoIntegrityRecords integrityRecords(ReactiveMongoTemplate template, AggregateWriter writer,
      IntegrityEventMapper mapper) {
    MongoIntegrityRecords records = new MongoIntegrityRecords(template, writer, mapper);
    records.ensureIndexes().onErrorResume(e -> reactor.core.publisher.Mono.empty()).subscribe();
    return records;
  }

  @Bean
  ProposalArchive proposalArchive(ReactiveMongoTemplate template) {
    return new MongoProposalArchive(template);
  }

  @Bean
  OrganisationHistory organisationHistory(ReactiveMongoTemplate template) {
    return new MongoOrganisationHistory(template);
  }

  @Bean
  DishonestyList dishonestyList(ReactiveMongoTemplate template, Clock clock) {
    return new MongoDishonestyList(template, clock);
  }

  @Bean
  KnownParties knownParties(ReactiveMongoTemplate template) {
    return new MongoKnownParties(template);
  }

  @Bean
  EventScreeningService eventScreeningService(IntegrityRecords records, ProposalArchive proposals,
      OrganisationHistory history, DishonestyList list, KnownParties known, DuplicateApplicationRule duplicates,
      DishonestyListRule dishonesty, ExpenditureAnomalyRule anomalies, Clock clock) {
    return new EventScreeningService(records, proposals, history, list, known, duplicates, dishonesty, anomalies,
        clock);
  }

  @Bean
  RedemptionOutlierRule redemptionOutlierRule(IntegrityProperties p) {
    IntegrityProperties.VoucherOutlier o = p.voucherOutlier();
    RedemptionOutlierRule.Settings d = RedemptionOutlierRule.Settings.defaults();
    return new RedemptionOutlierRule(new RedemptionOutlierRule.Settings(
        o.minRedemptions() != null ? o.minRedemptions() : d.minRedemptions(),
        o.factor() != null ? o.factor() : d.factor(),
        o.minPeers() != null ? o.minPeers() : d.minPeers()));
  }

  @Bean
  VoucherLedger voucherLedger(ReactiveMongoTemplate template) {
    return new MongoVoucherLedger(template);
  }

  @Bean
  VoucherScreeningService voucherScreeningService(IntegrityRecords records, VoucherLedger ledger,
      RedemptionOutlierRule outliers, Clock clock) {
    return new VoucherScreeningService(records, ledger, outliers, clock);
  }

  @Bean
  CaseService caseService(IntegrityRecords records, HoldPolicy policy, Clock clock, DocumentStore documents) {
    return new CaseService(records, policy, clock, new GridFsCaseEvidenceFiles(documents));
  }

  @Bean
  HoldService holdService(IntegrityRecords records, Clock clock, IntegrityProperties p) {
    return new HoldService(records, clock, p.holdExpiringLead());
  }

  @Bean
  DishonestyListService dishonestyListService(DishonestyList list, PersonIdProtection hashing, KnownParties known,
      IntegrityRecords records, DishonestyListRule rule, Clock clock) {
    return new DishonestyListService(list, new org.fundflow.integrity.adapter.out.csv.JacksonCsvReader(), hashing, known,
        records, rule, clock);
  }

  @Bean
  IntegrityRecordQueryService integrityRecordQueryService(IntegrityRecords records, DishonestyList list,
      PersonIdProtection hashing) {
    return new IntegrityRecordQueryService(records, list, hashing);
  }

  /**
   * Ends holds at their end date: lifts the holds that are due (hold-lifted, reason EXPIRED); with several replicas
   * the records' optimistic versions let only one lift a hold.
   */
  /**
   * Screens list entries whose effective date was still ahead at import time once they are in force (issue 12: a
   * change of the list in force acts on the known parties without waiting for their next event).
   */
  @Bean
  PeriodicSweep listScreeningSweep(org.fundflow.integrity.application.port.in.ImportDishonestyListUseCase imports,
      IntegrityProperties p) {
    return new PeriodicSweep("list screening", p.listScreeningInterval(), () -> imports.screenEntriesNowInForce()
        .doOnNext(n -> {
          if (n > 0) {
            log.info("list screening: {} list entries now in force screened against the known parties", n);
          }
        }));
  }

  @Bean
  PeriodicSweep holdExpirySweep(HoldUseCase holds, IntegrityProperties p) {
    return new PeriodicSweep("hold sweep", p.holdSweepInterval(), () -> holds.expireDue().doOnNext(n -> {
      if (n > 0) {
        log.info("hold sweep lifted {} expired hold(s)", n);
      }
    }).then(reactor.core.publisher.Mono.defer(holds::announceExpiring)).doOnNext(n -> {
      if (n > 0) {
        log.info("hold sweep announced {} hold(s) ending within {}", n, p.holdExpiringLead());
      }
    }));
  }

}
