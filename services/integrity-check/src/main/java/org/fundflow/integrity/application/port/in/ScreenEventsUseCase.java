package org.fundflow.integrity.application.port.in;

import java.time.Instant;
import java.util.List;
import reactor.core.publisher.Mono;

/** Applies the facts other services publish to the integrity rules. Every method is idempotent per event id. */
public interface ScreenEventsUseCase {

  record Person(String personIdHash, String organisationCode, String role) {}

  record EventRef(String eventId, String eventType, Instant time) {}

  record ProposalSubmitted(EventRef event, String proposalId, String programId, String organisationCode,
      String title, String abstractText, Person principalInvestigator, List<Person> team, Instant submittedAt) {}

  record ExpertEvaluationSubmitted(EventRef event, String projectId, String reportId, String expertId,
      String expertPersonIdHash, String expertOrganisationCode, String applicantOrganisationCode, List<String> teamOrganisationCodes,
      Instant submittedAt) {}

  record ProjectTerminated(EventRef event, String projectId, String programId, String organisationCode, String reason,
      Instant terminatedAt) {}

  record ExpenditureClaimSubmitted(EventRef event, String claimId, String programId, String organisationCode,
      int fiscalYear, long expenditureThisYearFen, long expenditureLastYearFen) {}

  record DisbursementCreated(EventRef event, String disbursementId, String programId, String organisationCode,
      long amountFen, Instant createdAt) {}

  /** releasedAt may be null (then the event's time is the release time); releasedBy and paymentReference too. */
  record DisbursementReleased(EventRef event, String disbursementId, String programId, String organisationCode,
      long amountFen, Instant releasedAt, String releasedBy, String paymentReference) {}

  Mono<Void> proposalSubmitted(ProposalSubmitted fact);

  Mono<Void> expertEvaluationSubmitted(ExpertEvaluationSubmitted fact);

  Mono<Void> projectTerminated(ProjectTerminated fact);

  /** 尽职免责: the program manager's diligence assessment of a failed review or of a termination. */
  record DiligenceAssessed(EventRef event, String projectId, String programId, String organisationCode,
      String milestoneId, String reportId, boolean terminating, boolean diligent, boolean misconduct,
      String explanation, List<String> evidenceRefs, String assessedBy, Instant assessedAt) {}

  Mono<Void> diligenceAssessed(DiligenceAssessed fact);

  /** 追回: a recovery order was opened (the organisation is held until it repays) or settled (REPAID lifts the hold). */
  record RecoveryChanged(EventRef event, String recoveryId, String caseId, String projectId, String organisationCode,
      long amountFen, String outcome, Instant at) {}

  Mono<Void> recoveryOpened(RecoveryChanged fact);

  Mono<Void> recoverySettled(RecoveryChanged fact);

  Mono<Void> expenditureClaimSubmitted(ExpenditureClaimSubmitted fact);

  Mono<Void> disbursementCreated(DisbursementCreated fact);

  Mono<Void> disbursementReleased(DisbursementReleased fact);
}
