package org.fundflow.subsidy.adapter.in.kafka;

import org.fundflow.subsidy.application.port.in.ExternalEventsUseCase;

/** Test access to the message -> command mapping of {@link EventConsumers}. */
public final class EventConsumersContract {

  private EventConsumersContract() {}

  public static ExternalEventsUseCase.ProgramCopy program(Messages.ProgramMessage m) {
    return EventConsumers.program(m);
  }
}
