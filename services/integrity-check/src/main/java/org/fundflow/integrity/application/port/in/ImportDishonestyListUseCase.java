package org.fundflow.integrity.application.port.in;

import java.util.List;
import org.fundflow.integrity.domain.list.DishonestyListCsv.RowProblem;
import reactor.core.publisher.Mono;

public interface ImportDishonestyListUseCase {

  /** @param rows data rows read, imported = new entries, unchanged = entries known already, rejected = bad rows */
  record ImportReport(int rows, int imported, int unchanged, List<RowProblem> rejected) {}

  Mono<ImportReport> importCsv(String csv, String importedBy);

  /**
   * Screens the list entries that have come into force since they were imported (an effective date ahead at import
   * time) against the known parties; returns how many entries were screened. Run periodically.
   */
  Mono<Integer> screenEntriesNowInForce();
}
