package org.fundflow.subsidy.application.service;

import java.time.Clock;
import java.util.Optional;
import org.fundflow.platform.application.ConcurrentChanges;
import org.fundflow.platform.domain.Change;
import org.fundflow.subsidy.application.port.in.RewardPaymentsUseCase;
import org.fundflow.subsidy.application.port.out.Disbursements;
import org.fundflow.platform.application.OrganisationHolds;
import org.fundflow.subsidy.domain.Disbursement;
import org.fundflow.subsidy.domain.DisbursementEvent;
import org.fundflow.subsidy.domain.Money;
import org.fundflow.subsidy.domain.Trigger;
import reactor.core.publisher.Mono;

/**
 * A verified reward claim becomes one disbursement {@code rw-<organisation>-<achievement>} (the id is derived from the
 * organisation and the achievement, so a second claim, a redelivery or a duplicate event hits the same id). Created
 * ON_HOLD when the organisation is held; it then goes the way of every payment: a finance officer prepares it, another
 * person releases it, the program budget guard and the hold checks of the release apply.
 */
public class RewardPaymentsService implements RewardPaymentsUseCase {

  private final Disbursements disbursements;
  private final OrganisationHolds holds;
  private final Clock clock;

  public RewardPaymentsService(Disbursements disbursements, OrganisationHolds holds, Clock clock) {
    this.disbursements = disbursements;
    this.holds = holds;
    this.clock = clock;
  }

  @Override
  public Mono<Void> rewardVerified(RewardVerified e) {
    Trigger trigger = Trigger.reward(e.organisationCode(), e.achievementCode(), e.origin().eventId());
    String explanation = "reward for " + e.achievementCode()
        + (e.achievementName() == null ? "" : " (" + e.achievementName() + ")") + " of claim " + e.claimId()
        + ": the program's table amount " + Money.format(e.amountFen());
    return holds.activeHold(e.organisationCode())
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty())
        .flatMap(hold -> {
          Change<Disbursement, DisbursementEvent> created = Disbursement.create(trigger, e.programId(), null,
              e.claimId(), e.organisationCode(), e.amountFen(), explanation,
              org.fundflow.subsidy.domain.Note.of("reward", e.achievementCode(),
                  e.achievementName() == null ? e.achievementCode() : e.achievementName(), e.claimId(), e.amountFen()),
              hold.orElse(null), e.origin().actor(),
              clock.instant());
          return disbursements.create(created.next(), created.events(), e.origin().eventId())
              .then(Mono.defer(() -> followHold(trigger.disbursementId(), e.organisationCode(), hold.isPresent(), e)));
        })
        .then();
  }

  /**
   * As {@code ExternalEventsService.followHold}: the hold consumer may have stored a hold (or lifted one) between this
   * creation's read and its insert; reading it again after the insert means one of the two sees the other.
   */
  private Mono<Void> followHold(String disbursementId, String organisationCode, boolean heldWhenRead, RewardVerified e) {
    return holds.activeHold(organisationCode)
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty())
        .filter(hold -> hold.isPresent() != heldWhenRead)
        .flatMap(hold -> Mono.defer(() -> disbursements.findById(disbursementId).flatMap(current -> {
              Change<Disbursement, DisbursementEvent> change = hold.isPresent()
                  ? current.hold(hold.get(), e.origin().actor(), clock.instant())
                  : current.resume(e.origin().actor(), clock.instant());
              if (!change.changes(current)) {
                return Mono.<Boolean>empty();
              }
              return disbursements.update(change.next(), change.events(), null);
            }))
            .retryWhen(ConcurrentChanges.retry()))
        .then();
  }
}
