package org.fundflow.integrity.application.port.out;

import java.util.Collection;
import java.util.List;
import org.fundflow.integrity.domain.Subject;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The parties integrity-check has seen in other services' events (organisations by code, persons only
 * by the keyed hash), so that a dishonesty-list import can be matched against them at once. Every
 * change is an idempotent set operation: a redelivered event changes nothing.
 */
public interface KnownParties {

  /** A known party: the roles it was seen in and the disbursements to it not released yet. */
  record KnownParty(Subject subject, List<String> roles, List<String> openDisbursements) {}

  /** Remembers that the party took part in something in this role (e.g. APPLICANT_ORGANISATION, EXPERT). */
  Mono<Void> remember(Subject party, String role);

  /** Remembers a disbursement to this payee that is not released yet (unless it was released already). */
  Mono<Void> payeeAwaiting(String organisationCode, String disbursementId);

  /** The disbursement to this payee was released: it no longer awaits payment. */
  Mono<Void> payeePaid(String organisationCode, String disbursementId);

  /** The known parties among these (queried by their keys, never by loading every party). */
  Flux<KnownParty> among(Collection<Subject> parties);
}
