package org.fundflow.subsidy.application.port.out;

import reactor.core.publisher.Mono;

/** The integrity holds on organisations this service has heard of. */
public interface Holds {

  /** One active hold id of the organisation, or empty when it is not held. */
  Mono<String> activeHold(String organisationCode);

  Mono<Void> place(String organisationCode, String holdId);

  /** @return true when no hold remains active on the organisation */
  Mono<Boolean> lift(String organisationCode, String holdId);
}
