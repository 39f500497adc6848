package org.fundflow.milestone.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.fundflow.milestone.adapter.in.web.Views.ExpertView;
import org.fundflow.milestone.application.port.in.SearchExpertsUseCase;
import org.fundflow.milestone.application.port.in.SearchExpertsUseCase.ExpertSearch;
import org.fundflow.platform.problem.Problems;
import org.fundflow.platform.resilience.StoreGuard;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "experts", description = "Expert profiles and an expert's assignments")
public class ExpertSearchController {

  private final SearchExpertsUseCase experts;
  private final StoreGuard store;

  public ExpertSearchController(SearchExpertsUseCase experts, StoreGuard store) {
    this.experts = experts;
    this.store = store;
  }

  @GetMapping("/experts")
  @PreAuthorize("hasAnyRole('PROGRAM_MANAGER','AUDITOR')")
  @Operation(summary = "Search expert profiles (to form a panel), ordered by id; pass nextCursor as after for the next page",
      description = "q matches the name or the expert id anywhere (any case) or the start of the organisation code; "
          + "without q every profile. Keyset paging as in every list: {items, nextCursor}, nextCursor null on the "
          + "last page. Only the masked national ID is shown.")
  public Mono<ExpertPage> search(
      @Parameter(description = "text to look for, at most 100 characters") @RequestParam(required = false) String q,
      @Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) String after,
      @Parameter(description = "page size 1..100 (outside: the nearest)") @RequestParam(defaultValue = "20") int limit) {
    if (q != null && q.length() > SearchExpertsUseCase.MAX_TEXT) {
      return Mono.error(Problems.invalid("q", "must be at most " + SearchExpertsUseCase.MAX_TEXT + " characters"));
    }
    int size = Math.max(1, Math.min(limit, SearchExpertsUseCase.MAX_PAGE));
    return store.protect(experts.search(new ExpertSearch(q, after, size))
        .map(p -> new ExpertView(p.id(), p.name(), p.organisationCode(), p.maskedId(), p.declaredConflicts()))
        .collectList())
        .map(items -> new ExpertPage(items, items.size() == size ? items.get(items.size() - 1).expertId() : null));
  }

  /** One page of experts; {@code nextCursor} is null on the last page. */
  public record ExpertPage(List<ExpertView> items, String nextCursor) {}
}
