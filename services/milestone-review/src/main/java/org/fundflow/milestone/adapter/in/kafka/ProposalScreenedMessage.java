package org.fundflow.milestone.adapter.in.kafka;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Instant;
import java.util.List;

/**
 * This service's copy of {@code fundflow.intake.proposal-screened.v1} (立项评审): what the review panel needs — the
 * proposal's summary, the team for the conflict rules and the program's rubric (tolerant reader).
 */
public record ProposalScreenedMessage(
    @NotBlank String proposalId,
    @NotBlank String programId,
    @NotBlank String programKind,
    String challengeId,
    @NotBlank String organisationCode,
    String organisationName,
    String title,
    @com.fasterxml.jackson.annotation.JsonProperty("abstract") String abstractText,
    @NotNull @PositiveOrZero Long requestedAmountFen,
    @Valid ProposalAwardedMessage.Person principalInvestigator,
    @Valid List<ProposalAwardedMessage.Person> team,
    @NotEmpty List<@Valid @NotNull Criterion> rubric,
    @NotNull Instant screenedAt) {

  public record Criterion(@NotBlank String name, @NotNull Integer weight) {}
}
