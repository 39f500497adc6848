package org.fundflow.integrity.application.service;

import java.time.Clock;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.fundflow.integrity.application.port.in.CaseUseCase;
import org.fundflow.integrity.application.port.out.CaseEvidenceFiles;
import org.fundflow.integrity.application.port.out.IntegrityRecords;
import org.fundflow.integrity.domain.HoldPolicy;
import org.fundflow.integrity.domain.IntegrityCase;
import org.fundflow.integrity.domain.IntegrityEvent;
import org.fundflow.integrity.domain.IntegrityException;
import org.fundflow.integrity.domain.IntegrityRecord;
import org.fundflow.platform.domain.Change;
import reactor.core.publisher.Mono;

/** Cases: OPEN -> INVESTIGATING -> CONFIRMED | DISMISSED, every step with who and when. */
public final class CaseService implements CaseUseCase {

  private final IntegrityRecords records;
  private final RecordChanges changes;
  private final HoldPolicy policy;
  private final Clock clock;
  private final CaseEvidenceFiles evidenceFiles;

  public CaseService(IntegrityRecords records, HoldPolicy policy, Clock clock, CaseEvidenceFiles evidenceFiles) {
    this.evidenceFiles = evidenceFiles;
    this.records = records;
    this.changes = new RecordChanges(records);
    this.policy = policy;
    this.clock = clock;
  }

  @Override
  public Mono<IntegrityCase> open(OpenCase command) {
    String caseId = command.idempotencyKey() == null || command.idempotencyKey().isBlank()
        ? "case-" + UUID.randomUUID()
        : "case-" + UUID.nameUUIDFromBytes(("case|" + command.idempotencyKey()).getBytes(StandardCharsets.UTF_8));
    String first = command.flagIds().get(0);
    Mono<IntegrityCase> create = Mono.defer(() -> {
      Mono<IntegrityRecord> loader = records.findByFlag(first)
          .switchIfEmpty(Mono.error(() -> IntegrityException.rule("unknown-flag", "flag " + first + " does not exist")));
      return changes.command(loader, r -> r.openCase(caseId, command.flagIds(), command.officer(),
              clock.instant(), command.note(), command.evidenceRefs()))
          .map(r -> r.integrityCase(caseId).orElseThrow());
    });
    return records.findByCase(caseId)
        .map(r -> r.integrityCase(caseId).orElseThrow())
        .flatMap(existing -> new LinkedHashSet<>(existing.flagIds()).equals(new LinkedHashSet<>(command.flagIds()))
            ? Mono.just(existing)
            : Mono.error(IntegrityException.rule("idempotency-key-reused",
                "the Idempotency-Key was used for case " + caseId + " with other flags")))
        .switchIfEmpty(create);
  }

  @Override
  public Mono<IntegrityCase> startInvestigation(String caseId, String note, String officer) {
    return onCase(caseId, r -> r.startInvestigation(caseId, officer, clock.instant(), note));
  }

  @Override
  public Mono<IntegrityCase> addNote(String caseId, String note, List<String> evidenceRefs, String officer) {
    return onCase(caseId, r -> r.addNote(caseId, officer, clock.instant(), note, evidenceRefs));
  }

  @Override
  public Mono<IntegrityCase> placeInterimHold(String caseId, String reason, Integer years, String officer) {
    String holdId = "hold-" + UUID.randomUUID();
    return onCase(caseId, r -> r.placeInterimHold(caseId, holdId, reason, years, policy, officer, clock.instant()));
  }

  @Override
  public Mono<IntegrityCase> decide(Decide command) {
    String holdId = "hold-" + UUID.randomUUID();
    String caseId = command.caseId();
    // the decision's event names the files it rests on (metadata only); an upload racing the decision is removed
    // again by the evidence endpoint once it sees the case decided
    return evidenceFiles.of(caseId).collectList().flatMap(files -> onCase(caseId, r -> {
      if (!command.expectedRevision().isAny()) {
        int actual = r.integrityCase(caseId).orElseThrow().revision();
        if (!command.expectedRevision().matches(actual)) {
          throw IntegrityException.stale("case " + caseId, command.expectedRevision(), actual);
        }
      }
      return command.decision() == Decision.CONFIRMED
        ? r.confirm(caseId, command.reason(), command.finding(), command.placeHold(), holdId, command.holdYears(), policy,
            command.officer(), clock.instant(), files)
        : r.dismiss(caseId, command.reason(), command.officer(), clock.instant(), files);
    }));
  }

  @Override
  public Mono<IntegrityCase> get(String caseId) {
    return records.findByCase(caseId)
        .switchIfEmpty(Mono.error(() -> IntegrityException.notFound("case", caseId)))
        .map(r -> r.integrityCase(caseId).orElseThrow());
  }

  private Mono<IntegrityCase> onCase(String caseId,
      Function<IntegrityRecord, Change<IntegrityRecord, IntegrityEvent>> decision) {
    Mono<IntegrityRecord> loader = records.findByCase(caseId)
        .switchIfEmpty(Mono.error(() -> IntegrityException.notFound("case", caseId)));
    return changes.command(loader, decision).map(r -> r.integrityCase(caseId).orElseThrow());
  }
}
