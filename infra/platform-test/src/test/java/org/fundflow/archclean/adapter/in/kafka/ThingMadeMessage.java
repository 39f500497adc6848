package org.fundflow.archclean.adapter.in.kafka;

import org.fundflow.archclean.application.port.in.MakeThingUseCase;

public record ThingMadeMessage(String id) {
  public MakeThingUseCase.MakeThingCommand command() {
    return new MakeThingUseCase.MakeThingCommand(id);
  }
}
