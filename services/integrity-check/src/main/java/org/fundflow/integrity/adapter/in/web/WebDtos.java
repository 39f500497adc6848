package org.fundflow.integrity.adapter.in.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.fundflow.integrity.application.port.in.CaseUseCase.Decision;
import org.fundflow.integrity.domain.Flag;
import org.fundflow.integrity.domain.Hold;
import org.fundflow.integrity.domain.ProjectFailure;
import org.fundflow.integrity.domain.IntegrityCase;
import org.fundflow.integrity.domain.Subject;
import org.fundflow.integrity.domain.list.DishonestyEntry;
import org.fundflow.platform.validation.ValidNationalId;

/** Request and response bodies of the integrity API. */
public final class WebDtos {

  private WebDtos() {}

  public record OpenCaseRequest(@NotEmpty List<@NotBlank String> flagIds, @Size(max = 4000) String note,
      List<@NotBlank String> evidenceRefs) {}

  public record NoteRequest(@Size(max = 4000) String note, List<@NotBlank String> evidenceRefs) {}

  public record InterimHoldRequest(@NotBlank @Size(max = 1000) String reason, @Min(1) @Max(5) Integer years) {}

  /**
   * misconduct, projectId, recoveryAmountFen (追回, issue 17 point 4): a confirmed misconduct about a project makes
   * post-subsidy open a recovery order for what was released on it, or for {@code recoveryAmountFen}.
   */
  public record DecisionRequest(@NotNull Decision decision, @NotBlank @Size(max = 4000) String reason,
      Boolean placeHold, @Min(1) @Max(5) Integer holdYears, Boolean misconduct, @Size(max = 128) String projectId,
      @Min(1) Long recoveryAmountFen) {}

  public record LiftHoldRequest(@NotBlank @Size(max = 1000) String reason) {}

  /** A wrong ID is a 400 naming {@code personId}; the message never repeats it. */
  public record PersonLookupRequest(@NotBlank @ValidNationalId String personId) {}

  public record ImportResponse(int rows, int imported, int unchanged, List<RejectedRow> rejected) {}

  public record RejectedRow(int row, String reason) {}

  public record RecordResponse(Subject subject, boolean onHold, List<Flag> flags, List<IntegrityCase> cases,
      List<Hold> holds, List<DishonestyEntry> listEntries, List<ProjectFailure> projectFailures) {}

  /** A hold in force on the applicant's own organisation: its period and what it blocks (no reason, case or flag). */
  public record OwnHold(String holdId, java.time.Instant startsAt, java.time.Instant endsAt, List<String> blocks) {}

  public record OwnHoldsResponse(String organisationCode, boolean onHold, List<OwnHold> holds) {}
}
