package org.fundflow.intake.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.fundflow.platform.domain.Change;

/** A technical problem (榜单) posted in a CHALLENGE program on behalf of an enterprise. */
public record Challenge(String id, String programId, String postingOrganisationCode, String postingOrganisationName,
    String title, String problem, List<String> targetIndicators, long maxFundingFen, LocalDate deadlineDate,
    Instant publishedAt) {

  public Challenge {
    targetIndicators = targetIndicators == null ? List.of() : List.copyOf(targetIndicators);
  }

  /** A challenge posted on a CHALLENGE program, published at once. */
  public static Change<Challenge, IntakeEvent> post(String id, Program program, String postingOrganisationCode, String postingOrganisationName,
      String title, String problem, List<String> targetIndicators, long maxFundingFen, LocalDate deadlineDate,
      Instant now) {
    if (program.kind() != ProgramKind.CHALLENGE) {
      throw IntakeRefusal.rule("not-a-challenge-program", "Not a challenge program",
          "Program " + program.id() + " is " + program.kind() + ": only CHALLENGE programs hold challenges");
    }
    if (program.status() == ProgramStatus.CLOSED) {
      throw IntakeRefusal.illegalTransition("Program", program.id(), program.status(), "given new challenges");
    }
    CodeRules.requireOrganisationCode(postingOrganisationCode, "postingOrganisationCode");
    if (title == null || title.isBlank() || problem == null || problem.isBlank()) {
      throw IntakeRefusal.rule("invalid-challenge", "Invalid challenge", "a challenge needs a title and a problem");
    }
    if (targetIndicators == null || targetIndicators.isEmpty()) {
      throw IntakeRefusal.rule("invalid-challenge", "Invalid challenge", "a challenge needs at least one target indicator");
    }
    if (maxFundingFen <= 0 || maxFundingFen > program.terms().perProjectCapFen()) {
      throw IntakeRefusal.rule("invalid-challenge", "Invalid challenge",
          "maxFundingFen must be positive and within the program's per-project cap of "
              + program.terms().perProjectCapFen() + " fen");
    }
    if (deadlineDate == null || deadlineDate.isBefore(LocalDate.ofInstant(now, CallWindow.ZONE))) {
      throw IntakeRefusal.rule("invalid-challenge", "Invalid challenge", "the deadline must be today or later (Asia/Shanghai)");
    }
    Challenge posted = new Challenge(id, program.id(), postingOrganisationCode, postingOrganisationName, title, problem,
        targetIndicators, maxFundingFen, deadlineDate, now);
    return Change.of(posted, new IntakeEvent.ChallengePublished(posted, now));
  }

  public boolean isOpenAt(Instant now) {
    return !LocalDate.ofInstant(now, CallWindow.ZONE).isAfter(deadlineDate);
  }

  /** Refuses a proposal answering this challenge after its deadline (Asia/Shanghai). */
  void requireOpenAt(Instant now) {
    if (!isOpenAt(now)) {
      throw IntakeRefusal.rule("challenge-closed", "Challenge closed",
          "challenge " + id + " had its deadline on " + deadlineDate);
    }
  }
}
