package org.fundflow.intake.application.port.in;

import java.time.LocalDate;
import java.util.List;
import org.fundflow.intake.domain.Attachment;
import org.fundflow.intake.domain.BudgetLine;
import org.fundflow.intake.domain.Milestone;
import org.fundflow.intake.domain.Proposal;
import org.fundflow.intake.domain.ProposalStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What applicants do with their proposals, and what everyone may read. */
public interface ProposalUseCase {

  /** A person as entered: the national ID is in clear here and nowhere after the use case. */
  record PersonInput(String nationalId, String name, String organisationCode, String role) {
    @Override
    public String toString() {
      return "PersonInput[name=" + name + ", organisationCode=" + organisationCode + ", role=" + role
          + ", nationalId=<redacted>]";
    }
  }

  record DraftContent(String title, String abstractText, List<String> keywords, long requestedAmountFen,
      List<BudgetLine> budgetLines, PersonInput principalInvestigator, List<PersonInput> team,
      List<Attachment> attachments, LocalDate projectStartDate, LocalDate projectEndDate, List<Milestone> milestones) {}

  record CreateDraftCommand(Viewer applicant, String programId, String challengeId, DraftContent content) {}

  record SubmitCommand(Viewer applicant, String proposalId, String idempotencyKey, boolean pledgeAccepted,
      String pledgeTextVersion) {
    public SubmitCommand {
      if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
        throw new IllegalArgumentException("an Idempotency-Key of 1 to 200 characters is required");
      }
    }

    /** What makes two submit requests "the same request". */
    public String requestFingerprint() {
      return "pledgeAccepted=" + pledgeAccepted + ";pledgeTextVersion=" + pledgeTextVersion;
    }
  }

  /** {@code organisationCode}: staff may filter by an organisation; an applicant only ever sees its own. */
  record ListQuery(String programId, ProposalStatus status, String organisationCode, String afterId, int limit) {}

  Mono<Proposal> createDraft(CreateDraftCommand command);

  Mono<Proposal> editDraft(Viewer applicant, String proposalId, DraftContent content);

  Mono<Void> deleteDraft(Viewer applicant, String proposalId);

  Mono<Proposal> submit(SubmitCommand command);

  Mono<Proposal> withdraw(Viewer applicant, String proposalId);

  Mono<Proposal> get(Viewer viewer, String proposalId);

  Flux<Proposal> list(Viewer viewer, ListQuery query);
}
