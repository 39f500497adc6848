package org.fundflow.integrity.application.service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.fundflow.integrity.application.port.in.ImportDishonestyListUseCase;
import org.fundflow.integrity.application.port.out.DishonestyList;
import org.fundflow.integrity.application.port.out.IntegrityRecords;
import org.fundflow.integrity.application.port.out.KnownParties;
import org.fundflow.integrity.application.port.out.KnownParties.KnownParty;
import org.fundflow.platform.domain.PersonIdProtection;
import org.fundflow.integrity.domain.IntegrityEvent;
import org.fundflow.integrity.domain.IntegrityRecord;
import org.fundflow.integrity.domain.Subject;
import org.fundflow.integrity.domain.list.DishonestyEntry;
import org.fundflow.integrity.domain.list.DishonestyListCsv;
import org.fundflow.integrity.domain.rules.DishonestyListRule;
import org.fundflow.integrity.domain.rules.DishonestyListRule.Match;
import org.fundflow.platform.domain.Change;
import org.fundflow.platform.application.Correlation;
import reactor.core.publisher.Mono;

/**
 * Imports the dishonesty list: good rows are stored (once), bad rows reported row by row. Then, at once, every
 * entry of the import in force today is matched against the parties integrity-check already knows (applicants,
 * principal investigators, team members, experts and their organisations, payees awaiting payment): a known
 * party on the list is flagged CRITICAL and held in one write of its record, without waiting for its next
 * application, review or payment. Every entry of the import is screened, not only the new ones, so an import
 * interrupted after storing its entries is completed by importing the list again; flag and hold ids are derived
 * from the party and the entry, so a re-import raises and holds nothing twice.
 */
public final class DishonestyListService implements ImportDishonestyListUseCase {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DishonestyListService.class);

  private final DishonestyList list;
  private final DishonestyListCsv csv;
  private final KnownParties known;
  private final IntegrityRecords records;
  private final RecordChanges changes;
  private final DishonestyListRule rule;
  private final Clock clock;

  public DishonestyListService(DishonestyList list, DishonestyListCsv.Reader reader, PersonIdProtection hashing,
      KnownParties known, IntegrityRecords records, DishonestyListRule rule, Clock clock) {
    this.list = list;
    this.csv = new DishonestyListCsv(hashing::hash, reader);
    this.known = known;
    this.records = records;
    this.changes = new RecordChanges(records);
    this.rule = rule;
    this.clock = clock;
  }

  @Override
  public Mono<ImportReport> importCsv(String text, String importedBy) {
    return Mono.fromCallable(() -> csv.parse(text))
        .doOnNext(parsed -> log.info("dishonesty list import by {}: {} rows read, {} entries, {} rejected", importedBy,
            rows(parsed), parsed.entries().size(), parsed.problems().size()))
        .flatMap(parsed -> list.add(parsed.entries(), importedBy)
            .doOnNext(added -> log.info("dishonesty list import by {}: {} entries new, {} stored before; screening the "
                + "known parties", importedBy, added, parsed.entries().size() - added))
            .flatMap(added -> screenDetached(parsed.entries(), importedBy).thenReturn(added))
            .map(added -> new ImportReport(rows(parsed), added, parsed.entries().size() - added, parsed.problems())));
  }

  /** The data rows of the file: its entries and its rejected rows (a problem of row 1 is the header's). */
  private static int rows(DishonestyListCsv.Parsed parsed) {
    return parsed.entries().size() + (int) parsed.problems().stream().filter(p -> p.row() > 1).count();
  }

  /**
   * Runs to the end even when the request is given up (a store timeout or a client that went away): the entries
   * are stored by then, and a known party on them must not stay unheld.
   */
  private Mono<Void> screenDetached(List<DishonestyEntry> entries, String importedBy) {
    return Mono.fromFuture(screen(entries, importedBy).toFuture(), true);
  }

  @Override
  public Mono<Integer> screenEntriesNowInForce() {
    java.time.Instant now = clock.instant();
    return list.unscreenedInForceBy(now.atZone(org.fundflow.integrity.domain.HoldPolicy.ZONE).toLocalDate())
        .collectList()
        .flatMap(entries -> screen(entries, "list-screening-sweep").thenReturn(entries.size()));
  }

  /**
   * The known parties on these entries, flagged and held; completes when every hold is stored. Then the entries that
   * have started are marked screened (the others are screened by {@link #screenEntriesNowInForce()} once in force).
   */
  Mono<Void> screen(List<DishonestyEntry> entries, String importedBy) {
    if (entries.isEmpty()) {
      return Mono.empty();
    }
    java.time.Instant now = clock.instant();
    java.time.LocalDate today = now.atZone(org.fundflow.integrity.domain.HoldPolicy.ZONE).toLocalDate();
    // screened for good: every entry that has started (in force, or already ended); entries still ahead are not
    List<String> started = entries.stream().filter(e -> !e.effectiveDate().isAfter(today))
        .map(DishonestyEntry::entryId).toList();
    return matchKnown(entries, importedBy).then(Mono.defer(() -> list.markScreened(started, now)));
  }

  private Mono<Void> matchKnown(List<DishonestyEntry> entries, String importedBy) {
    Map<Subject, List<DishonestyEntry>> byParty = entries.stream()
        .collect(Collectors.groupingBy(DishonestyEntry::party, java.util.LinkedHashMap::new, Collectors.toList()));
    return known.among(byParty.keySet())
        .concatMap(party -> hold(party, byParty.getOrDefault(party.subject(), List.of()), importedBy))
        .then();
  }

  private Mono<Void> hold(KnownParty party, List<DishonestyEntry> entries, String importedBy) {
    return changes.apply(records.load(party.subject()), null, record -> {
      java.time.Instant now = clock.instant();
      Change<IntegrityRecord, IntegrityEvent> change = Change.quiet(record);
      for (DishonestyEntry entry : entries) {
        Optional<Match> match = rule.screen(entry, party.subject(), party.roles(), party.openDisbursements(),
            importedBy, now);
        // held for this listing before (by an event, an earlier import, or lifted by an officer since): nothing new
        if (match.isPresent() && change.next().hold(match.get().holdId()).isEmpty()) {
          Match m = match.get();
          change = change.then(r -> r.raiseWithHold(m.flag(), m.holdId(), m.holdReason(), m.holdEndsAt()));
        }
      }
      return change;
    }).then().contextWrite(Correlation.unlessPresent("dishonesty-list-import"));
  }
}
