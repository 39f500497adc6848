package org.fundflow.subsidy.adapter.in.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.fundflow.platform.events.EventDispatcher;
import org.fundflow.platform.events.EventReader;
import org.fundflow.platform.events.MalformedEventException;
import org.fundflow.platform.events.ReceivedEvent;
import org.fundflow.subsidy.adapter.in.kafka.Messages.CaseDecidedMessage;
import org.fundflow.subsidy.adapter.in.kafka.Messages.ClaimVerifiedMessage;
import org.fundflow.subsidy.adapter.in.kafka.Messages.HoldLiftedMessage;
import org.fundflow.subsidy.adapter.in.kafka.Messages.HoldPlacedMessage;
import org.fundflow.subsidy.adapter.in.kafka.Messages.MilestoneAcceptedMessage;
import org.fundflow.subsidy.adapter.in.kafka.Messages.ProgramMessage;
import org.fundflow.subsidy.adapter.in.kafka.Messages.ProjectCompletedMessage;
import org.fundflow.subsidy.adapter.in.kafka.Messages.ProjectSuspensionMessage;
import org.fundflow.subsidy.adapter.in.kafka.Messages.ProjectTerminatedMessage;
import org.fundflow.subsidy.adapter.in.kafka.Messages.ProposalAwardedMessage;
import org.fundflow.subsidy.application.port.in.ExternalEventsUseCase;
import org.fundflow.subsidy.application.port.in.RecoveriesUseCase;
import org.fundflow.subsidy.application.port.in.ExternalEventsUseCase.Origin;
import org.fundflow.subsidy.domain.FundingSplit;
import org.fundflow.subsidy.domain.ProgramKind;
import org.fundflow.subsidy.domain.SubsidyRule;
import org.fundflow.subsidy.domain.TrancheSchedule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import reactor.core.publisher.Mono;

/** Per-message consumers (binder retries + DLQ apply), one per consumed topic, routed by event type. */
@Configuration(proxyBeanMethods = false)
public class EventConsumers {

  public static final String PROGRAM_PUBLISHED = "fundflow.intake.program-published.v1";
  public static final String PROGRAM_CHANGED = "fundflow.intake.program-changed.v1";
  public static final String PROPOSAL_AWARDED = "fundflow.intake.proposal-awarded.v1";
  public static final String MILESTONE_ACCEPTED = "fundflow.milestone.milestone-accepted.v1";
  public static final String PROJECT_COMPLETED = "fundflow.milestone.project-completed.v1";
  public static final String PROJECT_TERMINATED = "fundflow.milestone.project-terminated.v1";
  public static final String PROJECT_SUSPENDED = "fundflow.milestone.project-suspended.v1";
  public static final String PROJECT_RESUMED = "fundflow.milestone.project-resumed.v1";
  public static final String HOLD_PLACED = "fundflow.integrity.hold-placed.v1";
  public static final String HOLD_LIFTED = "fundflow.integrity.hold-lifted.v1";
  public static final String CASE_DECIDED = "fundflow.integrity.case-decided.v1";
  public static final String CLAIM_VERIFIED = "fundflow.subsidy.expenditure-claim-verified.v1";
  public static final String VOUCHER_REDEEMED = "fundflow.intake.voucher-redeemed.v1";

  @Bean
  Consumer<Message<byte[]>> onProgramEvent(EventReader reader, MeterRegistry meters, ExternalEventsUseCase useCase) {
    return EventDispatcher.builder("post-subsidy/program-events", reader, meters)
        .on(PROGRAM_PUBLISHED, ProgramMessage.class, e -> useCase.programChanged(program(e.data())))
        .on(PROGRAM_CHANGED, ProgramMessage.class, e -> useCase.programChanged(program(e.data())))
        .build();
  }

