package org.fundflow.subsidy.application.port.in;

import java.util.List;
import java.util.Objects;
import org.fundflow.subsidy.domain.FundingSplit;
import org.fundflow.subsidy.domain.ProgramKind;
import org.fundflow.subsidy.domain.SubsidyRule;
import org.fundflow.subsidy.domain.TrancheSchedule;
import reactor.core.publisher.Mono;

/** Applies the facts other services (and this one's claim events) publish. Every method is idempotent. */
public interface ExternalEventsUseCase {

  /** Where a command came from: the event id (idempotency) and its type (the actor of what it causes). */
  record Origin(String eventId, String eventType) {
    public Origin {
      Objects.requireNonNull(eventId, "eventId");
      Objects.requireNonNull(eventType, "eventType");
    }

    public String actor() {
      return "event:" + eventType;
    }
  }

  record ProgramCopy(String programId, ProgramKind kind, String name, long budgetFen, FundingSplit fundingSplit,
      SubsidyRule postSubsidyRule, long revision) {
    public ProgramCopy {
      Objects.requireNonNull(programId, "programId");
      Objects.requireNonNull(kind, "kind");
      if (budgetFen < 0) {
        throw new IllegalArgumentException("budget must not be negative");
      }
    }
  }

  record Awarded(String projectId, String programId, ProgramKind kind, String organisationCode, long awardedFen,
      FundingSplit fundingSplit, List<TrancheSchedule.Milestone> milestones, Origin origin) {}

  record MilestoneAccepted(String projectId, String programId, ProgramKind kind, String milestoneId, int sequence,
      int tranchePercent, long awardedFen, String organisationCode, boolean lastMilestone, Origin origin) {}

  record ProjectCompleted(String projectId, String programId, ProgramKind kind, String organisationCode,
      long awardedFen, Origin origin) {}

  /** {@code awardedFen}: the whole award as milestone-review knows it, or null (events before issue 17). */
  record ProjectTerminated(String projectId, String programId, String organisationCode, String reason,
      Long awardedFen, Origin origin) {

    public ProjectTerminated(String projectId, String programId, String organisationCode, String reason,
        Origin origin) {
      this(projectId, programId, organisationCode, reason, null, origin);
    }
  }

  /** The project was suspended ({@code suspended}) or resumed by its program manager. */
  record ProjectSuspension(String projectId, String programId, String organisationCode, boolean suspended,
      String reason, Origin origin) {}

  record HoldPlaced(String holdId, String organisationCode, String reason, Origin origin) {}

  record HoldLifted(String holdId, String organisationCode, String reason, Origin origin) {}

  record ClaimVerified(String claimId, String programId, String organisationCode, boolean verified, long subsidyFen,
      String explanation, Origin origin) {}

  Mono<Void> programChanged(ProgramCopy program);

  Mono<Void> proposalAwarded(Awarded event);

  Mono<Void> milestoneAccepted(MilestoneAccepted event);

  Mono<Void> projectCompleted(ProjectCompleted event);

  Mono<Void> projectTerminated(ProjectTerminated event);

  /** Holds the project's open disbursements while it is suspended; resumption gives them back (unless held). */
  Mono<Void> projectSuspension(ProjectSuspension event);

  Mono<Void> holdPlaced(HoldPlaced event);

  Mono<Void> holdLifted(HoldLifted event);

  Mono<Void> claimVerified(ClaimVerified event);

  /**
   * A voucher redeemed in project-intake (issue 18): the provider is paid the voucher share (contract amount x
   * ratio, capped by the face value) by a VOUCHER disbursement, once per voucher.
   */
  record VoucherRedeemed(String voucherId, String programId, String enterpriseOrganisationCode,
      String providerOrganisationCode, String providerName, long contractAmountFen, long faceValueFen,
      int ratioBasisPoints, Origin origin) {}

  Mono<Void> voucherRedeemed(VoucherRedeemed event);
}
