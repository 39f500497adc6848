package org.fundflow.intake.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.fundflow.intake.application.port.in.ProposalUseCase.DraftContent;
import org.fundflow.intake.application.port.in.ProposalUseCase.PersonInput;
import org.fundflow.intake.domain.Attachment;
import org.fundflow.intake.domain.BudgetLine;
import org.fundflow.intake.domain.Milestone;
import org.fundflow.intake.domain.Pledge;
import org.fundflow.intake.domain.ProgramKind;
import org.fundflow.intake.domain.Proposal;
import org.fundflow.intake.domain.ProposalStatus;
import org.fundflow.intake.domain.TeamMember;
import org.fundflow.platform.validation.ValidNationalId;
import org.fundflow.platform.validation.ValidOrganisationCode;

/** Request and response bodies of the proposal API. National IDs come in, only masked IDs go out. */
public final class ProposalDtos {

  private ProposalDtos() {}

  public record PersonBody(@NotBlank @ValidNationalId String nationalId, @NotBlank String name,
      @NotBlank @ValidOrganisationCode String organisationCode,
      String role) {
    PersonInput toInput() {
      return new PersonInput(nationalId, name, organisationCode, role);
    }

    @Override
    public String toString() {
      return "PersonBody[name=" + name + ", nationalId=<redacted>]";
    }
  }

  public record BudgetLineBody(@NotBlank String category, @Positive long amountFen) {}

  public record AttachmentBody(@NotBlank String name, @NotBlank String mediaType, @Positive long sizeBytes,
      @NotBlank String sha256) {}

  public record MilestoneBody(int sequence, @NotBlank String title, @Size(max = 50) List<@NotBlank String> deliverables,
      @NotNull LocalDate dueDate, int tranchePercent) {}

  public record ProposalRequest(String programId, String challengeId, @NotBlank @Size(max = 500) String title,
      @JsonProperty("abstract") @Size(max = 20000) String abstractText,
      @Size(max = 20) List<@NotBlank @Size(max = 100) String> keywords,
      @Positive long requestedAmountFen, @Size(max = 100) List<@Valid BudgetLineBody> budgetLines,
      @Valid PersonBody principalInvestigator, @Size(max = 100) List<@Valid PersonBody> team,
      @Size(max = 50) List<@Valid AttachmentBody> attachments,
      LocalDate projectStartDate, LocalDate projectEndDate, @Size(max = 24) List<@Valid MilestoneBody> milestones) {

    DraftContent toContent() {
      return new DraftContent(title, abstractText, keywords, requestedAmountFen,
          budgetLines == null ? null : budgetLines.stream().map(b -> new BudgetLine(b.category(), b.amountFen())).toList(),
          principalInvestigator == null ? null : principalInvestigator.toInput(),
          team == null ? null : team.stream().map(PersonBody::toInput).toList(),
          attachments == null ? null : attachments.stream()
              .map(a -> new Attachment(a.name(), a.mediaType(), a.sizeBytes(), a.sha256())).toList(),
          projectStartDate, projectEndDate,
          milestones == null ? null : milestones.stream()
              .map(m -> new Milestone(m.sequence(), m.title(), m.deliverables(), m.dueDate(), m.tranchePercent())).toList());
    }
  }

  public record PledgeBody(boolean accepted, String textVersion) {}

  public record SubmitRequest(@NotNull @Valid PledgeBody pledge) {}

  /**
   * {@code outOfRankOrderReason}: required when the award is out of rank order (a reviewed proposal ranked above it is
   * neither awarded nor rejected, 立项评审); recorded with the award and published in its event.
   */
  public record AwardRequest(@Positive long amountFen, @Size(max = 4000) String outOfRankOrderReason) {}

  public record RejectRequest(@NotBlank @Size(max = 2000) String reason) {}

  public record PersonView(String maskedId, String name, String organisationCode, String role) {
    static PersonView of(TeamMember m) {
      return m == null ? null : new PersonView(m.maskedId(), m.name(), m.organisationCode(), m.role());
    }
  }

  public record ProposalView(String id, String programId, ProgramKind programKind, String challengeId,
      String organisationCode, String organisationName, ProposalStatus status, String title,
      @JsonProperty("abstract") String abstractText, List<String> keywords, long requestedAmountFen,
      List<BudgetLine> budgetLines, PersonView principalInvestigator, List<PersonView> team,
      List<Attachment> attachments, LocalDate projectStartDate, LocalDate projectEndDate, List<Milestone> milestones,
      Pledge pledge, Instant submittedAt, Long awardedAmountFen, String projectId, String decidedBy,
      Instant decidedAt, String rejectionReason, Instant withdrawnAt, Instant createdAt,
      @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
      AwardNoticeDtos.NoticeView notice,
      @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
      String outOfRankOrderReason) {

    static ProposalView of(Proposal p) {
      var c = p.content();
      return new ProposalView(p.id(), p.programId(), p.programKind(), p.challengeId(), p.organisationCode(),
          p.organisationName(), p.status(), c.title(), c.abstractText(), c.keywords(), c.requestedAmountFen(),
          c.budgetLines(), PersonView.of(c.principalInvestigator()), c.team().stream().map(PersonView::of).toList(),
          c.attachments(), c.projectStartDate(), c.projectEndDate(), c.milestones(), p.pledge(),
          p.submission() == null ? null : p.submission().submittedAt(), p.awardedAmountFen(),
          p.status() == ProposalStatus.AWARDED ? p.projectId() : null, p.decidedBy(), p.decidedAt(),
          p.rejectionReason(), p.withdrawnAt(), p.createdAt(), AwardNoticeDtos.NoticeView.of(p),
          p.outOfRankOrderReason());
    }
  }
}
