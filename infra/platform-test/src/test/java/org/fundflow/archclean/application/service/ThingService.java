package org.fundflow.archclean.application.service;

import java.util.List;
import org.fundflow.archclean.application.port.in.MakeThingUseCase;
import org.fundflow.archclean.domain.Thing;
import org.fundflow.platform.national.OrganisationCode;
import reactor.core.publisher.Mono;

/** Keeps the application rule: the national code checks are the one platform package it may use. */
public class ThingService implements MakeThingUseCase {
  @Override
  public Mono<Thing> make(MakeThingCommand command) {
    String owner = OrganisationCode.isValid(command.id()) ? command.id() : null;
    return Mono.just(new Thing(command.id(), List.of(), owner));
  }
}
