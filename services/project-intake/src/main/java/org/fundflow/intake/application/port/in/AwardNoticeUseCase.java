package org.fundflow.intake.application.port.in;

import org.fundflow.intake.domain.Objection;
import org.fundflow.intake.domain.Proposal;
import org.fundflow.platform.domain.ExpectedVersion;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The public notice of awards (立项公示, issue 17 point 2): objections, their decisions, finality, the public list. */
public interface AwardNoticeUseCase {

  record LodgeObjectionCommand(Viewer objector, String proposalId, String reasons) {}

  record DecideObjectionCommand(Viewer manager, String proposalId, String objectionId, boolean uphold, String reason,
      ExpectedVersion expectedVersion) {}

  record Lodged(Proposal proposal, Objection objection) {}

  /** An award-withdrawn event as intake itself published it: the award's amount goes back to the program. */
  record AwardWithdrawn(String programId, String proposalId, long withdrawnAmountFen) {}

  /** Any logged-in user (the controller keeps auditors out); not visible as a proposal: a public notice is. */
  Mono<Lodged> lodge(LodgeObjectionCommand command);

  /** Upheld: the award withdrawn and its amount returned to the program's budget, exactly once. */
  Mono<Proposal> decide(DecideObjectionCommand command);

  /** Awards under notice, ordered by proposal id after {@code afterId}: what the public page lists. */
  Flux<Proposal> underNotice(String afterId, int limit);

  /** The sweep: every award whose notice has ended with no objection pending becomes final; how many did. */
  Mono<Long> finaliseDue();

  /** @return true when the amount was given back now, false when it was before (redelivery) */
  Mono<Boolean> returnWithdrawn(AwardWithdrawn event);

  /** The objection, for its evidence files: the objector adds them while it is pending. */
  Mono<Objection> evidenceWritable(Viewer objector, String proposalId, String objectionId);

  /** The objection, for reading its evidence: program managers and auditors ({@code staff}), or its objector. */
  Mono<Objection> evidenceReadable(Viewer viewer, boolean staff, String proposalId, String objectionId);
}
