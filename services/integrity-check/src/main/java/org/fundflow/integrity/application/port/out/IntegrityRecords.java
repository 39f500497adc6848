package org.fundflow.integrity.application.port.out;

import java.time.Instant;
import java.util.List;
import org.fundflow.integrity.domain.IntegrityEvent;
import org.fundflow.integrity.domain.IntegrityRecord;
import org.fundflow.integrity.domain.Subject;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The store of integrity records; saving a record also queues its events for publishing, atomically. */
public interface IntegrityRecords {

  /** The stored record, or an empty one (version 0). */
  Mono<IntegrityRecord> load(Subject subject);

  /**
   * Stores the record's state and its events in one atomic write, optimistic on the record's version.
   *
   * @param appliedEventId the received event this change applies, or null
   * @return true when written, false when {@code appliedEventId} had been applied before
   * @throws org.fundflow.platform.domain.ConcurrentChange (in the Mono) when the record changed since it was
   *     loaded (or was created meanwhile)
   */
  Mono<Boolean> save(IntegrityRecord record, List<IntegrityEvent> events, String appliedEventId);

  Mono<IntegrityRecord> findByCase(String caseId);

  Mono<IntegrityRecord> findByHold(String holdId);

  Mono<IntegrityRecord> findByFlag(String flagId);

  /** Records with an active hold whose end has come. */
  Flux<IntegrityRecord> withHoldsDueBy(Instant now);
}
