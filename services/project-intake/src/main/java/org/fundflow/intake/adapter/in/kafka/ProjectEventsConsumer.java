package org.fundflow.intake.adapter.in.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Instant;
import java.util.List;
import org.fundflow.intake.application.port.in.ReviewRankingUseCase;
import org.fundflow.intake.application.port.in.ReviewRankingUseCase.ProposalReviewedCommand;
import org.fundflow.platform.events.EventDispatcher;
import org.fundflow.platform.events.EventReader;

/**
 * Consumes {@code milestone.project-events}: only proposal-reviewed (立项评审, issue 17 point 1: the review panel's
 * score of a proposal). The project events are counted and skipped by the dispatcher.
 */
public final class ProjectEventsConsumer {

  public static final String PROPOSAL_REVIEWED = "fundflow.milestone.proposal-reviewed.v1";

  /** intake's own minimal copy of the event. */
  public record ProposalReviewedMessage(@NotBlank String proposalId, @NotBlank String programId,
      @NotBlank @Pattern(regexp = "\\d{1,3}\\.\\d{2}") String score, List<Integer> totalsUsed,
      List<Integer> totalsDropped, @NotBlank String explanation, @NotNull @PositiveOrZero Integer panelSize,
      @NotNull Instant reviewedAt) {}

  private ProjectEventsConsumer() {}

  public static EventDispatcher dispatcher(EventReader reader, MeterRegistry meters, ReviewRankingUseCase reviews) {
    return EventDispatcher.builder("project-intake/project-events", reader, meters)
        .on(PROPOSAL_REVIEWED, ProposalReviewedMessage.class, e -> reviews.recordReview(new ProposalReviewedCommand(
            e.eventId(), e.data().proposalId(), e.data().programId(), e.data().score(), e.data().totalsUsed(),
            e.data().totalsDropped(), e.data().explanation(), e.data().panelSize(), e.data().reviewedAt())).then())
        .build();
  }
}
