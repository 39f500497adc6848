package org.fundflow.intake.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Domain objects for the unit tests. */
final class Fixtures {

  static final Instant NOW = Instant.parse("2026-11-28T04:00:00Z");
  static final String ORG = "91120112MNH91HTMX6";
  static final String OTHER_ORG = "9112000089F2XW550E";
  static final String PI_HASH = "a".repeat(64);

  static ProgramTerms general(long budget, long cap) {
    // awarded right after screening in these tests: the program is created with its expert review off, explicitly
    return new ProgramTerms("General 2026", ProgramKind.GENERAL, budget, cap, openWindow(), new FundingSplit(60, 40), null,
        null, null, ExpertReview.off());
  }

  static CallWindow openWindow() {
    return new CallWindow(NOW.minus(1, ChronoUnit.DAYS), NOW.plus(30, ChronoUnit.DAYS));
  }

  static Program openGeneral(long budget, long cap) {
    return Program.draft("prg-1", general(budget, cap), NOW).open(NOW).next();
  }

  static Program openChallengeProgram() {
    return Program.draft("prg-2", new ProgramTerms("Challenge 2026", ProgramKind.CHALLENGE, 100_000_000, 50_000_000,
        openWindow(), null, null, null, null, ExpertReview.off()), NOW).open(NOW).next();
  }

  static TeamMember pi() {
    return new TeamMember(PI_HASH, "1201**********5929", "Zhang San", ORG, "PRINCIPAL_INVESTIGATOR");
  }

  static ProposalContent content(long requested) {
    return new ProposalContent("Title", "Abstract", List.of("ai"), requested,
        List.of(new BudgetLine("equipment", requested)), pi(), List.of(), List.of(),
        LocalDate.of(2027, 1, 1), LocalDate.of(2028, 12, 31), List.of());
  }

  static Proposal draft(Program program, long requested) {
    return Proposal.draft("prp-1", program, null, ORG, "Org", "alice", content(requested), NOW);
  }

  static Proposal submitted(Program program, long requested) {
    return draft(program, requested).submit(program, null, pledge(), submission(), List.of(), List.of(), NOW).next();
  }

  static Proposal underReview(Program program, long requested) {
    return submitted(program, requested).screen().next().sendToReview(program, NOW).next();
  }

  static Pledge pledge() {
    return new Pledge("2026-1", NOW);
  }

  static Submission submission() {
    return new Submission("key-1", "hash", NOW);
  }
}
