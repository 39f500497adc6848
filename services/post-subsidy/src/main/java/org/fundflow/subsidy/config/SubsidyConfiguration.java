package org.fundflow.subsidy.config;

import org.fundflow.platform.application.OrganisationHolds;
import org.fundflow.platform.readmodel.MongoOrganisationHolds;
import java.time.Clock;
import java.time.Duration;
import org.fundflow.platform.documents.DocumentStore;
import org.fundflow.platform.outbox.AggregateWriter;
import org.fundflow.platform.outbox.OutboxEvents;
import org.fundflow.subsidy.adapter.out.kafka.IntegrationEvents;
import org.fundflow.subsidy.adapter.out.mongo.GridFsClaimEvidenceFiles;
import org.fundflow.subsidy.adapter.out.mongo.MongoClaims;
import org.fundflow.subsidy.adapter.out.mongo.MongoDisbursements;
import org.fundflow.subsidy.adapter.out.mongo.MongoPrograms;
import org.fundflow.subsidy.adapter.out.mongo.MongoProjects;
import org.fundflow.subsidy.application.port.in.ClaimsUseCase;
import org.fundflow.subsidy.application.port.in.DisbursementsUseCase;
import org.fundflow.subsidy.application.port.in.ExternalEventsUseCase;
import org.fundflow.subsidy.application.port.out.Claims;
import org.fundflow.subsidy.application.port.out.Disbursements;
import org.fundflow.subsidy.application.port.out.Programs;
import org.fundflow.subsidy.application.port.out.Projects;
import org.fundflow.subsidy.application.service.ClaimsService;
import org.fundflow.subsidy.application.service.DisbursementsService;
import org.fundflow.subsidy.application.service.ExternalEventsService;
import org.fundflow.platform.scheduling.PeriodicSweep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** Explicit wiring of the hexagon: adapters implement the ports, services get them by constructor. */
@Configuration(proxyBeanMethods = false)
public class SubsidyConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SubsidyConfiguration.class);

  @Bean
  IntegrationEvents integrationEvents(OutboxEvents events) {
    return new IntegrationEvents(events);
  }

  @Bean
  Disbursements disbursements(ReactiveMongoTemplate template, AggregateWriter writer, IntegrationEvents events) {
    return new MongoDisbursements(template, writer, events);
  }

  @Bean
  Claims claims(ReactiveMongoTemplate template, AggregateWriter writer, IntegrationEvents events) {
    return new MongoClaims(template, writer, events);
  }

  @Bean
  org.fundflow.subsidy.application.port.in.StatisticsUseCase statisticsQuery(ReactiveMongoTemplate template) {
    return new org.fundflow.subsidy.application.service.StatisticsService(
        new org.fundflow.subsidy.adapter.out.mongo.MongoStatistics(template));
  }

  @Bean
  Programs programs(ReactiveMongoTemplate template) {
    return new MongoPrograms(template);
  }

  @Bean
  OrganisationHolds holds(ReactiveMongoTemplate template) {
    return new MongoOrganisationHolds(template);
  }

  @Bean
  Projects projects(ReactiveMongoTemplate template) {
    return new MongoProjects(template);
  }

  @Bean
  org.fundflow.subsidy.adapter.out.mongo.MongoAwardRemainders awardRemainders(ReactiveMongoTemplate template,
      AggregateWriter writer, IntegrationEvents events) {
    return new org.fundflow.subsidy.adapter.out.mongo.MongoAwardRemainders(template, writer, events);
  }

  @Bean
  ExternalEventsUseCase externalEvents(Disbursements disbursements, Programs programs, Projects projects, OrganisationHolds holds,
      Clock clock, org.fundflow.subsidy.adapter.out.mongo.MongoAwardRemainders remainders) {
    return new ExternalEventsService(disbursements, programs, projects, holds, clock, remainders);
  }

  @Bean
  DisbursementsUseCase disbursementsUseCase(Disbursements disbursements, Programs programs, OrganisationHolds holds, Clock clock,
      @Value("${fundflow.subsidy.reconcile-grace:60s}") Duration grace) {
    return new DisbursementsService(disbursements, programs, holds, clock, grace);
  }

  @Bean
  ClaimsUseCase claimsUseCase(Claims claims, Programs programs, Disbursements disbursements, Clock clock,
      DocumentStore documents) {
    return new ClaimsService(claims, programs, disbursements, clock, new GridFsClaimEvidenceFiles(documents));
  }

  /** Finishes (RELEASED) or gives back (anything else) budget reservations a crash left behind. */
  @Bean
  PeriodicSweep reservationReconciler(DisbursementsUseCase useCase,
      @Value("${fundflow.subsidy.reconcile-every:60s}") Duration every) {
    return new PeriodicSweep("reservation reconciliation", every, () -> useCase.reconcile().doOnNext(n -> {
      if (n > 0) {
        log.info("reconciled {} budget reservations left by interrupted releases", n);
      }
    }));
  }
}
