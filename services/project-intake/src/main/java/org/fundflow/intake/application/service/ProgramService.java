package org.fundflow.intake.application.service;

import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.fundflow.intake.application.port.in.ProgramUseCase;
import org.fundflow.intake.application.port.out.Challenges;
import org.fundflow.intake.application.port.out.IdGenerator;
import org.fundflow.intake.application.port.out.Programs;
import org.fundflow.intake.domain.Challenge;
import org.fundflow.intake.domain.IntakeEvent;
import org.fundflow.intake.domain.IntakeRefusal;
import org.fundflow.intake.domain.Program;
import org.fundflow.intake.domain.ProgramFilter;
import org.fundflow.intake.domain.ProgramStatus;
import org.fundflow.intake.domain.ProgramTerms;
import org.fundflow.intake.application.port.in.Viewer;
import org.fundflow.platform.application.ConcurrentChanges;
import org.fundflow.platform.domain.Change;
import org.fundflow.platform.domain.ExpectedVersion;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public final class ProgramService implements ProgramUseCase {

  private final Programs programs;
  private final Challenges challenges;
  private final IdGenerator ids;
  private final Clock clock;

  public ProgramService(Programs programs, Challenges challenges, IdGenerator ids, Clock clock) {
    this.programs = programs;
    this.challenges = challenges;
    this.ids = ids;
    this.clock = clock;
  }

  @Override
  public Mono<Program> create(ProgramTerms terms) {
    return Mono.defer(() -> {
      Program program = Program.draft(ids.next("prg"), terms, clock.instant());
      return programs.save(program, List.of());
    });
  }

  @Override
  public Mono<Program> edit(String programId, ProgramTerms terms, ExpectedVersion expected) {
    return change(programId, expected, p -> p.edit(terms));
  }

  @Override
  public Mono<Program> open(String programId) {
    return change(programId, p -> p.open(clock.instant()));
  }

  @Override
  public Mono<Program> close(String programId) {
    return change(programId, p -> p.close(clock.instant()));
  }

  private Mono<Program> change(String programId,
      Function<Program, Change<Program, IntakeEvent>> command) {
    return change(programId, ExpectedVersion.any(), command);
  }

  private Mono<Program> change(String programId, ExpectedVersion expected,
      Function<Program, Change<Program, IntakeEvent>> command) {
    return Mono.defer(() -> load(programId).flatMap(current -> {
          if (!expected.matches(current.version())) {
            return Mono.error(IntakeRefusal.versionMismatch("Program", programId, expected, current.version()));
          }
          Change<Program, IntakeEvent> change = command.apply(current);
          return programs.save(change.next(), change.events());
        }))
        .retryWhen(ConcurrentChanges.retry());
  }

  @Override
  public Mono<Program> get(Viewer viewer, String programId) {
    return load(programId).filter(p -> !viewer.applicant() || p.status() != ProgramStatus.DRAFT)
        .switchIfEmpty(Mono.error(() -> IntakeRefusal.notFound("Program", programId)));
  }

  @Override
  public Flux<Program> list(Viewer viewer, ProgramFilter filter, String afterId, int limit) {
    return programs.list(afterId, limit, viewer.applicant(), filter);
  }

  @Override
  public Mono<Challenge> postChallenge(PostChallengeCommand c) {
    return load(c.programId()).flatMap(program -> {
      Change<Challenge, IntakeEvent> posted = Challenge.post(ids.next("chl"), program,
          c.postingOrganisationCode(), c.postingOrganisationName(), c.title(), c.problem(), c.targetIndicators(),
          c.maxFundingFen(), c.deadlineDate(), clock.instant());
      return challenges.create(posted.next(), posted.events()).thenReturn(posted.next());
    });
  }

  @Override
  public Mono<Challenge> getChallenge(String challengeId) {
    return challenges.find(challengeId).switchIfEmpty(Mono.error(() -> IntakeRefusal.notFound("Challenge", challengeId)));
  }

  @Override
  public Flux<Challenge> listChallenges(String programId) {
    return load(programId).thenMany(challenges.listByProgram(programId));
  }

  private Mono<Program> load(String programId) {
    return programs.find(programId).switchIfEmpty(Mono.error(() -> IntakeRefusal.notFound("Program", programId)));
  }
}
