package org.fundflow.milestone.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.fundflow.milestone.domain.ProjectEvent.ExpertEvaluationSubmitted;
import org.fundflow.milestone.domain.ProjectEvent.MilestoneAccepted;
import org.fundflow.milestone.domain.ProjectEvent.MilestoneReviewCompleted;
import org.fundflow.milestone.domain.ProjectEvent.ProjectCompleted;
import org.fundflow.milestone.domain.ProjectEvent.ProjectTerminated;
import org.junit.jupiter.api.Test;

class ProjectTest {

  static final String ORG = "12120112EXH9BL324R";
  static final String TEAM_ORG = "12120116800HQW767H";
  static final String OTHER_ORG = "12310115AMBRCN372R";
  static final Instant T0 = Instant.parse("2027-01-20T02:00:00Z");
  static final Actor APPLICANT = new Actor("alice", Set.of(Actor.APPLICANT), ORG);
  static final DecisionPolicy POLICY = DecisionPolicy.DEFAULT;
  static final String HASH = "a".repeat(64);

  int reports;

  static ProjectUnderTest challenge() {
    return new ProjectUnderTest(open());
  }

  static Project open() {
    return Project.open(new Award("prj-1", "prp-1", "prg-1", ProgramKind.CHALLENGE, "chl-1", ORG, "Org", "Title",
        280_000_000L, List.of(
            new Award.PlannedMilestone("m1", 1, "one", List.of("d1"), LocalDate.parse("2027-01-31"), 30),
            new Award.PlannedMilestone("m2", 2, "two", List.of("d2"), LocalDate.parse("2027-09-30"), 70)),
        List.of(ORG, TEAM_ORG), List.of(HASH), Instant.parse("2026-07-10T02:00:00Z")), Set.of());
  }

  /** An ACTIVE project as the store reads it at {@code version}: the plan of {@link #open()}, nothing else yet. */
  static Project storedAt(long version) {
    return new Project("prj-v", "prp", "prg", ProgramKind.CHALLENGE, "chl", ORG, "Org", "T", 1L, List.of(TEAM_ORG),
        List.of(), open().milestones(), List.of(), List.of(), ProjectStatus.ACTIVE, null, T0, null, List.of(),
        List.of(), List.of(), version);
  }

  static ExpertProfile expert(String id) {
    return new ExpertProfile(id, id, OTHER_ORG, null, null, List.of());
  }

  static Actor expertActor(String id) {
    return new Actor(id, Set.of(Actor.EXPERT), OTHER_ORG);
  }

  String submit(ProjectUnderTest p, Instant at) {
    String id = "r" + (++reports);
    p.submitReport(APPLICANT, id, null, List.of("done"), List.of(new Evidence("x.pdf", "b".repeat(64))), 1000L, at);
    return id;
  }

  /** Forms a panel of the given size, every expert declares no conflict and scores the given totals. */
  List<ProjectEvent> review(ProjectUnderTest p, String reportId, Instant at, int... totals) {
    List<ExpertProfile> experts = new ArrayList<>();
    for (int i = 0; i < totals.length; i++) {
      experts.add(expert(reportId + "-e" + i));
    }
    p.formPanel(reportId, experts, at);
    List<ProjectEvent> events = new ArrayList<>();
    for (int i = 0; i < totals.length; i++) {
      Actor e = expertActor(reportId + "-e" + i);
      p.declare(reportId, e, false, null, at);
      events.addAll(p.evaluate(reportId, e, scoresOf(totals[i]), Recommendation.PASSED, "ok", POLICY, at));
    }
    return events;
  }

  static Scores scoresOf(int total) {
    int d = Math.min(40, total);
    int t = Math.min(30, total - d);
    int b = Math.min(20, total - d - t);
    return new Scores(d, t, b, total - d - t - b);
  }

  @Test
  void givenAGeneralAward_thenTheProjectHasOneFinalAcceptanceMilestoneOf100Percent() {
    Project p = Project.open(new Award("prj-g", "prp-g", "prg-g", ProgramKind.GENERAL, null, ORG, "Org", "T", 100L,
        List.of(), List.of(), List.of(), T0), Set.of());

    assertThat(p.milestones()).singleElement().satisfies(m -> {
      assertThat(m.tranchePercent()).isEqualTo(100);
      assertThat(m.id()).isEqualTo("prj-g-final");
    });
  }

