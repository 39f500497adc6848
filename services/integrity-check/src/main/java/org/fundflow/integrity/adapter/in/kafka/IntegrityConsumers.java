package org.fundflow.integrity.adapter.in.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.function.Consumer;
import org.fundflow.integrity.adapter.in.kafka.InboundMessages.DiligenceAssessedMessage;
import org.fundflow.integrity.adapter.in.kafka.InboundMessages.DisbursementCreatedMessage;
import org.fundflow.integrity.adapter.in.kafka.InboundMessages.DisbursementReleasedMessage;
import org.fundflow.integrity.adapter.in.kafka.InboundMessages.ExpenditureClaimSubmittedMessage;
import org.fundflow.integrity.adapter.in.kafka.InboundMessages.ExpertEvaluationSubmittedMessage;
import org.fundflow.integrity.adapter.in.kafka.InboundMessages.PersonData;
import org.fundflow.integrity.adapter.in.kafka.InboundMessages.ProjectTerminatedMessage;
import org.fundflow.integrity.adapter.in.kafka.InboundMessages.ProposalSubmittedMessage;
import org.fundflow.integrity.adapter.in.kafka.InboundMessages.RecoveryOpenedMessage;
import org.fundflow.integrity.adapter.in.kafka.InboundMessages.RecoverySettledMessage;
import org.fundflow.integrity.adapter.in.kafka.InboundMessages.VoucherContractedMessage;
import org.fundflow.integrity.adapter.in.kafka.InboundMessages.VoucherRedeemedMessage;
import org.fundflow.integrity.application.port.in.ScreenEventsUseCase;
import org.fundflow.integrity.application.port.in.ScreenEventsUseCase.EventRef;
import org.fundflow.integrity.application.port.in.ScreenEventsUseCase.Person;
import org.fundflow.integrity.application.port.in.ScreenVoucherEventsUseCase;
import org.fundflow.integrity.domain.rules.voucher.VoucherFacts;
import org.fundflow.platform.events.EventDispatcher;
import org.fundflow.platform.events.EventReader;
import org.fundflow.platform.events.ReceivedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** One per-message consumer per input topic; each routes the types the rules need and skips the rest explicitly. */
@Configuration(proxyBeanMethods = false)
public class IntegrityConsumers {

  public static final String PROPOSAL_SUBMITTED = "fundflow.intake.proposal-submitted.v1";
  public static final String EXPERT_EVALUATION_SUBMITTED = "fundflow.milestone.expert-evaluation-submitted.v1";
  public static final String PROJECT_TERMINATED = "fundflow.milestone.project-terminated.v1";
  public static final String DILIGENCE_ASSESSED = "fundflow.milestone.diligence-assessed.v1";
  public static final String EXPENDITURE_CLAIM_SUBMITTED = "fundflow.subsidy.expenditure-claim-submitted.v1";
  public static final String DISBURSEMENT_CREATED = "fundflow.subsidy.disbursement-created.v1";
  public static final String DISBURSEMENT_RELEASED = "fundflow.subsidy.disbursement-released.v1";
  public static final String RECOVERY_OPENED = "fundflow.subsidy.recovery-opened.v1";
  public static final String RECOVERY_SETTLED = "fundflow.subsidy.recovery-settled.v1";
  public static final String VOUCHER_CONTRACTED = "fundflow.intake.voucher-contracted.v1";
  public static final String VOUCHER_REDEEMED = "fundflow.intake.voucher-redeemed.v1";

  @Bean
  Consumer<Message<byte[]>> onProposalEvent(EventReader reader, MeterRegistry meters, ScreenEventsUseCase screening,
      ScreenVoucherEventsUseCase vouchers) {
    return EventDispatcher.builder("integrity-check/proposal-events", reader, meters)
        .on(PROPOSAL_SUBMITTED, ProposalSubmittedMessage.class, e -> {
          ProposalSubmittedMessage m = e.data();
          return screening.proposalSubmitted(new ScreenEventsUseCase.ProposalSubmitted(ref(e), m.proposalId(),
              m.programId(), m.organisationCode(), m.title(), m.abstractText(), person(m.principalInvestigator(), "PI"),
              m.team() == null ? List.of() : m.team().stream().filter(java.util.Objects::nonNull).map(p -> person(p, p.role())).filter(java.util.Objects::nonNull).toList(), m.submittedAt()));
        })
        .on(VOUCHER_CONTRACTED, VoucherContractedMessage.class, e -> {
          VoucherContractedMessage m = e.data();
          return vouchers.voucherContracted(new VoucherFacts.Contract(e.eventId(), e.attributes().type(), m.voucherId(), m.programId(),
              m.organisationCode(), m.providerId(), m.providerOrganisationCode(), m.providerName(),
              m.contractAmountFen(), m.contractDocument().sha256(), m.contractedAt(), m.legalRepresentativeIdHash(),
              m.providerLegalRepresentativeIdHash()));
        })
        .on(VOUCHER_REDEEMED, VoucherRedeemedMessage.class, e -> {
          VoucherRedeemedMessage m = e.data();
          return vouchers.voucherRedeemed(new VoucherFacts.Redemption(e.eventId(), e.attributes().type(), m.voucherId(), m.programId(),
              m.organisationCode(), m.providerId(), m.providerOrganisationCode(), m.providerName(), m.expiresAt(),
              m.settlementClaimedAt()));
        })
        .build();
  }

