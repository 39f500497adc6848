package org.fundflow.integrity.application.port.out;

import org.fundflow.integrity.domain.rules.ProposalFacts;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The proposals integrity-check has seen, for the duplicate rule. */
public interface ProposalArchive {

  /** Remembers the proposal (idempotent by proposal id). */
  Mono<Void> remember(ProposalFacts proposal);

  /**
   * Proposals of this organisation or this principal investigator (PI hash may be null) in programs other than this
   * one: the only ones the duplicate rule compares, so the others are not read.
   */
  Flux<ProposalFacts> ofOrganisationOrInvestigator(String organisationCode, String principalInvestigatorHash,
      String otherThanProgramId);
}
