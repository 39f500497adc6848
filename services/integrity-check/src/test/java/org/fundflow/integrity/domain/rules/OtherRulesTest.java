package org.fundflow.integrity.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.fundflow.integrity.domain.Flag;
import org.fundflow.integrity.domain.ProjectFailure;
import org.fundflow.integrity.domain.RuleRef;
import org.fundflow.integrity.domain.Severity;
import org.fundflow.integrity.domain.Subject;
import org.fundflow.integrity.domain.list.DishonestyEntry;
import org.fundflow.integrity.domain.rules.DishonestyListRule.Match;
import org.fundflow.integrity.domain.rules.DishonestyListRule.Occurrence;
import org.fundflow.integrity.domain.rules.DishonestyListRule.Party;
import org.fundflow.integrity.domain.rules.ExpenditureAnomalyRule.Claim;
import org.fundflow.integrity.domain.rules.ExpenditureAnomalyRule.Release;
import org.junit.jupiter.api.Test;

class OtherRulesTest {

  static final String ORG = "91120112MNH91HTMX6";
  static final String EXPERT_ORG = "12310115AMBRCN372R";
  static final String EXPERT_HASH = "7".repeat(64);
  static final Instant NOW = Instant.parse("2027-02-03T08:20:00Z");

  // ------------------------------------------------------------ conflict of interest

  final ConflictOfInterestRule coi = new ConflictOfInterestRule();

  @Test
  void givenAnExpertOfTheApplicantOrganisation_thenConflictOfInterest() {
    var flag = coi.evaluate(new ConflictOfInterestRule.Evaluation("e1", "prj-1", "rpt-1", "usr-expert", EXPERT_HASH,
        ORG, ORG, List.of()), NOW).orElseThrow();
    assertThat(flag.rule()).isEqualTo(RuleRef.CONFLICT_OF_INTEREST);
    assertThat(flag.subject()).isEqualTo(Subject.person(EXPERT_HASH));
    assertThat(flag.evidence().get(0).description()).contains("the applicant organisation");
  }

  @Test
  void givenAnExpertOfATeamMembersOrganisation_thenConflictOfInterest() {
    assertThat(coi.evaluate(new ConflictOfInterestRule.Evaluation("e1", "prj-1", "rpt-1", "usr-expert", EXPERT_HASH,
        EXPERT_ORG, ORG, List.of("9112000089F2XW550E", EXPERT_ORG)), NOW)).isPresent();
  }

  @Test
  void givenAnIndependentExpert_thenNoFlag() {
    assertThat(coi.evaluate(new ConflictOfInterestRule.Evaluation("e1", "prj-1", "rpt-1", "usr-expert", EXPERT_HASH,
        EXPERT_ORG, ORG, List.of("9112000089F2XW550E")), NOW)).isEmpty();
  }

  // ------------------------------------------------------------ project failed

  static ProjectFailedRule.Assessment assessment(boolean terminating, boolean diligent, boolean misconduct) {
    return new ProjectFailedRule.Assessment("e1", "prj-1", "prg-1", ORG, "ms-2", "rpt-2", terminating,
        new ProjectFailure.Diligence(diligent, misconduct, "team met every duty; the material did not reach spec",
            List.of("file-1"), "usr-pm", NOW, "e1"));
  }

  @Test
  void aDiligentTerminationWithoutMisconduct_raisesNoFlag() {
    assertThat(new ProjectFailedRule().evaluate(assessment(true, true, false), NOW)).isEmpty();
  }

  @Test
  void aTerminationWithoutDiligence_flagsTheOrganisation_v2() {
    Flag f = new ProjectFailedRule().evaluate(assessment(true, false, false), NOW).orElseThrow();
    assertThat(f.subject()).isEqualTo(Subject.organisation(ORG));
    assertThat(f.rule().name()).isEqualTo("failed-or-terminated-project");
    assertThat(f.rule().version()).isEqualTo(2);
    assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(f.evidence().get(0).values()).containsEntry("diligent", false).containsEntry("projectId", "prj-1");
    assertThat(f.flagId()).isEqualTo(ProjectFailedRule.flagId(Subject.organisation(ORG), "prj-1"));
  }

  @Test
  void misconductFlags_evenWhenDiligent_andOnAFailedReviewThatDidNotTerminate() {
    assertThat(new ProjectFailedRule().evaluate(assessment(true, true, true), NOW).orElseThrow().severity())
        .isEqualTo(Severity.HIGH);
    assertThat(new ProjectFailedRule().evaluate(assessment(false, true, true), NOW)).isPresent();
    assertThat(new ProjectFailedRule().evaluate(assessment(false, false, false), NOW)).isEmpty();
  }