  @Bean
  Consumer<Message<byte[]>> onProjectEvent(EventReader reader, MeterRegistry meters, ScreenEventsUseCase screening) {
    return EventDispatcher.builder("integrity-check/project-events", reader, meters)
        .on(EXPERT_EVALUATION_SUBMITTED, ExpertEvaluationSubmittedMessage.class, e -> {
          ExpertEvaluationSubmittedMessage m = e.data();
          return screening.expertEvaluationSubmitted(new ScreenEventsUseCase.ExpertEvaluationSubmitted(ref(e),
              m.projectId(), m.reportId(), m.expertId(), m.expertPersonIdHash(), m.expertOrganisationCode(), m.applicantOrganisationCode(),
              m.teamOrganisationCodes() == null ? List.of() : m.teamOrganisationCodes(), m.submittedAt()));
        })
        .on(PROJECT_TERMINATED, ProjectTerminatedMessage.class, e -> {
          ProjectTerminatedMessage m = e.data();
          return screening.projectTerminated(new ScreenEventsUseCase.ProjectTerminated(ref(e), m.projectId(),
              m.programId(), m.organisationCode(), m.reason(), m.terminatedAt()));
        })
        .on(DILIGENCE_ASSESSED, DiligenceAssessedMessage.class, e -> {
          DiligenceAssessedMessage m = e.data();
          return screening.diligenceAssessed(new ScreenEventsUseCase.DiligenceAssessed(ref(e), m.projectId(),
              m.programId(), m.organisationCode(), m.milestoneId(), m.reportId(), m.terminating(), m.diligent(),
              m.misconduct(), m.explanation(), m.evidenceRefs() == null ? List.of() : m.evidenceRefs(),
              m.assessedBy(), m.assessedAt()));
        })
        .build();
  }

  @Bean
  Consumer<Message<byte[]>> onClaimEvent(EventReader reader, MeterRegistry meters, ScreenEventsUseCase screening) {
    return EventDispatcher.builder("integrity-check/claim-events", reader, meters)
        .on(EXPENDITURE_CLAIM_SUBMITTED, ExpenditureClaimSubmittedMessage.class, e -> {
          ExpenditureClaimSubmittedMessage m = e.data();
          return screening.expenditureClaimSubmitted(new ScreenEventsUseCase.ExpenditureClaimSubmitted(ref(e),
              m.claimId(), m.programId(), m.organisationCode(), m.fiscalYear(), m.expenditureThisYearFen(),
              m.expenditureLastYearFen()));
        })
        .build();
  }

  @Bean
  Consumer<Message<byte[]>> onDisbursementEvent(EventReader reader, MeterRegistry meters,
      ScreenEventsUseCase screening) {
    return EventDispatcher.builder("integrity-check/disbursement-events", reader, meters)
        .on(DISBURSEMENT_CREATED, DisbursementCreatedMessage.class, e -> {
          DisbursementCreatedMessage m = e.data();
          return screening.disbursementCreated(new ScreenEventsUseCase.DisbursementCreated(ref(e), m.disbursementId(),
              m.programId(), m.organisationCode(), m.amountFen(), m.createdAt()));
        })
        .on(DISBURSEMENT_RELEASED, DisbursementReleasedMessage.class, e -> {
          DisbursementReleasedMessage m = e.data();
          return screening.disbursementReleased(new ScreenEventsUseCase.DisbursementReleased(ref(e),
              m.disbursementId(), m.programId(), m.organisationCode(), m.amountFen(), m.releasedAt(), m.releasedBy(),
              m.paymentReference()));
        })
        .on(RECOVERY_OPENED, RecoveryOpenedMessage.class, e -> {
          RecoveryOpenedMessage m = e.data();
          return screening.recoveryOpened(new ScreenEventsUseCase.RecoveryChanged(ref(e), m.recoveryId(), m.caseId(),
              m.projectId(), m.organisationCode(), m.amountFen(), null, m.openedAt()));
        })
        .on(RECOVERY_SETTLED, RecoverySettledMessage.class, e -> {
          RecoverySettledMessage m = e.data();
          return screening.recoverySettled(new ScreenEventsUseCase.RecoveryChanged(ref(e), m.recoveryId(), m.caseId(),
              m.projectId(), m.organisationCode(), m.amountFen(), m.outcome(), m.settledAt()));
        })
        .build();
  }

  private static EventRef ref(ReceivedEvent<?> e) {
    return new EventRef(e.eventId(), e.attributes().type(), e.attributes().time());
  }

  private static Person person(PersonData p, String role) {
    return p == null || p.personIdHash() == null ? null : new Person(p.personIdHash(), p.organisationCode(), role);
  }
}
