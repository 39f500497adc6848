package org.fundflow.integrity.application.service;

import java.util.List;
import java.util.function.Function;
import org.fundflow.integrity.application.port.out.ConcurrentChangeException;
import org.fundflow.integrity.application.port.out.IntegrityRecords;
import org.fundflow.integrity.domain.IntegrityEvent;
import org.fundflow.integrity.domain.IntegrityRecord;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/** Load, decide, save with its events — again from the start when someone else changed the record meanwhile. */
final class RecordChanges {

  private final IntegrityRecords records;

  RecordChanges(IntegrityRecords records) {
    this.records = records;
  }

  /**
   * A change caused by a received event: only stored when the rules produced events (every state
   * change made by the rules has one), idempotent by the event id.
   */
  Mono<IntegrityRecord> apply(Mono<IntegrityRecord> loader, String correlationId, String eventId,
      Function<IntegrityRecord, List<IntegrityEvent>> decision) {
    return run(loader, correlationId, eventId, false, decision);
  }

  /** A change by an officer: always stored (case steps change state without events). */
  Mono<IntegrityRecord> command(Mono<IntegrityRecord> loader, String correlationId,
      Function<IntegrityRecord, List<IntegrityEvent>> decision) {
    return run(loader, correlationId, null, true, decision);
  }

  private Mono<IntegrityRecord> run(Mono<IntegrityRecord> loader, String correlationId, String eventId,
      boolean saveWithoutEvents, Function<IntegrityRecord, List<IntegrityEvent>> decision) {
    return Mono.defer(() -> loader.flatMap(record -> {
          List<IntegrityEvent> events = decision.apply(record);
          if (events.isEmpty() && !saveWithoutEvents) {
            return Mono.just(record);
          }
          return records.save(record, events, correlationId, eventId).thenReturn(record);
        }))
        .retryWhen(Retry.max(8).filter(ConcurrentChangeException.class::isInstance));
  }
}
