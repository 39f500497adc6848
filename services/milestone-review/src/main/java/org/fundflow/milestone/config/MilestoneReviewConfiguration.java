package org.fundflow.milestone.config;

import org.fundflow.platform.application.OrganisationHolds;
import org.fundflow.platform.readmodel.MongoOrganisationHolds;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.function.Consumer;
import org.fundflow.milestone.adapter.in.kafka.HoldMessage;
import org.fundflow.milestone.adapter.in.kafka.IntegrationEventHandlers;
import org.fundflow.milestone.adapter.in.kafka.ProposalAwardedMessage;
import org.fundflow.milestone.adapter.out.kafka.ProjectEventMessages;
import org.fundflow.milestone.adapter.out.mongo.GridFsEvidenceFiles;
import org.fundflow.milestone.adapter.out.mongo.MongoExpertProfiles;
import org.fundflow.milestone.adapter.out.mongo.MongoProjects;
import org.fundflow.milestone.application.service.ExpertService;
import org.fundflow.milestone.application.service.HoldService;
import org.fundflow.milestone.application.service.MilestoneEvidenceService;
import org.fundflow.milestone.application.service.PostAwardService;
import org.fundflow.milestone.application.service.ProjectLifecycleService;
import org.fundflow.platform.documents.DocumentStore;
import org.fundflow.platform.events.EventDispatcher;
import org.fundflow.platform.events.EventReader;
import org.fundflow.platform.outbox.AggregateWriter;
import org.fundflow.platform.outbox.OutboxEvents;
import org.fundflow.platform.scheduling.PeriodicSweep;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.messaging.Message;

/** Explicit wiring of the hexagon: adapters -> ports -> services. */
@Configuration(proxyBeanMethods = false)
public class MilestoneReviewConfiguration {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MilestoneReviewConfiguration.class);

  @Bean
  ProjectEventMessages projectEventMessages(OutboxEvents events) {
    return new ProjectEventMessages(events);
  }

  @Bean
  MongoProjects projects(ReactiveMongoTemplate template, AggregateWriter writer, ProjectEventMessages messages) {
    return new MongoProjects(template, writer, messages);
  }

  @Bean
  org.fundflow.milestone.application.port.in.StatisticsUseCase statisticsQuery(ReactiveMongoTemplate template) {
    return new org.fundflow.milestone.application.service.StatisticsService(
        new org.fundflow.milestone.adapter.out.mongo.MongoStatistics(template));
  }

  @Bean
  MongoExpertProfiles expertProfiles(ReactiveMongoTemplate template) {
    return new MongoExpertProfiles(template);
  }

  @Bean
  OrganisationHolds holds(ReactiveMongoTemplate template) {
    return new MongoOrganisationHolds(template);
  }

  @Bean
  GridFsEvidenceFiles evidenceFiles(DocumentStore store, ReactiveMongoTemplate template) {
    return new GridFsEvidenceFiles(store, template);
  }

  @Bean
  ProjectLifecycleService projectLifecycleService(MongoProjects projects, MongoExpertProfiles experts, OrganisationHolds holds,
      ReviewProperties review, Clock clock, GridFsEvidenceFiles evidenceFiles) {
    return new ProjectLifecycleService(projects, experts, holds, review.policy(), clock, evidenceFiles);
  }

  @Bean
  MilestoneEvidenceService milestoneEvidenceService(MongoProjects projects) {
    return new MilestoneEvidenceService(projects);
  }

  /**
   * Evidence no report names once older than the grace period (uploaded for a report that never came, or cut off by a
   * crash) goes; a file a report names stays for good.
   */
  @Bean
  PeriodicSweep evidenceSweep(DocumentStore store, GridFsEvidenceFiles files,
      org.fundflow.milestone.adapter.out.mongo.MongoPerformanceEvaluations evaluations) {
    // a file a report names, or a performance evaluation names (issue 17 point 6), is kept
    return new PeriodicSweep("orphan evidence sweep", store.properties().sweepInterval(),
        () -> store.sweepUnreferencedFiles(candidates -> files.referenced(candidates)
            .zipWith(evaluations.referenced(candidates), (a, b) -> {
              java.util.Set<String> kept = new java.util.HashSet<>(a);
              kept.addAll(b);
              return (java.util.Set<String>) kept;
            })).doOnNext(removed -> {
          if (removed > 0) {
            log.info("removed {} unreferenced evidence files or cut-off uploads", removed);
          }
        }));
  }

  @Bean
  PostAwardService postAwardService(MongoProjects projects, Clock clock, PostAwardProperties postAward) {
    return new PostAwardService(projects, clock, postAward.remindDays());
  }

  /** Reminders before, OVERDUE + warning after a milestone's due date (issue 17 point 5); safe on every replica. */
  @Bean
  PeriodicSweep dueDateSweep(PostAwardService postAward, PostAwardProperties properties) {
    return new PeriodicSweep("milestone due-date sweep", properties.sweepInterval(),
        () -> postAward.sweep().doOnNext(changed -> {
          if (changed > 0) {
            log.info("due-date sweep: {} projects reminded or marked overdue", changed);
          }
        }));
  }

  @Bean
  HoldService holdService(MongoProjects projects, OrganisationHolds holds, Clock clock) {
    return new HoldService(projects, holds, clock);
  }

  @Bean
  ExpertService expertService(MongoExpertProfiles experts) {
    return new ExpertService(experts);
  }

  @Bean
  IntegrationEventHandlers integrationEventHandlers(ProjectLifecycleService projects, HoldService holds) {
    return new IntegrationEventHandlers(projects, holds);
  }

  @Bean
  Consumer<Message<byte[]>> onProposalEvent(EventReader reader, MeterRegistry meters, IntegrationEventHandlers handlers,
      org.fundflow.milestone.adapter.in.kafka.ProposalReviewHandlers reviews) {
    return EventDispatcher.builder("milestone-review/proposal-events", reader, meters)
        .on(IntegrationEventHandlers.PROPOSAL_AWARDED, ProposalAwardedMessage.class, handlers::onProposalAwarded)
        .on(org.fundflow.milestone.adapter.in.kafka.ProposalReviewHandlers.PROPOSAL_SCREENED,
            org.fundflow.milestone.adapter.in.kafka.ProposalScreenedMessage.class, reviews::onProposalScreened)
        .build();
  }

  @Bean
  Consumer<Message<byte[]>> onIntegrityEvent(EventReader reader, MeterRegistry meters, IntegrationEventHandlers handlers) {
    return EventDispatcher.builder("milestone-review/integrity-events", reader, meters)
        .on(IntegrationEventHandlers.HOLD_PLACED, HoldMessage.class, handlers::onHoldPlaced)
        .on(IntegrationEventHandlers.HOLD_LIFTED, HoldMessage.class, handlers::onHoldLifted)
        .build();
  }
}