  @Bean
  Consumer<Message<byte[]>> onProposalEvent(EventReader reader, MeterRegistry meters, ExternalEventsUseCase useCase,
      org.fundflow.subsidy.application.port.in.RewardPaymentsUseCase rewards) {
    return EventDispatcher.builder("post-subsidy/proposal-events", reader, meters)
        // issue 18 point 3: a verified reward claim is paid once per organisation and achievement
        .on(RewardMessages.REWARD_CLAIM_VERIFIED, RewardMessages.RewardClaimVerifiedMessage.class, e -> {
          RewardMessages.RewardClaimVerifiedMessage m = e.data();
          return rewards.rewardVerified(valid(() -> new org.fundflow.subsidy.application.port.in.RewardPaymentsUseCase
              .RewardVerified(m.claimId(), m.programId(), m.organisationCode(), m.achievementCode(),
                  m.achievementName(), m.amountFen(), origin(e))));
        })
        .on(PROPOSAL_AWARDED, ProposalAwardedMessage.class, e -> {
          ProposalAwardedMessage m = e.data();
          List<TrancheSchedule.Milestone> plan = m.milestones() == null ? List.of() : m.milestones().stream()
              .map(x -> new TrancheSchedule.Milestone(x.milestoneId(), x.sequence(), x.tranchePercent())).toList();
          return useCase.proposalAwarded(new ExternalEventsUseCase.Awarded(m.projectId(), m.programId(),
              kind(m.programKind()), m.organisationCode(), m.awardedAmountFen(),
              valid(() -> m.fundingSplit() == null ? null
                  : new FundingSplit(m.fundingSplit().advancePercent(), m.fundingSplit().balancePercent())),
              plan, origin(e)));
        })
        // issue 18: a redeemed voucher pays the provider the voucher share
        .on(VOUCHER_REDEEMED, Messages.VoucherRedeemedMessage.class, e -> {
          Messages.VoucherRedeemedMessage m = e.data();
          if (m.providerOrganisationCode().equals(m.organisationCode())) {
            throw new MalformedEventException("voucher " + m.voucherId() + " names its own enterprise as provider");
          }
          return useCase.voucherRedeemed(new ExternalEventsUseCase.VoucherRedeemed(m.voucherId(), m.programId(),
              m.organisationCode(), m.providerOrganisationCode(), m.providerName(), m.contractAmountFen(),
              m.faceValueFen(), m.ratioBasisPoints(), origin(e)));
        })
        .build();
  }

  @Bean
  Consumer<Message<byte[]>> onProjectEvent(EventReader reader, MeterRegistry meters, ExternalEventsUseCase useCase) {
    return EventDispatcher.builder("post-subsidy/project-events", reader, meters)
        .on(MILESTONE_ACCEPTED, MilestoneAcceptedMessage.class, e -> {
          MilestoneAcceptedMessage m = e.data();
          return useCase.milestoneAccepted(new ExternalEventsUseCase.MilestoneAccepted(m.projectId(), m.programId(),
              kind(m.programKind()), m.milestoneId(), m.sequence(), m.tranchePercent(), m.awardedAmountFen(),
              m.organisationCode(), m.lastMilestone(), origin(e)));
        })
        .on(PROJECT_COMPLETED, ProjectCompletedMessage.class, e -> {
          ProjectCompletedMessage m = e.data();
          return useCase.projectCompleted(new ExternalEventsUseCase.ProjectCompleted(m.projectId(), m.programId(),
              kind(m.programKind()), m.organisationCode(), m.awardedAmountFen(), origin(e)));
        })
        .on(PROJECT_TERMINATED, ProjectTerminatedMessage.class, e -> {
          ProjectTerminatedMessage m = e.data();
          return useCase.projectTerminated(new ExternalEventsUseCase.ProjectTerminated(m.projectId(), m.programId(),
              m.organisationCode(), m.reason(), m.awardedAmountFen(), origin(e)));
        })
        .on(PROJECT_SUSPENDED, ProjectSuspensionMessage.class, e -> useCase.projectSuspension(
            new ExternalEventsUseCase.ProjectSuspension(e.data().projectId(), e.data().programId(),
                e.data().organisationCode(), true, e.data().reason(), origin(e))))
        .on(PROJECT_RESUMED, ProjectSuspensionMessage.class, e -> useCase.projectSuspension(
            new ExternalEventsUseCase.ProjectSuspension(e.data().projectId(), e.data().programId(),
                e.data().organisationCode(), false, e.data().reason(), origin(e))))
        .build();
  }

