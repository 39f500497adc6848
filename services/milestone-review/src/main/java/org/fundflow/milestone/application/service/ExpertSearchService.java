package org.fundflow.milestone.application.service;

import org.fundflow.milestone.application.port.in.SearchExpertsUseCase;
import org.fundflow.milestone.application.port.out.ExpertDirectory;
import org.fundflow.milestone.domain.ExpertProfile;
import reactor.core.publisher.Flux;

/** Expert search for program managers forming panels (no rule here: conflicts are checked when a panel is formed). */
public class ExpertSearchService implements SearchExpertsUseCase {

  private final ExpertDirectory directory;

  public ExpertSearchService(ExpertDirectory directory) {
    this.directory = directory;
  }

  @Override
  public Flux<ExpertProfile> search(ExpertSearch search) {
    String text = search.text() == null || search.text().isBlank() ? null : search.text().strip();
    int limit = Math.max(1, Math.min(search.limit(), MAX_PAGE));
    String after = search.afterId() == null || search.afterId().isBlank() ? null : search.afterId();
    return directory.find(text, after, limit);
  }
}
