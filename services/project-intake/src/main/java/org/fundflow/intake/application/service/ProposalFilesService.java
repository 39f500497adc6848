package org.fundflow.intake.application.service;

import org.fundflow.intake.application.port.in.ProposalFilesUseCase;
import org.fundflow.intake.application.port.in.Viewer;
import org.fundflow.intake.application.port.out.Proposals;
import org.fundflow.intake.domain.IntakeRefusal;
import org.fundflow.intake.domain.Proposal;
import reactor.core.publisher.Mono;

/** Access to a proposal's files follows access to the proposal. */
public final class ProposalFilesService implements ProposalFilesUseCase {

  private final Proposals proposals;

  public ProposalFilesService(Proposals proposals) {
    this.proposals = proposals;
  }

  @Override
  public Mono<Proposal> readable(Viewer viewer, String proposalId) {
    return Mono.defer(() -> proposals.find(proposalId)
        .filter(p -> viewer.sees(p.organisationCode()))
        .switchIfEmpty(Mono.error(() -> IntakeRefusal.notFound("Proposal", proposalId))));
  }

  @Override
  public Mono<Proposal> changeable(Viewer viewer, String proposalId) {
    return Mono.defer(() -> {
      if (!viewer.applicant() || viewer.organisationCode() == null) {
        return Mono.error(IntakeRefusal.forbidden("only an applicant of the proposal's organisation adds or removes its files"));
      }
      return readable(viewer, proposalId).doOnNext(Proposal::requireFilesChangeable);
    });
  }
}
