package org.fundflow.intake.adapter.in.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.fundflow.intake.application.port.in.AwardNoticeUseCase;
import org.fundflow.platform.events.EventDispatcher;
import org.fundflow.platform.events.EventReader;

/**
 * Consumes intake's own {@code intake.proposal-events}: only award-withdrawn, whose amount goes back to the
 * program's budget (issue 17 point 2). The request that withdrew the award already tried; this makes it certain
 * after a crash between the proposal's write and the program's update. The conditional update gives it back once
 * per proposal, whatever the delivery. Every other proposal event is counted and skipped by the dispatcher.
 */
public final class OwnProposalEventsConsumer {

  public static final String AWARD_WITHDRAWN = "fundflow.intake.award-withdrawn.v1";

  /** intake's minimal copy of its own event. */
  public record AwardWithdrawnMessage(@NotBlank String proposalId, @NotBlank String programId,
      @NotNull @Positive @Max(DisbursementEventsConsumer.MAX_FEN) Long withdrawnAmountFen) {}

  private OwnProposalEventsConsumer() {}

  public static EventDispatcher dispatcher(EventReader reader, MeterRegistry meters, AwardNoticeUseCase notices) {
    return EventDispatcher.builder("project-intake/proposal-events", reader, meters)
        .on(AWARD_WITHDRAWN, AwardWithdrawnMessage.class, e -> notices.returnWithdrawn(
            new AwardNoticeUseCase.AwardWithdrawn(e.data().programId(), e.data().proposalId(),
                e.data().withdrawnAmountFen())).then())
        .build();
  }
}