  @Test
  void givenAGeneralAwardWithAStagedPlan_thenTheFinalAcceptanceChecksEveryPlannedDeliverable() {
    Project p = Project.open(new Award("prj-g", "prp-g", "prg-g", ProgramKind.GENERAL, null, ORG, "Org", "T", 100L,
        List.of(new Award.PlannedMilestone("m2", 2, "pilot", List.of("acceptance report", "samples"), null, 70),
            new Award.PlannedMilestone("m1", 1, "samples", List.of("samples"), null, 30)), List.of(), List.of(), T0),
        Set.of());

    assertThat(p.milestones()).singleElement().satisfies(m -> {
      assertThat(m.tranchePercent()).isEqualTo(100);
      assertThat(m.deliverables()).containsExactly("samples", "acceptance report");
    });
  }

  @Test
  void givenAChallengePlanNotAddingUpTo100_thenTheAwardIsRefused() {
    assertThatThrownBy(() -> Project.open(new Award("p", "p", "g", ProgramKind.CHALLENGE, "c", ORG, "O", "T", 1L,
        List.of(new Award.PlannedMilestone("m1", 1, "a", List.of(), null, 50)), List.of(), List.of(), T0), Set.of()))
        .isInstanceOf(DomainRuleException.class).hasMessageContaining("add up to 50");
  }

  @Test
  void theApplicantOrganisationIsNotListedAsATeamOrganisation() {
    assertThat(open().teamOrganisationCodes()).containsExactly(TEAM_ORG);
  }

  @Test
  void givenAPassingReview_thenTheMilestoneIsAcceptedAndTheNextIsDue() {
    ProjectUnderTest p = challenge();
    String r = submit(p, T0);

    List<ProjectEvent> events = review(p, r, T0, 85, 90, 80);

    assertThat(events).filteredOn(ExpertEvaluationSubmitted.class::isInstance).hasSize(3);
    assertThat(events).filteredOn(MilestoneAccepted.class::isInstance).singleElement()
        .satisfies(e -> assertThat(((MilestoneAccepted) e).tranchePercent()).isEqualTo(30));
    assertThat(p.milestone("m1").status()).isEqualTo(MilestoneStatus.ACCEPTED);
    assertThat(p.nextDueMilestone()).get().extracting(Milestone::id).isEqualTo("m2");
  }

  @Test
  void givenTheLastMilestoneIsAccepted_thenTheProjectIsCompleted() {
    ProjectUnderTest p = challenge();
    review(p, submit(p, T0), T0, 85, 90, 80);

    List<ProjectEvent> events = review(p, submit(p, T0), T0, 85, 90, 80);

    assertThat(events).anyMatch(e -> e instanceof MilestoneAccepted a && a.lastMilestone());
    assertThat(events).anyMatch(ProjectCompleted.class::isInstance);
    assertThat(p.status()).isEqualTo(ProjectStatus.COMPLETED);
  }

  @Test
  void givenAConditionalReview_whenARectifiedReportPassesWithinThePeriod_thenTheMilestoneIsAccepted() {
    ProjectUnderTest p = challenge();
    List<ProjectEvent> first = review(p, submit(p, T0), T0, 70, 70, 72);
    assertThat(first).anyMatch(e -> e instanceof MilestoneReviewCompleted c
        && c.decision().outcome() == Outcome.CONDITIONAL && c.decision().rectifyBy() != null);
    assertThat(p.milestone("m1").status()).isEqualTo(MilestoneStatus.RECTIFYING);

    String second = submit(p, T0.plus(Duration.ofDays(20)));
    assertThat(p.report(second).attempt()).isEqualTo(2);
    List<ProjectEvent> events = review(p, second, T0.plus(Duration.ofDays(25)), 85, 85, 85);

    assertThat(events).anyMatch(MilestoneAccepted.class::isInstance);
    assertThat(p.milestone("m1").status()).isEqualTo(MilestoneStatus.ACCEPTED);
  }

  @Test
  void givenAConditionalReview_whenTheRectificationPeriodIsOver_thenNoReportIsAccepted() {
    ProjectUnderTest p = challenge();
    review(p, submit(p, T0), T0, 70, 70, 70);

    assertThatThrownBy(() -> submit(p, T0.plus(Duration.ofDays(31))))
        .isInstanceOfSatisfying(DomainRuleException.class, e -> {
          assertThat(e.kind()).isEqualTo(DomainRuleException.Kind.ILLEGAL_TRANSITION);
          assertThat(e.code()).isEqualTo("rectification-period-over");
        });
  }

