package org.fundflow.intake.adapter.in.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import org.fundflow.intake.application.port.in.HoldUseCase;
import org.fundflow.intake.domain.HoldSubject;
import org.fundflow.platform.events.EventDispatcher;
import org.fundflow.platform.events.EventReader;

/**
 * Consumes {@code integrity.events}: hold placed / lifted, into intake's own copy of the holds.
 * Other integrity events are counted and skipped by the dispatcher.
 */
public final class IntegrityEventsConsumer {

  public static final String HOLD_PLACED = "fundflow.integrity.hold-placed.v1";
  public static final String HOLD_LIFTED = "fundflow.integrity.hold-lifted.v1";

  /** intake's own minimal copy of the subject of a hold. */
  public record SubjectMessage(@NotNull HoldSubject type, @NotBlank String id) {}

  public record HoldPlacedMessage(@NotBlank String holdId, @NotNull @Valid SubjectMessage subject, String reason,
      Instant startsAt, @NotNull Instant endsAt) {}

  public record HoldLiftedMessage(@NotBlank String holdId, @NotNull @Valid SubjectMessage subject, String reason,
      @NotNull Instant liftedAt) {}

  private IntegrityEventsConsumer() {}

  public static EventDispatcher dispatcher(EventReader reader, MeterRegistry meters, HoldUseCase holds) {
    return EventDispatcher.builder("project-intake/integrity-events", reader, meters)
        .on(HOLD_PLACED, HoldPlacedMessage.class, e -> holds.placed(new HoldUseCase.HoldPlaced(e.eventId(),
            e.data().holdId(), e.data().subject().type(), e.data().subject().id(), e.data().reason(),
            e.data().startsAt(), e.data().endsAt())))
        .on(HOLD_LIFTED, HoldLiftedMessage.class, e -> holds.lifted(new HoldUseCase.HoldLifted(e.eventId(),
            e.data().holdId(), e.data().subject().type(), e.data().subject().id(), e.data().liftedAt())))
        .build();
  }
}
