package org.fundflow.intake.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import org.fundflow.intake.adapter.in.kafka.IntegrityEventsConsumer;
import org.fundflow.intake.adapter.in.kafka.OwnProposalEventsConsumer;
import org.fundflow.intake.application.service.AwardNoticeService;
import org.fundflow.intake.domain.NoticePeriod;
import org.fundflow.intake.adapter.out.kafka.IntakeIntegrationEvents;
import org.fundflow.intake.adapter.out.mongo.MongoAdapters;
import org.fundflow.intake.adapter.out.support.TimeOrderedIds;
import org.fundflow.intake.application.port.in.HoldUseCase;
import org.fundflow.intake.application.service.HoldService;
import org.fundflow.intake.application.service.ProgramService;
import org.fundflow.intake.application.service.ProposalService;
import org.fundflow.intake.application.service.ReservationReconciliation;
import org.fundflow.platform.events.EventReader;
import org.fundflow.platform.outbox.AggregateWriter;
import org.fundflow.platform.outbox.OutboxEvents;
import org.fundflow.platform.scheduling.PeriodicSweep;
import org.fundflow.platform.domain.PersonIdProtection;
import org.fundflow.platform.documents.DocumentStore;
import org.fundflow.intake.adapter.out.mongo.GridFsProposalFiles;
import org.fundflow.intake.application.service.ProposalFilesService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.messaging.Message;

/** Explicit wiring of the hexagon: adapters -> ports -> services. */
@Configuration(proxyBeanMethods = false)
public class IntakeConfiguration {

  private static final Logger log = LoggerFactory.getLogger(IntakeConfiguration.class);

  @Bean
  MongoAdapters mongoAdapters(ReactiveMongoTemplate template, AggregateWriter writer, OutboxEvents events) {
    return new MongoAdapters(template, writer, new IntakeIntegrationEvents(events));
  }

  /** Millisecond ticks: what is answered is exactly what is stored (the store keeps milliseconds). */
  @Bean
  org.fundflow.intake.application.port.in.StatisticsUseCase statisticsQuery(ReactiveMongoTemplate template) {
    return new org.fundflow.intake.application.service.StatisticsService(
        new org.fundflow.intake.adapter.out.mongo.MongoStatistics(template));
  }

  @Bean
  Clock clock() {
    return Clock.tick(Clock.systemUTC(), java.time.Duration.ofMillis(1));
  }

  @Bean
  TimeOrderedIds idGenerator(Clock clock) {
    return new TimeOrderedIds(clock);
  }

  @Bean
  ProgramService programService(MongoAdapters mongo, TimeOrderedIds ids, Clock clock) {
    return new ProgramService(mongo.programs(), mongo.challenges(), ids, clock);
  }

  @Bean
  GridFsProposalFiles proposalFiles(DocumentStore store, ReactiveMongoTemplate template) {
    return new GridFsProposalFiles(store, template);
  }

  /**
   * How long an award stays under public notice (issue 17 point 2): {@code fundflow.intake.award-notice-period},
   * default P7D (seven calendar days in Asia/Shanghai); PT0S makes an award final at once.
   */
  @Bean
  NoticePeriod awardNoticePeriod(@Value("${fundflow.intake.award-notice-period:P7D}") Duration period) {
    return new NoticePeriod(period);
  }

  @Bean
  ProposalService proposalService(MongoAdapters mongo, PersonIdProtection personIds, TimeOrderedIds ids, Clock clock,
      GridFsProposalFiles files, NoticePeriod noticePeriod) {
    return new ProposalService(mongo.proposals(), mongo.programs(), mongo.challenges(), mongo.holds(),
        personIds, ids, clock, files, noticePeriod).withReviews(mongo.reviewResults());
  }

  /** 立项评审 (issue 17 point 1): review scores from milestone-review and the ranking of a program's proposals. */
  @Bean
  org.fundflow.intake.application.service.ReviewService reviewService(MongoAdapters mongo) {
    return new org.fundflow.intake.application.service.ReviewService(mongo.reviewResults(), mongo.programs(),
        mongo.proposals());
  }

  @Bean
  Consumer<Message<byte[]>> onProjectEvent(EventReader reader, MeterRegistry meters,
      org.fundflow.intake.application.service.ReviewService reviews) {
    return org.fundflow.intake.adapter.in.kafka.ProjectEventsConsumer.dispatcher(reader, meters, reviews);
  }

