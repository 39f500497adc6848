package org.fundflow.subsidy.application.service;

import org.fundflow.subsidy.domain.ClaimRefused;
import org.fundflow.subsidy.domain.ClaimStatus;
import org.fundflow.subsidy.domain.SubsidyCalculation;

import java.time.Clock;
import java.util.List;
import org.fundflow.subsidy.application.port.in.ClaimsUseCase;
import org.fundflow.subsidy.application.port.in.Refusal;
import org.fundflow.platform.domain.Refusal.Kind;
import org.fundflow.subsidy.application.port.out.ClaimEvidenceFiles;
import org.fundflow.subsidy.application.port.out.Claims;
import org.fundflow.platform.domain.Change;
import org.fundflow.platform.domain.ConcurrentChange;
import org.fundflow.subsidy.application.port.out.Disbursements;
import org.fundflow.subsidy.application.port.out.Programs;
import org.fundflow.subsidy.domain.ClaimEvent;
import org.fundflow.subsidy.domain.EvidenceFile;
import org.fundflow.subsidy.domain.ExpenditureClaim;
import org.fundflow.subsidy.domain.Program;
import org.fundflow.subsidy.domain.ProgramKind;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Expenditure claims. Verification computes the subsidy with the program's rule, capped by what the
 * organisation was granted this year in the program and by the budget that is neither released,
 * reserved nor owed to open disbursements. The subsidy itself is paid by a POST_SUBSIDY disbursement
 * that this service creates when it consumes its own expenditure-claim-verified event (outbox ->
 * Kafka -> consumer), so a crash between the two writes cannot lose or double it.
 */
public class ClaimsService implements ClaimsUseCase {

  private final Claims claims;
  private final Programs programs;
  private final Disbursements disbursements;
  private final Clock clock;
  private final ClaimEvidenceFiles evidenceFiles;

  public ClaimsService(Claims claims, Programs programs, Disbursements disbursements, Clock clock,
      ClaimEvidenceFiles evidenceFiles) {
    this.evidenceFiles = evidenceFiles;
    this.claims = claims;
    this.programs = programs;
    this.disbursements = disbursements;
    this.clock = clock;
  }

  @Override
  public Mono<ExpenditureClaim> submit(SubmitCommand c) {
    return postSubsidyProgram(c.programId()).flatMap(program -> {
      Change<ExpenditureClaim, ClaimEvent> submitted = ExpenditureClaim.submit(c.programId(), c.organisationCode(),
          c.organisationName(), c.fiscalYear(), c.expenditureThisYearFen(), c.expenditureLastYearFen(),
          c.auditReportReference(), c.by(), clock.instant());
      ExpenditureClaim claim = submitted.next();
      return claims.create(claim, submitted.events())
          .flatMap(created -> created
              ? Mono.defer(() -> load(claim.id()))
              : Mono.error(new Refusal(Kind.CONFLICT, "claim-exists", "Claim exists",
                  "organisation " + c.organisationCode() + " has already claimed for " + c.fiscalYear()
                      + " in program " + c.programId() + " (" + claim.id() + ")")));
    });
  }

  @Override
  public Mono<ExpenditureClaim> verify(VerifyCommand c) {
    return load(c.claimId()).flatMap(claim -> {
      if (!c.expectedVersion().matches(claim.version())) {
        return Mono.error(new Refusal(Kind.PRECONDITION_FAILED, "version-mismatch", "Version mismatch",
            "claim " + claim.id() + " is at version " + claim.version() + ", not " + c.expectedVersion()));
      }
      // the decision's event names the files it rests on (metadata only); an upload racing the decision is
      // removed again by the evidence endpoint once it sees the claim decided
      Mono<List<EvidenceFile>> files = evidenceFiles.of(claim.id()).collectList();
      Mono<Change<ExpenditureClaim, ClaimEvent>> decided = !c.verified()
          ? files.map(f -> claim.reject(c.reason(), c.by(), clock.instant(), f))
          : files.flatMap(f -> withRuleInputs(claim, (program, granted, budgetLeft) -> claim.verify(
              program.postSubsidyRule(), granted, budgetLeft, c.by(), clock.instant(), f)));
      return decided.flatMap(change -> claims.update(change.next(), change.events())
          .onErrorMap(ConcurrentChange.class, e -> new Refusal(Kind.CONFLICT, "concurrent-change",
              "Changed by someone else", "claim " + claim.id() + " was decided by another request at the same time"))
          .then(Mono.defer(() -> load(claim.id()))));
    });
  }

  @Override
  public Mono<SubsidyCalculation> compute(String claimId) {
    return load(claimId).flatMap(claim -> claim.status() != ClaimStatus.SUBMITTED
        ? Mono.error(new ClaimRefused(ClaimRefused.Reason.ALREADY_DECIDED, "claim " + claimId + " is " + claim.status()))
        : withRuleInputs(claim, (program, granted, budgetLeft) -> program.postSubsidyRule()
            .calculate(claim.expenditureThisYearFen(), claim.expenditureLastYearFen(), granted, budgetLeft)));
  }

  interface RuleInputs<T> {
    T apply(Program program, long alreadyGrantedFen, long budgetLeftFen);
  }

  /** The program's rule, what the organisation was granted this year and the budget left, read as verify reads them. */
  private <T> Mono<T> withRuleInputs(ExpenditureClaim claim, RuleInputs<T> then) {
    return postSubsidyProgram(claim.programId()).flatMap(program -> Mono.zip(
            claims.grantedFen(claim.programId(), claim.organisationCode(), claim.fiscalYear(), claim.id()),
            disbursements.outstandingFen(claim.programId()))
        .map(t -> then.apply(program, t.getT1(), program.budgetFen() - program.allocatedFen() - t.getT2())));
  }

  private Mono<Program> postSubsidyProgram(String programId) {
    return programs.find(programId)
        .switchIfEmpty(Mono.error(() -> new Refusal(Kind.UNPROCESSABLE, "unknown-program", "Unknown program",
            "program " + programId + " is not known to post-subsidy")))
        .flatMap(p -> p.kind() == ProgramKind.POST_SUBSIDY && p.postSubsidyRule() != null
            ? Mono.just(p)
            : Mono.error(new Refusal(Kind.UNPROCESSABLE, "not-a-post-subsidy-program", "Not a post-subsidy program",
                "program " + programId + " is a " + p.kind() + " program without a post-subsidy rule")));
  }

  private Mono<ExpenditureClaim> load(String id) {
    return claims.findById(id).switchIfEmpty(Mono.error(() -> Refusal.notFound("Claim", id)));
  }

  @Override
  public Mono<ExpenditureClaim> find(String id) {
    return load(id);
  }

  @Override
  public Flux<ExpenditureClaim> search(Filter filter) {
    return claims.search(filter);
  }
}
