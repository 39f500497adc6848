package org.fundflow.milestone.application.port.in;

import org.fundflow.milestone.domain.ExpertProfile;
import reactor.core.publisher.Flux;

/** Finding experts for a panel: a text search over the expert profiles, one keyset page at a time. */
public interface SearchExpertsUseCase {

  /** The longest search text accepted. */
  int MAX_TEXT = 100;

  /** The largest page. */
  int MAX_PAGE = 100;

  /**
   * Profiles whose name or id contains the text (any case) or whose organisation code starts with it, ordered by id,
   * after {@code afterId}; every profile when the text is blank.
   */
  Flux<ExpertProfile> search(ExpertSearch search);

  /**
   * @param text what to look for; null or blank = any expert
   * @param afterId the last id of the previous page (its {@code nextCursor}), null for the first page
   * @param limit 1..{@link #MAX_PAGE}
   */
  record ExpertSearch(String text, String afterId, int limit) {}
}
