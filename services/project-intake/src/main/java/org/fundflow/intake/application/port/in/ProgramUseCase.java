package org.fundflow.intake.application.port.in;

import java.time.LocalDate;
import java.util.List;
import org.fundflow.intake.domain.Challenge;
import org.fundflow.intake.domain.Program;
import org.fundflow.intake.domain.ProgramFilter;
import org.fundflow.intake.domain.ProgramTerms;
import org.fundflow.platform.domain.ExpectedVersion;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Programs and their challenges: what program managers set up. */
public interface ProgramUseCase {

  record PostChallengeCommand(String programId, String postingOrganisationCode, String postingOrganisationName,
      String title, String problem, List<String> targetIndicators, long maxFundingFen, LocalDate deadlineDate) {}

  Mono<Program> create(ProgramTerms terms);

  /** Edits a draft; refused (version mismatch) unless its current version is one {@code expected} names. */
  Mono<Program> edit(String programId, ProgramTerms terms, ExpectedVersion expected);

  Mono<Program> open(String programId);

  Mono<Program> close(String programId);

  /** A program; drafts exist only for staff (an applicant gets not-found). */
  Mono<Program> get(Viewer viewer, String programId);

  Flux<Program> list(Viewer viewer, ProgramFilter filter, String afterId, int limit);

  Mono<Challenge> postChallenge(PostChallengeCommand command);

  Mono<Challenge> getChallenge(String challengeId);

  Flux<Challenge> listChallenges(String programId);
}