  @Test
  void givenTwoFailedReviewsOfOneMilestone_thenTheProjectIsTerminated() {
    ProjectUnderTest p = challenge();
    List<ProjectEvent> first = review(p, submit(p, T0), T0, 50, 55, 40);
    assertThat(first).noneMatch(ProjectTerminated.class::isInstance);
    assertThat(p.status()).isEqualTo(ProjectStatus.ACTIVE);
    assertThat(p.milestone("m1").failedReviews()).isEqualTo(1);

    List<ProjectEvent> second = review(p, submit(p, T0), T0, 50, 55, 40);

    assertThat(second).anyMatch(ProjectTerminated.class::isInstance);
    assertThat(p.status()).isEqualTo(ProjectStatus.TERMINATED);
    assertThat(p.milestone("m1").status()).isEqualTo(MilestoneStatus.FAILED);
    assertThatThrownBy(() -> submit(p, T0)).isInstanceOf(DomainRuleException.class).hasMessageContaining("TERMINATED");
  }

  @Test
  void givenTheFinalMilestoneFails_thenTheProjectIsTerminatedAtOnce() {
    ProjectUnderTest p = challenge();
    review(p, submit(p, T0), T0, 85, 85, 85);

    List<ProjectEvent> events = review(p, submit(p, T0), T0, 30, 40, 50);

    assertThat(events).anyMatch(e -> e instanceof ProjectTerminated t && t.reason().contains("final milestone"));
    assertThat(p.status()).isEqualTo(ProjectStatus.TERMINATED);
  }

  @Test
  void conflictedExpertsAreRefused() {
    ProjectUnderTest p = challenge();
    String r = submit(p, T0);
    ExpertProfile fromApplicant = new ExpertProfile("x1", "x1", ORG, null, null, List.of());
    ExpertProfile fromTeamOrg = new ExpertProfile("x2", "x2", TEAM_ORG, null, null, List.of());
    ExpertProfile declared = new ExpertProfile("x3", "x3", OTHER_ORG, null, null, List.of(ORG));
    ExpertProfile teamMember = new ExpertProfile("x4", "x4", OTHER_ORG, HASH, null, List.of());

    for (ExpertProfile bad : List.of(fromApplicant, fromTeamOrg, declared, teamMember)) {
      assertThatThrownBy(() -> p.formPanel(r, List.of(expert("a"), expert("b"), bad), T0))
          .isInstanceOfSatisfying(DomainRuleException.class, e -> assertThat(e.code()).isEqualTo("expert-conflict"));
    }
  }

  @Test
  void aPanelNeedsAtLeastThreeExpertsAndAnOddNumber() {
    ProjectUnderTest p = challenge();
    String r = submit(p, T0);

    assertThatThrownBy(() -> p.formPanel(r, List.of(expert("a"), expert("b")), T0)).hasMessageContaining("at least 3");
    assertThatThrownBy(() -> p.formPanel(r, List.of(expert("a"), expert("b"), expert("c"), expert("d")), T0))
        .hasMessageContaining("odd");
  }

  @Test
  void anExpertMustDeclareNoConflictBeforeSeeingOrScoring() {
    ProjectUnderTest p = challenge();
    String r = submit(p, T0);
    p.formPanel(r, List.of(expert("a"), expert("b"), expert("c")), T0);

    assertThatThrownBy(() -> p.reportFor(expertActor("a"), r))
        .isInstanceOfSatisfying(DomainRuleException.class, e -> assertThat(e.code()).isEqualTo("declaration-required"));
    assertThatThrownBy(() -> p.evaluate(r, expertActor("a"), scoresOf(80), Recommendation.PASSED, "", POLICY, T0))
        .isInstanceOfSatisfying(DomainRuleException.class, e -> assertThat(e.code()).isEqualTo("declaration-required"));
    assertThatThrownBy(() -> p.reportFor(expertActor("zz"), r))
        .isInstanceOfSatisfying(DomainRuleException.class, e -> assertThat(e.kind())
            .isEqualTo(DomainRuleException.Kind.NOT_VISIBLE));
  }

  @Test
  void anExpertDeclaringAConflictLeavesThePanelAndTheDecisionWaitsForItsReplacement() {
    ProjectUnderTest p = challenge();
    String r = submit(p, T0);
    p.formPanel(r, List.of(expert("a"), expert("b"), expert("c")), T0);
    assertThat(p.declare(r, expertActor("c"), true, "former colleague", T0)).singleElement()
        .isEqualTo(new org.fundflow.milestone.domain.ProjectEvent.ExpertRecused(p.report(r).milestoneId(), r, "c",
            "former colleague", T0));
    assertThat(p.declare(r, expertActor("a"), false, null, T0)).isEmpty();
    for (String e : List.of("a", "b")) {
      p.declare(r, expertActor(e), false, null, T0);
      assertThat(p.evaluate(r, expertActor(e), scoresOf(90), Recommendation.PASSED, "", POLICY, T0))
          .noneMatch(MilestoneReviewCompleted.class::isInstance);
    }
    assertThatThrownBy(() -> p.addExpert(r, expert("c"), T0)).hasMessageContaining("declared a conflict");

    p.addExpert(r, expert("d"), T0);
    p.declare(r, expertActor("d"), false, null, T0);
    assertThat(p.evaluate(r, expertActor("d"), scoresOf(90), Recommendation.PASSED, "", POLICY, T0))
        .anyMatch(MilestoneReviewCompleted.class::isInstance);
  }

