package org.fundflow.integrity.application.service;

import org.fundflow.integrity.application.port.in.ImportDishonestyListUseCase;
import org.fundflow.integrity.application.port.out.DishonestyList;
import org.fundflow.integrity.application.port.out.PersonIdHashing;
import org.fundflow.integrity.domain.list.DishonestyListCsv;
import reactor.core.publisher.Mono;

/** Imports the dishonesty list: good rows are stored (once), bad rows reported row by row. */
public final class DishonestyListService implements ImportDishonestyListUseCase {

  private final DishonestyList list;
  private final DishonestyListCsv csv;

  public DishonestyListService(DishonestyList list, PersonIdHashing hashing) {
    this.list = list;
    this.csv = new DishonestyListCsv(hashing::hash);
  }

  @Override
  public Mono<ImportReport> importCsv(String text, String importedBy) {
    return Mono.fromCallable(() -> csv.parse(text))
        .flatMap(parsed -> list.add(parsed.entries(), importedBy)
            .map(added -> new ImportReport(parsed.entries().size() + (int) parsed.problems().stream()
                .filter(p -> p.row() > 1).count(), added, parsed.entries().size() - added, parsed.problems())));
  }
}
