package org.fundflow.archclean.application.service;

import java.util.List;
import org.fundflow.archclean.application.port.in.MakeThingUseCase;
import org.fundflow.archclean.domain.Thing;
import reactor.core.publisher.Mono;

public class ThingService implements MakeThingUseCase {
  @Override
  public Mono<Thing> make(MakeThingCommand command) {
    return Mono.just(new Thing(command.id(), List.of()));
  }
}
