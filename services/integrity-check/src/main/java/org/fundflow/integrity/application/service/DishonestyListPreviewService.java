package org.fundflow.integrity.application.service;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.fundflow.integrity.application.port.in.ImportDishonestyListUseCase.ImportReport;
import org.fundflow.integrity.application.port.in.PreviewDishonestyListUseCase;
import org.fundflow.integrity.application.port.out.KnownParties;
import org.fundflow.platform.domain.PersonIdProtection;
import org.fundflow.integrity.application.port.out.WorkQueues;
import org.fundflow.integrity.domain.Subject;
import org.fundflow.integrity.domain.list.DishonestyEntry;
import org.fundflow.integrity.domain.list.DishonestyListCsv;
import reactor.core.publisher.Mono;

/** Reads the CSV as the import would and only reads the store: nothing is stored, flagged or held. */
public final class DishonestyListPreviewService implements PreviewDishonestyListUseCase {

  private final DishonestyListCsv csv;
  private final WorkQueues queues;
  private final KnownParties known;

  public DishonestyListPreviewService(PersonIdProtection hashing, DishonestyListCsv.Reader reader, WorkQueues queues,
      KnownParties known) {
    this.csv = new DishonestyListCsv(hashing::hash, reader);
    this.queues = queues;
    this.known = known;
  }

  @Override
  public Mono<Preview> preview(String text) {
    return Mono.fromCallable(() -> csv.parse(text)).flatMap(parsed -> {
      Set<String> ids = parsed.entries().stream().map(DishonestyEntry::entryId)
          .collect(Collectors.toCollection(LinkedHashSet::new));
      Set<Subject> parties = parsed.entries().stream().map(DishonestyEntry::party)
          .collect(Collectors.toCollection(LinkedHashSet::new));
      int rows = parsed.entries().size() + (int) parsed.problems().stream().filter(p -> p.row() > 1).count();
      return queues.storedListEntries(ids).zipWith(parties.isEmpty() ? Mono.just(0L) : known.among(parties).count(),
          (stored, knownCount) -> {
            int fresh = (int) ids.stream().filter(id -> !stored.contains(id)).count();
            return new Preview(new ImportReport(rows, fresh, parsed.entries().size() - fresh, parsed.problems()),
                knownCount.intValue());
          });
    });
  }
}
