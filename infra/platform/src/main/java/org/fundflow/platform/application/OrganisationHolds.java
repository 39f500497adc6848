package org.fundflow.platform.application;

import java.util.List;
import reactor.core.publisher.Mono;

/**
 * A service's copy of integrity-check's holds on organisations, kept from {@code hold-placed} and {@code hold-lifted}
 * (milestone-review and post-subsidy stop acceptances and payments with it). The events may come twice or in either
 * order: a placement heard again changes nothing, and a hold whose lifting was heard is never active again, even when
 * its placement arrives later. The Mongo copy is {@code org.fundflow.platform.readmodel.MongoOrganisationHolds}.
 */
public interface OrganisationHolds {

  /** Records the hold as active on the organisation, unless it was lifted already. */
  Mono<Void> place(String organisationCode, String holdId);

  /**
   * Records the hold as lifted (also when its placement was never heard of).
   *
   * @return true when no hold remains active on the organisation
   */
  Mono<Boolean> lift(String organisationCode, String holdId);

  /** The organisation's active hold ids, the first placed first; empty when it is not held. */
  Mono<List<String>> activeHolds(String organisationCode);

  /** The first placed of the organisation's active holds, or empty when it is not held. */
  default Mono<String> activeHold(String organisationCode) {
    return activeHolds(organisationCode).flatMap(active -> Mono.justOrEmpty(active.stream().findFirst()));
  }
}