  // ------------------------------------------------------------ expenditure anomaly

  final ExpenditureAnomalyRule anomaly = new ExpenditureAnomalyRule(new ExpenditureAnomalyRule.Settings(3.0, 500_000_000L));

  Claim claim(String id, int year, long thisYear, long lastYear) {
    return new Claim("evt-" + id, id, "prg-ps", ORG, year, thisYear, lastYear);
  }

  @Test
  void givenAHistoryOfModestIncreases_whenTheIncreaseIsFarAbove_thenFlaggedWithExplanation() {
    List<Claim> history = List.of(claim("c2024", 2024, 12_000_000_00L, 11_000_000_00L),
        claim("c2025", 2025, 13_200_000_00L, 12_000_000_00L));
    Claim now = claim("c2026", 2026, 20_000_000_00L, 13_200_000_00L); // +6.8 M vs mean +1.1 M
    Flag f = anomaly.evaluateClaim(now, history, NOW).orElseThrow();
    assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
    assertThat((String) f.evidence().get(0).values().get("explanation")).contains("6.2 x the mean increase");
  }

  @Test
  void givenAHistory_whenTheIncreaseIsInLine_thenNoFlag() {
    List<Claim> history = List.of(claim("c2025", 2025, 13_200_000_00L, 12_000_000_00L));
    assertThat(anomaly.evaluateClaim(claim("c2026", 2026, 15_000_000_00L, 13_200_000_00L), history, NOW)).isEmpty();
  }

  @Test
  void givenNoHistory_whenSpendJumpsAboveFactorTimesLastYear_thenFlagged() {
    assertThat(anomaly.evaluateClaim(claim("c1", 2026, 40_000_000L, 10_000_000L), List.of(), NOW)).isPresent();
    assertThat(anomaly.evaluateClaim(claim("c1", 2026, 25_000_000L, 10_000_000L), List.of(), NOW)).isEmpty();
  }

  @Test
  void cumulativeSubsidiesAboveTheCapAcrossProgramsAreFlaggedOncePerCap() {
    Release r = new Release("e9", "dsb-9", "prg-2", ORG, 100_000_000L);
    assertThat(anomaly.evaluateRelease(r, 500_000_000L, NOW)).isEmpty();
    Flag f1 = anomaly.evaluateRelease(r, 600_000_000L, NOW).orElseThrow();
    Flag f2 = anomaly.evaluateRelease(new Release("e10", "dsb-10", "prg-3", ORG, 1L), 600_000_001L, NOW).orElseThrow();
    assertThat(f1.flagId()).isEqualTo(f2.flagId());
    assertThat(f1.evidence().get(0).values()).containsEntry("cumulativeCapFen", 500_000_000L);
  }

  // ------------------------------------------------------------ dishonesty list

  @Test
  void aListedPartyWithAnEntryInForceIsFlaggedWithAHoldUntilTheEndOfTheSanction() {
    DishonestyEntry entry = new DishonestyEntry("list-1", Subject.organisation(ORG), "某科技公司", null,
        "伪造研发费用审计报告", "五年内禁止申报市级科技计划", "天津市科学技术局", "《科学技术活动违规行为处理规定》第十三条",
        LocalDate.of(2025, 1, 1), LocalDate.of(2029, 12, 31));
    DishonestyListRule rule = new DishonestyListRule(5);
    List<Match> m = rule.evaluate(new Occurrence("e1", "fundflow.intake.proposal-submitted.v1", "proposal p1", NOW,
        java.util.Map.of()), new Party(Subject.organisation(ORG), "APPLICANT_ORGANISATION"), List.of(entry), NOW);
    assertThat(m).hasSize(1);
    assertThat(m.get(0).flag().severity()).isEqualTo(Severity.CRITICAL);
    assertThat(m.get(0).holdEndsAt()).isEqualTo(Instant.parse("2029-12-31T16:00:00Z"));
    // not in force any more / not yet in force: nothing
    assertThat(rule.evaluate(new Occurrence("e2", "t", "d", Instant.parse("2030-01-01T00:00:00Z"), java.util.Map.of()),
        new Party(Subject.organisation(ORG), "PAYEE"), List.of(entry), NOW)).isEmpty();
    assertThat(rule.evaluate(new Occurrence("e3", "t", "d", Instant.parse("2024-06-01T00:00:00Z"), java.util.Map.of()),
        new Party(Subject.organisation(ORG), "PAYEE"), List.of(entry), NOW)).isEmpty();
  }
}
