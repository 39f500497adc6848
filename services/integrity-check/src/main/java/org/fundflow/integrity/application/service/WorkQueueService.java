package org.fundflow.integrity.application.service;

import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.fundflow.integrity.application.port.in.ListWorkQueuesUseCase;
import org.fundflow.integrity.application.port.in.QueueCursor;
import org.fundflow.integrity.application.port.out.WorkQueues;
import org.fundflow.integrity.domain.Hold;
import org.fundflow.integrity.domain.HoldPolicy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The work queues: one item more than the page is read to know whether a next page exists. */
public final class WorkQueueService implements ListWorkQueuesUseCase {

  private final WorkQueues queues;
  private final Clock clock;

  public WorkQueueService(WorkQueues queues, Clock clock) {
    this.queues = queues;
    this.clock = clock;
  }

  @Override
  public Mono<Page<FlagItem>> flags(FlagFilter filter, PageRequest page) {
    return page(queues.flags(filter, page.after(), page.limit() + 1), page.limit(),
        f -> new QueueCursor(f.flag().raisedAt(), f.flag().flagId()));
  }

  @Override
  public Mono<Page<CaseItem>> cases(CaseFilter filter, PageRequest page) {
    return page(queues.cases(filter, page.after(), page.limit() + 1), page.limit(),
        c -> new QueueCursor(c.openedAt(), c.caseId()));
  }

  @Override
  public Mono<Page<Hold>> holds(HoldFilter filter, PageRequest page) {
    return page(queues.holds(filter, page.after(), page.limit() + 1), page.limit(),
        h -> new QueueCursor(h.startsAt(), h.holdId()));
  }

  @Override
  public Mono<Page<ListEntryItem>> listEntries(ListEntryFilter filter, PageRequest page) {
    return page(queues.listEntries(filter, clock.instant().atZone(HoldPolicy.ZONE).toLocalDate(), page.after(),
        page.limit() + 1), page.limit(), e -> new QueueCursor(e.importedAt(), e.entry().entryId()));
  }

  private static <T> Mono<Page<T>> page(Flux<T> items, int limit, Function<T, QueueCursor> position) {
    return items.collectList().map(all -> {
      List<T> shown = all.size() > limit ? all.subList(0, limit) : all;
      String next = all.size() > limit ? position.apply(shown.get(shown.size() - 1)).encode() : null;
      return new Page<>(List.copyOf(shown), next);
    });
  }
}
