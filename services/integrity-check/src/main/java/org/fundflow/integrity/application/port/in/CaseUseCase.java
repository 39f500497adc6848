package org.fundflow.integrity.application.port.in;

import org.fundflow.platform.domain.ExpectedVersion;
import java.util.List;
import org.fundflow.integrity.domain.CaseFinding;
import org.fundflow.integrity.domain.IntegrityCase;
import reactor.core.publisher.Mono;

/** An officer's work on cases. Illegal transitions fail with an ILLEGAL_TRANSITION IntegrityException. */
public interface CaseUseCase {

  enum Decision { CONFIRMED, DISMISSED }

  /** @param idempotencyKey the client's Idempotency-Key: the same key opens the same case once */
  record OpenCase(List<String> flagIds, String note, List<String> evidenceRefs, String officer, String idempotencyKey) {
    public OpenCase {
      if (flagIds == null || flagIds.isEmpty()) {
        throw new IllegalArgumentException("flagIds must not be empty");
      }
    }
  }

  /** @param expectedRevision the case revisions the decision was made on (If-Match), or any */
  record Decide(String caseId, Decision decision, String reason, boolean placeHold, Integer holdYears, String officer,
      ExpectedVersion expectedRevision, CaseFinding finding) {
    public Decide(String caseId, Decision decision, String reason, boolean placeHold, Integer holdYears,
        String officer, ExpectedVersion expectedRevision) {
      this(caseId, decision, reason, placeHold, holdYears, officer, expectedRevision, CaseFinding.NONE);
    }
  }

  Mono<IntegrityCase> open(OpenCase command);

  Mono<IntegrityCase> startInvestigation(String caseId, String note, String officer);

  Mono<IntegrityCase> addNote(String caseId, String note, List<String> evidenceRefs, String officer);

  Mono<IntegrityCase> placeInterimHold(String caseId, String reason, Integer years, String officer);

  Mono<IntegrityCase> decide(Decide command);

  Mono<IntegrityCase> get(String caseId);
}
