package org.fundflow.intake.application.port.out;

import java.util.Set;
import org.fundflow.intake.domain.ProposalFile;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The metadata of the files stored for proposals (the bytes stay with the adapter). */
public interface ProposalFiles {

  ProposalFiles NONE = new ProposalFiles() {
    @Override
    public Flux<ProposalFile> of(String proposalId) {
      return Flux.empty();
    }
  };

  /** The proposal's files, oldest first. */
  Flux<ProposalFile> of(String proposalId);

  /** Of these proposal ids, those that still exist (the others' files are orphans). */
  default Mono<Set<String>> existing(Set<String> proposalIds) {
    return Mono.just(proposalIds);
  }
}
