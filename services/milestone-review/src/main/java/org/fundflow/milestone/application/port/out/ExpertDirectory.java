package org.fundflow.milestone.application.port.out;

import reactor.core.publisher.Flux;
import org.fundflow.milestone.domain.ExpertProfile;

/** Reading the expert profiles as a list: matches of a text, in id order, one page at a time. */
public interface ExpertDirectory {

  /**
   * @param text trimmed, non-empty, or null for every profile
   */
  Flux<ExpertProfile> find(String text, String afterId, int limit);
}
