package org.fundflow.intake.application.port.out;

import java.time.Instant;
import org.fundflow.intake.domain.Proposal;
import reactor.core.publisher.Flux;

/** Queries over the proposals under public notice. */
public interface AwardNotices {

  /** Ids of proposals UNDER_NOTICE whose notice ended at or before {@code now} (the domain decides the rest). */
  Flux<String> endedBy(Instant now, int limit);

  /** Proposals UNDER_NOTICE, ordered by id after {@code afterId}. */
  Flux<Proposal> underNotice(String afterId, int limit);
}
