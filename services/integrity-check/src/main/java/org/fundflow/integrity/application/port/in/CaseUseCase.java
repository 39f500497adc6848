package org.fundflow.integrity.application.port.in;

import java.util.List;
import org.fundflow.integrity.domain.IntegrityCase;
import reactor.core.publisher.Mono;

/** An officer's work on cases. Illegal transitions fail with an ILLEGAL_TRANSITION IntegrityException. */
public interface CaseUseCase {

  enum Decision { CONFIRMED, DISMISSED }

  record OpenCase(List<String> flagIds, String note, List<String> evidenceRefs, String officer) {
    public OpenCase {
      if (flagIds == null || flagIds.isEmpty()) {
        throw new IllegalArgumentException("flagIds must not be empty");
      }
    }
  }

  record Decide(String caseId, Decision decision, String reason, boolean placeHold, Integer holdYears, String officer) {}

  Mono<IntegrityCase> open(OpenCase command);

  Mono<IntegrityCase> startInvestigation(String caseId, String note, String officer);

  Mono<IntegrityCase> addNote(String caseId, String note, List<String> evidenceRefs, String officer);

  Mono<IntegrityCase> placeInterimHold(String caseId, String reason, Integer years, String officer);

  Mono<IntegrityCase> decide(Decide command);

  Mono<IntegrityCase> get(String caseId);
}
