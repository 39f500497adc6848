package org.fundflow.integrity.application.port.out;

import java.util.List;
import org.fundflow.integrity.domain.Subject;
import org.fundflow.integrity.domain.list.DishonestyEntry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The imported dishonesty list. */
public interface DishonestyList {

  /** Stores entries not stored yet (by entry id); returns how many were new. */
  Mono<Integer> add(List<DishonestyEntry> entries, String importedBy);

  Flux<DishonestyEntry> of(Subject party);

  /** The party's entries that had been imported by {@code at} (whether in force then is the rule's to say). */
  Flux<DishonestyEntry> importedBy(Subject party, java.time.Instant at);

  /** Entries in force by {@code day} (effective date on or before it) not yet screened against the known parties. */
  Flux<DishonestyEntry> unscreenedInForceBy(java.time.LocalDate day);

  /** Marks entries as screened against the known parties (while in force). */
  Mono<Void> markScreened(List<String> entryIds, java.time.Instant at);
}
