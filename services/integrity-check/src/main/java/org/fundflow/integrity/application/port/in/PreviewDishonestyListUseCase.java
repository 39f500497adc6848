package org.fundflow.integrity.application.port.in;

import org.fundflow.integrity.application.port.in.ImportDishonestyListUseCase.ImportReport;
import reactor.core.publisher.Mono;

/** A dry run of the dishonesty-list import: what importing this CSV would do, changing nothing. */
public interface PreviewDishonestyListUseCase {

  /**
   * @param report the report the import would give (rows, new entries, entries stored already, bad rows)
   * @param knownParties how many distinct parties on the good rows integrity-check already knows (the import would
   *     flag and hold those whose entry is in force)
   */
  record Preview(ImportReport report, int knownParties) {}

  Mono<Preview> preview(String csv);
}