  @Test
  void aCorrectionReplacesTheExpertsOwnScore() {
    ProjectUnderTest p = challenge();
    String r = submit(p, T0);
    p.formPanel(r, List.of(expert("a"), expert("b"), expert("c")), T0);
    p.declare(r, expertActor("a"), false, null, T0);
    p.evaluate(r, expertActor("a"), scoresOf(50), Recommendation.FAILED, "", POLICY, T0);
    p.evaluate(r, expertActor("a"), scoresOf(90), Recommendation.PASSED, "", POLICY, T0);

    assertThat(p.report(r).seatOf("a").orElseThrow().evaluation().total()).isEqualTo(90);
  }

  @Test
  void theSameScoreAgain_changesNothingAndTellsNobody_alsoAfterThePanelDecided() {
    ProjectUnderTest p = challenge();
    String r = submit(p, T0);
    p.formPanel(r, List.of(expert("a"), expert("b"), expert("c")), T0);
    for (String e : List.of("a", "b", "c")) {
      p.declare(r, expertActor(e), false, null, T0);
    }
    assertThat(p.evaluate(r, expertActor("a"), scoresOf(88), Recommendation.PASSED, "ok", POLICY, T0)).hasSize(1);
    Project scored = p.current();

    // a client's retry of the same request (its first attempt got through): recorded already
    var again = scored.milestoneReview().evaluate(r, expertActor("a"), scoresOf(88), Recommendation.PASSED, "ok",
        POLICY, T0.plusSeconds(30));
    assertThat(again.changes(scored)).isFalse();
    assertThat(again.events()).isEmpty();
    // another score, or other comments, is a correction
    assertThat(p.evaluate(r, expertActor("a"), scoresOf(88), Recommendation.PASSED, "ok, corrected", POLICY, T0))
        .singleElement().isInstanceOf(ExpertEvaluationSubmitted.class);

    p.evaluate(r, expertActor("b"), scoresOf(84), Recommendation.PASSED, "ok", POLICY, T0);
    assertThat(p.evaluate(r, expertActor("c"), scoresOf(82), Recommendation.PASSED, "ok", POLICY, T0))
        .anyMatch(MilestoneReviewCompleted.class::isInstance);
    Project decided = p.current();
    var retriedAfterTheDecision = decided.milestoneReview().evaluate(r, expertActor("c"), scoresOf(82),
        Recommendation.PASSED, "ok", POLICY, T0.plusSeconds(30));
    assertThat(retriedAfterTheDecision.changes(decided)).isFalse();
    assertThat(retriedAfterTheDecision.events()).isEmpty();
    // a different score once the panel decided is still refused
    assertThatThrownBy(() -> p.evaluate(r, expertActor("c"), scoresOf(60), Recommendation.CONDITIONAL, "ok", POLICY, T0))
        .isInstanceOfSatisfying(DomainRuleException.class, e -> assertThat(e.code()).isEqualTo("panel-closed"));
  }

  @Test
  void givenAHoldOnTheOrganisation_thenAPassedMilestoneWaitsAndIsAcceptedWhenTheHoldLifts() {
    ProjectUnderTest p = challenge();
    p.placeHold("h1");

    List<ProjectEvent> events = review(p, submit(p, T0), T0, 90, 90, 90);

    assertThat(events).anyMatch(MilestoneReviewCompleted.class::isInstance).noneMatch(MilestoneAccepted.class::isInstance);
    assertThat(p.milestone("m1").status()).isEqualTo(MilestoneStatus.ACCEPTANCE_ON_HOLD);
    p.placeHold("h2");
    assertThat(p.liftHold("h1", T0)).isEmpty();

    List<ProjectEvent> lifted = p.liftHold("h2", T0);

    assertThat(lifted).singleElement().isInstanceOf(MilestoneAccepted.class);
    assertThat(p.milestone("m1").status()).isEqualTo(MilestoneStatus.ACCEPTED);
  }

