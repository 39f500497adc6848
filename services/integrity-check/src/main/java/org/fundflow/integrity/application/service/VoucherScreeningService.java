package org.fundflow.integrity.application.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fundflow.integrity.application.port.in.ScreenVoucherEventsUseCase;
import org.fundflow.integrity.application.port.out.IntegrityRecords;
import org.fundflow.integrity.application.port.out.VoucherLedger;
import org.fundflow.integrity.domain.Flag;
import org.fundflow.integrity.domain.IntegrityEvent;
import org.fundflow.integrity.domain.IntegrityRecord;
import org.fundflow.integrity.domain.Subject;
import org.fundflow.integrity.domain.rules.voucher.ClaimedAfterExpiryRule;
import org.fundflow.integrity.domain.rules.voucher.ContractReusedRule;
import org.fundflow.integrity.domain.rules.voucher.RedemptionOutlierRule;
import org.fundflow.integrity.domain.rules.voucher.RelatedPartiesRule;
import org.fundflow.integrity.domain.rules.voucher.VoucherFacts;
import org.fundflow.platform.domain.Change;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs the voucher rules. Their flags are stored like every other rule's: per subject, in one write of its record
 * marked with the event id; an officer decides on a case and a hold from there.
 */
public final class VoucherScreeningService implements ScreenVoucherEventsUseCase {

  private final RecordChanges changes;
  private final IntegrityRecords records;
  private final VoucherLedger ledger;
  private final RelatedPartiesRule relatedParties = new RelatedPartiesRule();
  private final ContractReusedRule contractReused = new ContractReusedRule();
  private final ClaimedAfterExpiryRule claimedAfterExpiry = new ClaimedAfterExpiryRule();
  private final RedemptionOutlierRule outliers;
  private final Clock clock;

  public VoucherScreeningService(IntegrityRecords records, VoucherLedger ledger, RedemptionOutlierRule outliers,
      Clock clock) {
    this.changes = new RecordChanges(records);
    this.records = records;
    this.ledger = ledger;
    this.outliers = outliers;
    this.clock = clock;
  }

  @Override
  public Mono<Void> voucherContracted(VoucherFacts.Contract contract) {
    return ledger.recordContract(contract).flatMap(uses -> {
      List<Flag> flags = new ArrayList<>();
      flags.addAll(relatedParties.evaluate(contract, clock.instant()));
      flags.addAll(contractReused.evaluate(contract, uses, clock.instant()));
      return store(contract.eventId(), flags);
    });
  }

  @Override
  public Mono<Void> voucherRedeemed(VoucherFacts.Redemption redemption) {
    return ledger.recordRedemption(redemption).flatMap(byProvider -> {
      List<Flag> flags = new ArrayList<>();
      claimedAfterExpiry.evaluate(redemption, clock.instant()).ifPresent(flags::add);
      outliers.evaluate(redemption, byProvider, clock.instant()).ifPresent(flags::add);
      return store(redemption.eventId(), flags);
    });
  }

  private Mono<Void> store(String eventId, List<Flag> flags) {
    Map<Subject, List<Flag>> bySubject = new LinkedHashMap<>();
    flags.forEach(f -> bySubject.computeIfAbsent(f.subject(), s -> new ArrayList<>()).add(f));
    return Flux.fromIterable(bySubject.entrySet())
        .concatMap(e -> changes.apply(records.load(e.getKey()), eventId, record -> {
          Change<IntegrityRecord, IntegrityEvent> change = Change.quiet(record);
          for (Flag f : e.getValue()) {
            change = change.then(r -> r.raise(f));
          }
          return change;
        }))
        .then();
  }
}