  @Bean
  Consumer<Message<byte[]>> onIntegrityEvent(EventReader reader, MeterRegistry meters,
      ExternalEventsUseCase useCase, RecoveriesUseCase recoveries) {
    return EventDispatcher.builder("post-subsidy/integrity-events", reader, meters)
        .on(CASE_DECIDED, CaseDecidedMessage.class, e -> {
          CaseDecidedMessage m = e.data();
          // 追回: only a confirmed misconduct about a project of an organisation opens a recovery order
          if (!"CONFIRMED".equals(m.decision()) || !Boolean.TRUE.equals(m.misconduct()) || m.projectId() == null
              || !"ORGANISATION".equals(m.subject().type())) {
            return Mono.empty();
          }
          return recoveries.caseConfirmed(new RecoveriesUseCase.CaseConfirmed(m.caseId(), m.subject().id(),
                  m.projectId(), m.recoveryAmountFen(), e.eventId()))
              .onErrorMap(IllegalArgumentException.class,
                  x -> new MalformedEventException("case-decided cannot open a recovery: " + x.getMessage(), x));
        })
        .on(HOLD_PLACED, HoldPlacedMessage.class, e -> {
          HoldPlacedMessage m = e.data();
          if (!"ORGANISATION".equals(m.subject().type())) {
            return Mono.empty(); // persons are not paid by this service
          }
          return useCase.holdPlaced(new ExternalEventsUseCase.HoldPlaced(m.holdId(), m.subject().id(), m.reason(),
              origin(e)));
        })
        .on(HOLD_LIFTED, HoldLiftedMessage.class, e -> {
          HoldLiftedMessage m = e.data();
          if (!"ORGANISATION".equals(m.subject().type())) {
            return Mono.empty();
          }
          return useCase.holdLifted(new ExternalEventsUseCase.HoldLifted(m.holdId(), m.subject().id(), m.reason(),
              origin(e)));
        })
        .build();
  }

  /** This service's own claim events: a verified claim with a subsidy triggers its disbursement. */
  @Bean
  Consumer<Message<byte[]>> onClaimEvent(EventReader reader, MeterRegistry meters, ExternalEventsUseCase useCase) {
    return EventDispatcher.builder("post-subsidy/claim-events", reader, meters)
        .on(CLAIM_VERIFIED, ClaimVerifiedMessage.class, e -> {
          ClaimVerifiedMessage m = e.data();
          return useCase.claimVerified(new ExternalEventsUseCase.ClaimVerified(m.claimId(), m.programId(),
              m.organisationCode(), "VERIFIED".equals(m.outcome()), m.subsidyFen(), m.explanation(), origin(e)));
        })
        .build();
  }

  static ExternalEventsUseCase.ProgramCopy program(ProgramMessage m) {
    return valid(() -> new ExternalEventsUseCase.ProgramCopy(m.programId(), kind(m.kind()), m.name(), m.budgetFen(),
        m.fundingSplit() == null ? null
            : new FundingSplit(m.fundingSplit().advancePercent(), m.fundingSplit().balancePercent()),
        m.postSubsidyRule() == null ? null
            : new SubsidyRule(SubsidyRule.Base.valueOf(m.postSubsidyRule().base()),
                m.postSubsidyRule().tiers().stream()
                    .map(t -> new SubsidyRule.Tier(t.fromFen(), t.rateBasisPoints())).toList(),
                m.postSubsidyRule().capPerOrganisationPerYearFen(),
                m.postSubsidyRule().minimumIncreaseFen() == null ? 0 : m.postSubsidyRule().minimumIncreaseFen()),
        m.revision()));
  }

  static ProgramKind kind(String kind) {
    return valid(() -> ProgramKind.valueOf(kind));
  }

  /** A value the domain refuses can never be applied: dead-letter it with the reason instead of retrying. */
  static <T> T valid(Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException e) {
      throw new MalformedEventException("event data refused: " + e.getMessage(), e);
    }
  }

  static Origin origin(ReceivedEvent<?> e) {
    return new Origin(e.eventId(), e.attributes().type());
  }
}