  @Test
  void onlyTheApplicantOfTheProjectsOrganisationSubmits() {
    ProjectUnderTest p = challenge();
    Actor stranger = new Actor("bob", Set.of(Actor.APPLICANT), OTHER_ORG);

    assertThatThrownBy(() -> p.submitReport(stranger, "r", null, List.of("d"), List.of(), 0L, T0))
        .isInstanceOfSatisfying(DomainRuleException.class, e -> assertThat(e.kind())
            .isEqualTo(DomainRuleException.Kind.NOT_VISIBLE));
  }

  @Test
  void aReportIsForTheNextDueMilestoneOnly() {
    ProjectUnderTest p = challenge();

    assertThatThrownBy(() -> p.submitReport(APPLICANT, "r", "m2", List.of("d"), List.of(), 0L, T0))
        .isInstanceOfSatisfying(DomainRuleException.class, e -> assertThat(e.code()).isEqualTo("not-next-milestone"));
    submit(p, T0);
    assertThatThrownBy(() -> submit(p, T0))
        .isInstanceOfSatisfying(DomainRuleException.class, e -> assertThat(e.code()).isEqualTo("milestone-not-open"));
  }

  @Test
  void aCommandLeavesTheProjectItWasCalledOnAsItWasAndKeepsItsVersion() {
    Project opened = storedAt(7);

    var change = opened.milestoneReview().submitReport(APPLICANT, "r1", null, List.of("done"), List.of(), 0L, T0);

    assertThat(change.next().reports()).hasSize(1);
    assertThat(change.next().version()).isEqualTo(7);
    assertThat(change.events()).singleElement().isInstanceOf(ProjectEvent.MilestoneReportSubmitted.class);
    assertThat(opened.reports()).isEmpty();
    assertThat(opened.milestone("m1").status()).isEqualTo(MilestoneStatus.OPEN);
  }

  @Test
  void theIdempotencyFingerprintIsTheSha256OfTheReportsContent() {
    List<Evidence> evidence = List.of(new Evidence("x.pdf", "b".repeat(64)));
    String fingerprint = MilestoneReport.fingerprint("m1", List.of("done"), evidence, 1000L);

    assertThat(fingerprint).matches("[0-9a-f]{64}")
        .isEqualTo(MilestoneReport.fingerprint("m1", List.of("done"), evidence, 1000L))
        .isNotEqualTo(MilestoneReport.fingerprint("m1", List.of("done"), evidence, 1001L))
        .isNotEqualTo(MilestoneReport.fingerprint(null, List.of("done"), evidence, 1000L))
        .isNotEqualTo(MilestoneReport.fingerprint("m1", List.of("done", ""), evidence, 1000L))
        .isNotEqualTo(MilestoneReport.fingerprint("m1", List.of("done"), List.of(), 1000L));
  }

  @Test
  void theIdempotencyFingerprintAlsoCoversTheNamedEvidenceFiles() {
    String none = MilestoneReport.fingerprint("m1", List.of("done"), List.of(), 1000L);

    assertThat(MilestoneReport.fingerprint("m1", List.of("done"), List.of(), 1000L, List.of())).isEqualTo(none);
    assertThat(MilestoneReport.fingerprint("m1", List.of("done"), List.of(), 1000L, List.of("f1")))
        .matches("[0-9a-f]{64}")
        .isNotEqualTo(none)
        .isNotEqualTo(MilestoneReport.fingerprint("m1", List.of("done"), List.of(), 1000L, List.of("f2")))
        .isNotEqualTo(MilestoneReport.fingerprint("m1", List.of("done", "f1"), List.of(), 1000L, List.of()));
  }

  @Test
  void givenTheSameIdempotencyKeyNamingOtherEvidenceFiles_thenTheSubmissionIsRefused() {
    EvidenceFile file = new EvidenceFile("f1", "检测报告.pdf", "application/pdf", 1234, "c".repeat(64), "alice", T0);
    ProjectUnderTest p = challenge();
    p.submitReport(APPLICANT, "r1", "m1", List.of("done"), List.of(), List.of(file), 1000L, "key-1", T0);
    Project submitted = p.current();

    assertThat(submitted.milestoneReview().replayOf("key-1",
        MilestoneReport.fingerprint("m1", List.of("done"), List.of(), 1000L, List.of("f1")))).isPresent();
    assertThatThrownBy(() -> submitted.milestoneReview().replayOf("key-1",
        MilestoneReport.fingerprint("m1", List.of("done"), List.of(), 1000L, List.of())))
        .isInstanceOfSatisfying(DomainRuleException.class,
            e -> assertThat(e.code()).isEqualTo("idempotency-key-reused"));
  }
}
