package org.fundflow.archclean.application.port.in;

import org.fundflow.archclean.domain.Thing;

public interface MakeThingUseCase {
  record MakeThingCommand(String id) {}

  reactor.core.publisher.Mono<Thing> make(MakeThingCommand command);
}
