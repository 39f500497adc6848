package org.fundflow.milestone.adapter.in.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.fundflow.milestone.domain.Recommendation;
import org.fundflow.platform.validation.ValidNationalId;
import org.fundflow.platform.validation.ValidOrganisationCode;

/** Request bodies of the HTTP API (validated with Jakarta constraints). */
public final class Requests {

  private Requests() {}

  public record EvidenceRef(@NotBlank @Size(max = 300) String name,
      @NotBlank @Pattern(regexp = "[0-9a-f]{64}", message = "must be 64 lower-case hex digits") String sha256) {}

  /**
   * A milestone report; {@code milestoneId} may be left out (the next due milestone is meant). {@code evidenceFileIds}
   * (optional): evidence files uploaded to the milestone, frozen with the report.
   */
  public record SubmitReport(
      String milestoneId,
      @NotEmpty @Size(max = 100) List<@NotBlank String> deliverablesMet,
      @NotNull @Size(max = 200) List<@Valid EvidenceRef> evidence,
      @NotNull @PositiveOrZero Long spendingToDateFen,
      @Size(max = 200) List<@NotBlank @Size(max = 64) String> evidenceFileIds) {}

  /** A suspension, resumption or termination by the program manager: the reason is required and kept. */
  public record ProjectDecision(@NotBlank @Size(max = 4000) String reason) {}

  public record BudgetLineBody(@NotBlank @Size(max = 200) String category, @NotNull @PositiveOrZero Long amountFen) {}

  /**
   * A change request: {@code kind} MILESTONE_DUE_DATE needs {@code milestoneId} and {@code newDueDate},
   * BUDGET_REALLOCATION {@code budgetLines} (adding up to the awarded amount), TEAM_CHANGE
   * {@code teamOrganisationCodes} (the team's other organisations).
   */
  public record ChangeRequestBody(@NotNull org.fundflow.milestone.domain.ChangeRequest.Kind kind,
      @Size(max = 64) String milestoneId, java.time.LocalDate newDueDate,
      @Size(max = 50) List<@Valid BudgetLineBody> budgetLines,
      @Size(max = 50) List<@NotBlank @Size(max = 18) @ValidOrganisationCode String> teamOrganisationCodes,
      @NotBlank @Size(max = 4000) String justification) {}

  /** The program manager's decision on a change request, with its reason. */
  public record ChangeDecision(@NotNull Boolean approve, @NotBlank @Size(max = 4000) String reason) {}

  public record FormPanel(@NotNull @Size(min = 3, max = 25) List<@NotBlank String> expertIds) {}

  public record AddExpert(@NotBlank String expertId) {}

  /** 回避声明: {@code conflict=false} declares no conflict of interest; {@code true} leaves the panel. */
  public record Declaration(@NotNull Boolean conflict, @Size(max = 2000) String reason) {}

  public record Evaluation(
      @NotNull @Min(0) @Max(40) Integer deliverables,
      @NotNull @Min(0) @Max(30) Integer technicalQuality,
      @NotNull @Min(0) @Max(20) Integer budgetExecution,
      @NotNull @Min(0) @Max(10) Integer management,
      @NotNull Recommendation recommendation,
      @Size(max = 4000) String comments) {}

  /** {@code nationalId} is hashed (keyed) and masked on arrival; the clear ID is never stored nor logged. */
  public record ExpertProfileBody(@NotBlank String name,
      @NotBlank @Size(max = 18) @ValidOrganisationCode String organisationCode,
      @NotBlank @Size(max = 18) @ValidNationalId String nationalId,
      @Size(max = 200) List<@NotBlank String> declaredConflicts) {}
}
