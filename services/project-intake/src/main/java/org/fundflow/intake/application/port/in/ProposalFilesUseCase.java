package org.fundflow.intake.application.port.in;

import org.fundflow.intake.domain.Proposal;
import reactor.core.publisher.Mono;

/**
 * Who may do what with a proposal's files: exactly those who may read the proposal read its files (the applicant's
 * own organisation, program managers, auditors; another organisation's proposal does not exist for an applicant);
 * only an applicant of the organisation adds or removes files, and only while the proposal is a DRAFT.
 */
public interface ProposalFilesUseCase {

  /** The proposal if the viewer may read its files; 404 otherwise. */
  Mono<Proposal> readable(Viewer viewer, String proposalId);

  /** The draft if the viewer may add or remove its files; 403 for staff, 404 for another organisation, 409 once submitted. */
  Mono<Proposal> changeable(Viewer viewer, String proposalId);
}
