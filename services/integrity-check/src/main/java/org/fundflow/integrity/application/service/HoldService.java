package org.fundflow.integrity.application.service;

import java.time.Clock;
import java.time.Instant;
import org.fundflow.integrity.application.port.in.HoldUseCase;
import org.fundflow.integrity.application.port.out.IntegrityRecords;
import org.fundflow.integrity.domain.Hold;
import org.fundflow.integrity.domain.IntegrityException;
import org.fundflow.integrity.domain.IntegrityRecord;
import org.fundflow.platform.application.Correlation;
import reactor.core.publisher.Mono;

/** Lifting holds by an officer, and the sweep that ends holds at their end date. */
public final class HoldService implements HoldUseCase {

  private final IntegrityRecords records;
  private final RecordChanges changes;
  private final Clock clock;

  public HoldService(IntegrityRecords records, Clock clock) {
    this.records = records;
    this.changes = new RecordChanges(records);
    this.clock = clock;
  }

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
}
