package org.fundflow.intake.application.port.out;

import java.util.List;
import org.fundflow.intake.domain.Challenge;
import org.fundflow.intake.domain.IntakeEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public interface Challenges {

  Mono<Challenge> find(String id);

  Flux<Challenge> listByProgram(String programId);

  Mono<Void> create(Challenge challenge, List<IntakeEvent> events);
}
