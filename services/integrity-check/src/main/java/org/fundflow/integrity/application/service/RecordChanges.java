package org.fundflow.integrity.application.service;

import java.util.function.Function;
import org.fundflow.integrity.application.port.out.IntegrityRecords;
import org.fundflow.integrity.domain.IntegrityEvent;
import org.fundflow.integrity.domain.IntegrityRecord;
import org.fundflow.platform.application.ConcurrentChanges;
import org.fundflow.platform.domain.Change;
import reactor.core.publisher.Mono;

/** Load, decide, save with its events — again from the start when someone else changed the record meanwhile. */
final class RecordChanges {

  private final IntegrityRecords records;

  RecordChanges(IntegrityRecords records) {
    this.records = records;
  }

  /**
   * A change caused by a received event: only stored when the rules produced events or changed the record (a
   * terminated project awaiting its diligence assessment, an exempted one: 尽职免责), idempotent by the event id.
   */
  Mono<IntegrityRecord> apply(Mono<IntegrityRecord> loader, String eventId,
      Function<IntegrityRecord, Change<IntegrityRecord, IntegrityEvent>> command) {
    return run(loader, eventId, false, command);
  }

  /** A change by an officer: always stored (case steps change state without events). */
  Mono<IntegrityRecord> command(Mono<IntegrityRecord> loader,
      Function<IntegrityRecord, Change<IntegrityRecord, IntegrityEvent>> command) {
    return run(loader, null, true, command);
  }

  private Mono<IntegrityRecord> run(Mono<IntegrityRecord> loader, String eventId,
      boolean saveWithoutEvents, Function<IntegrityRecord, Change<IntegrityRecord, IntegrityEvent>> command) {
    return Mono.defer(() -> loader.flatMap(record -> {
          Change<IntegrityRecord, IntegrityEvent> change = command.apply(record);
          if (!change.eventful() && !saveWithoutEvents && change.next().equals(record)) {
            return Mono.just(record);
          }
          return records.save(change.next(), change.events(), eventId).thenReturn(change.next());
        }))
        .retryWhen(ConcurrentChanges.retry());
  }
}
