package org.fundflow.subsidy.application.port.in;

import org.fundflow.platform.domain.ExpectedVersion;
import java.util.Objects;
import org.fundflow.subsidy.domain.ClaimStatus;
import org.fundflow.subsidy.domain.ExpenditureClaim;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Expenditure claims: applicants submit, finance officers verify or reject. */
public interface ClaimsUseCase {

  record SubmitCommand(String programId, String organisationCode, String organisationName, int fiscalYear,
      long expenditureThisYearFen, long expenditureLastYearFen, String auditReportReference, String by) {
    public SubmitCommand {
      Objects.requireNonNull(programId);
      if (organisationCode == null || organisationCode.isBlank()) {
        throw new IllegalArgumentException("the caller's token carries no organisation code");
      }
    }
  }

  record VerifyCommand(String claimId, boolean verified, String reason, ExpectedVersion expectedVersion, String by) {
    public VerifyCommand {
      Objects.requireNonNull(claimId);
      Objects.requireNonNull(expectedVersion);
      if (!verified && (reason == null || reason.isBlank())) {
        throw new IllegalArgumentException("a rejection needs a reason");
      }
    }
  }

  record Filter(String programId, String organisationCode, ClaimStatus status) {}

  Mono<ExpenditureClaim> submit(SubmitCommand command);

  Mono<ExpenditureClaim> verify(VerifyCommand command);

  Mono<ExpenditureClaim> find(String id);

  /**
   * What verifying a SUBMITTED claim now would grant, step by step, with the same rule, grants and budget left as
   * {@link #verify}; nothing changes (the verification page shows it before the officer confirms).
   */
  Mono<org.fundflow.subsidy.domain.SubsidyCalculation> compute(String claimId);

  Flux<ExpenditureClaim> search(Filter filter);
}
