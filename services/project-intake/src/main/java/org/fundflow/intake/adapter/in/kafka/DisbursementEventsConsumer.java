package org.fundflow.intake.adapter.in.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.fundflow.intake.application.port.in.AwardRemainderUseCase;
import org.fundflow.intake.application.port.in.AwardRemainderUseCase.AwardRemainderReleased;
import org.fundflow.platform.events.EventDispatcher;
import org.fundflow.platform.events.EventReader;

/**
 * Consumes {@code subsidy.disbursement-events}: only award-remainder-released (a terminated project's unpaid award,
 * given back to its program's budget). The disbursement events are counted and skipped by the dispatcher.
 */
public final class DisbursementEventsConsumer {

  public static final String AWARD_REMAINDER_RELEASED = "fundflow.subsidy.award-remainder-released.v1";

  /** 10^15 fen: far above any budget, below where a long could overflow in sums. */
  static final long MAX_FEN = 1_000_000_000_000_000L;

  /** intake's own minimal copy of the event. */
  public record AwardRemainderReleasedMessage(@NotBlank String projectId, @NotBlank String programId,
      @NotNull @PositiveOrZero @Max(MAX_FEN) Long remainderFen) {}

  private DisbursementEventsConsumer() {}

  public static EventDispatcher dispatcher(EventReader reader, MeterRegistry meters, AwardRemainderUseCase useCase) {
    return EventDispatcher.builder("project-intake/disbursement-events", reader, meters)
        .on(AWARD_REMAINDER_RELEASED, AwardRemainderReleasedMessage.class, e -> useCase.returned(
            new AwardRemainderReleased(e.eventId(), e.data().programId(), e.data().projectId(),
                e.data().remainderFen())).then())
        .build();
  }
}