  @Bean
  AwardNoticeService awardNoticeService(MongoAdapters mongo, TimeOrderedIds ids, Clock clock) {
    return new AwardNoticeService(mongo.proposals(), mongo.programs(), mongo.awardNotices(), ids, clock);
  }

  /** Awards whose notice has ended with no objection pending become final (every replica; version-checked steps). */
  @Bean
  PeriodicSweep awardNoticeSweep(AwardNoticeService notices,
      @Value("${fundflow.intake.award-notice-sweep-every:PT1M}") Duration every) {
    return new PeriodicSweep("award notice sweep", every, () -> notices.finaliseDue().doOnNext(done -> {
      if (done > 0) {
        log.info("{} awards became final at the end of their public notice", done);
      }
    }));
  }

  /** A withdrawn award's amount back to its program's budget, from intake's own award-withdrawn event. */
  @Bean
  Consumer<Message<byte[]>> onOwnProposalEvent(EventReader reader, MeterRegistry meters, AwardNoticeService notices) {
    return OwnProposalEventsConsumer.dispatcher(reader, meters, notices);
  }

  @Bean
  ProposalFilesService proposalFilesService(MongoAdapters mongo) {
    return new ProposalFilesService(mongo.proposals());
  }

  /** Files whose owner (proposal, reward claim, voucher) no longer exists and chunks of cut-off uploads, after the grace period. */
  @Bean
  PeriodicSweep documentSweep(DocumentStore store, GridFsProposalFiles files, ReactiveMongoTemplate template,
      org.fundflow.intake.adapter.out.mongo.MongoVouchers vouchers) {
    // the owners are proposals, reward claims (their evidence) and vouchers (their contract documents), issue 18:
    // the file of an existing owner is no orphan
    java.util.function.Function<java.util.Set<String>, reactor.core.publisher.Mono<java.util.Set<String>>> existing =
        ids -> reactor.core.publisher.Mono.zip(files.existing(ids), RewardConfiguration.existingClaims(template, ids),
            vouchers.existing(ids)).map(found -> {
              java.util.Set<String> all = new java.util.HashSet<>(found.getT1());
              all.addAll(found.getT2());
              all.addAll(found.getT3());
              return all;
            });
    return org.fundflow.platform.documents.OrphanFileSweep.of("orphan file sweep", store, existing, "orphan files");
  }

  /** A reservation older than the lease is settled: kept when its proposal was awarded, given back otherwise. */
  @Bean
  ReservationReconciliation reservationReconciliation(MongoAdapters mongo, Clock clock,
      @Value("${fundflow.intake.reservation-lease:PT5M}") Duration lease) {
    return new ReservationReconciliation(mongo.programs(), mongo.proposals(), clock, lease);
  }

  @Bean
  PeriodicSweep reservationSweep(ReservationReconciliation reconciliation,
      @Value("${fundflow.intake.reservation-sweep-every:PT1M}") Duration every) {
    return new PeriodicSweep("budget reservation sweep", every, () -> reconciliation.reconcile().doOnNext(done -> {
      if (done.released() > 0) {
        log.warn("gave back {} budget reservations whose award was never written", done.released());
      }
    }));
  }

  @Bean
  HoldService holdService(MongoAdapters mongo) {
    return new HoldService(mongo.holds());
  }

  @Bean
  org.fundflow.intake.application.service.AwardRemainderService awardRemainderService(MongoAdapters mongo) {
    return new org.fundflow.intake.application.service.AwardRemainderService(mongo.programs());
  }

  /** A terminated project's unpaid award back to its program's budget (issue 17 point 5). */
  @Bean
  Consumer<Message<byte[]>> onDisbursementEvent(EventReader reader, MeterRegistry meters,
      org.fundflow.intake.application.service.AwardRemainderService remainders) {
    return org.fundflow.intake.adapter.in.kafka.DisbursementEventsConsumer.dispatcher(reader, meters, remainders);
  }

  @Bean
  Consumer<Message<byte[]>> onIntegrityEvent(EventReader reader, MeterRegistry meters, HoldUseCase holds) {
    return IntegrityEventsConsumer.dispatcher(reader, meters, holds);
  }
}
