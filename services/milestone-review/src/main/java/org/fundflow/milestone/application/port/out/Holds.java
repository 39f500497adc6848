package org.fundflow.milestone.application.port.out;

import java.util.Set;
import reactor.core.publisher.Mono;

/** The integrity holds on organisations this service has heard of (a copy of integrity-check's facts). */
public interface Holds {

  Mono<Void> placed(String holdId, String organisationCode);

  Mono<Void> lifted(String holdId);

  Mono<Set<String>> activeOn(String organisationCode);
}
