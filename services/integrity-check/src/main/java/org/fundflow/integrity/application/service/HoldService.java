package org.fundflow.integrity.application.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.fundflow.integrity.application.port.in.HoldUseCase;
import org.fundflow.integrity.application.port.out.IntegrityRecords;
import org.fundflow.integrity.domain.Hold;
import org.fundflow.integrity.domain.IntegrityException;
import org.fundflow.integrity.domain.IntegrityRecord;
import org.fundflow.platform.application.Correlation;
import reactor.core.publisher.Mono;

/**
 * Lifting holds by an officer, the sweep that ends holds at their end date and the one that announces them before
 * (times in UTC).
 */
public final class HoldService implements HoldUseCase {

  private final IntegrityRecords records;
  private final RecordChanges changes;
  private final Clock clock;
  private final Duration expiryLead;

  public HoldService(IntegrityRecords records, Clock clock) {
    this(records, clock, DEFAULT_EXPIRY_LEAD);
  }

  /** @param expiryLead how long before its end a hold is announced as expiring */
  public HoldService(IntegrityRecords records, Clock clock, Duration expiryLead) {
    this.records = records;
    this.changes = new RecordChanges(records);
    this.clock = clock;
    this.expiryLead = expiryLead;
  }

  /** Three days before a hold ends by itself the officers hear of it. */
  public static final Duration DEFAULT_EXPIRY_LEAD = Duration.ofDays(3);

  @Override
  public Mono<Hold> lift(String holdId, String reason, String officer) {
    Mono<IntegrityRecord> loader = records.findByHold(holdId)
        .switchIfEmpty(Mono.error(() -> IntegrityException.notFound("hold", holdId)));
    return changes.command(loader, r -> r.liftByOfficer(holdId, reason, officer, clock.instant()))
        .map(r -> r.hold(holdId).orElseThrow());
  }

  @Override
  public Mono<Integer> expireDue() {
    Instant now = clock.instant();
    return records.withHoldsDueBy(now)
        .concatMap(due -> changes.apply(records.load(due.subject()), null, r -> r.expireHolds(now))
            .map(r -> (int) r.holds().stream().filter(h -> h.liftedAt() != null && h.liftedAt().equals(now)
                && h.liftReason() == org.fundflow.integrity.domain.HoldLiftReason.EXPIRED).count()))
        .reduce(0, Integer::sum)
        // the sweep starts on its own: what it causes is correlated by its name
        .contextWrite(Correlation.unlessPresent("hold-expiry"));
  }

  @Override
  public Mono<Integer> announceExpiring() {
    Instant now = clock.instant();
    // the records whose first active hold ends within the lead time: every hold to announce is on one of them
    return records.withHoldsDueBy(now.plus(expiryLead))
        .concatMap(due -> changes.apply(records.load(due.subject()), null, r -> r.announceExpiringHolds(now, expiryLead))
            .map(r -> (int) r.holds().stream().filter(h -> now.equals(h.expiryAnnouncedAt())).count()))
        .reduce(0, Integer::sum)
        .contextWrite(Correlation.unlessPresent("hold-expiring"));
  }
}
