package org.fundflow.integrity.application.port.out;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;
import org.fundflow.integrity.application.port.in.ListWorkQueuesUseCase.CaseFilter;
import org.fundflow.integrity.application.port.in.ListWorkQueuesUseCase.CaseItem;
import org.fundflow.integrity.application.port.in.ListWorkQueuesUseCase.FlagFilter;
import org.fundflow.integrity.application.port.in.ListWorkQueuesUseCase.FlagItem;
import org.fundflow.integrity.application.port.in.ListWorkQueuesUseCase.HoldFilter;
import org.fundflow.integrity.application.port.in.ListWorkQueuesUseCase.ListEntryFilter;
import org.fundflow.integrity.application.port.in.ListWorkQueuesUseCase.ListEntryItem;
import org.fundflow.integrity.application.port.in.QueueCursor;
import org.fundflow.integrity.domain.Hold;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Read side of the work queues: at most {@code limit} items after the cursor, newest first (time, then id, both
 * descending), filtered in the store.
 */
public interface WorkQueues {

  Flux<FlagItem> flags(FlagFilter filter, QueueCursor after, int limit);

  Flux<CaseItem> cases(CaseFilter filter, QueueCursor after, int limit);

  Flux<Hold> holds(HoldFilter filter, QueueCursor after, int limit);

  /** @param today the day (Asia/Shanghai) the entries' status is judged on */
  Flux<ListEntryItem> listEntries(ListEntryFilter filter, LocalDate today, QueueCursor after, int limit);

  /** The ids among these that are stored in the dishonesty list already. */
  Mono<Set<String>> storedListEntries(Collection<String> entryIds);
}
