package org.fundflow.intake.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/**
 * Issue 16 point 4: the dashboard figures of project-intake against the real store and broker: budget and awarded per
 * program, and the proposal funnel (how many submitted proposals reached each stage).
 */
class StatisticsIT extends IntakeIT {

  @Test
  void aProgramsBudgetAndAwardedAreItsOwn_andTheFunnelCountsEachStageReached() {
    Map<String, Object> before = json(get(auditor(), "/statistics/proposal-funnel"), HttpStatus.OK);
    String org = ORGS.get(0);
    String program = openProgram("GENERAL", 100_000_000, 10_000_000);
    draft(program, org, 1_000_000);                                   // a draft is not in the funnel
    submitted(program, org, 2_000_000);                                // submitted
    String screening = submitted(program, org, 3_000_000);
    json(post(manager(), "/proposals/" + screening + "/screen", null), HttpStatus.OK);   // screened
    underReview(program, org, 4_000_000);                               // reviewed
    String awarded = underReview(program, org, 5_000_000);
    json(post(manager(), "/proposals/" + awarded + "/award", Map.of("amountFen", 4_500_001)), HttpStatus.OK);
    String rejected = underReview(program, org, 6_000_000);
    json(post(manager(), "/proposals/" + rejected + "/reject", Map.of("reason", "创新性不足")), HttpStatus.OK);

    Map<String, Object> after = json(get(manager(), "/statistics/proposal-funnel"), HttpStatus.OK);
    assertThat(delta(after, before, "submitted")).isEqualTo(5);
    assertThat(delta(after, before, "screened")).isEqualTo(3);
    assertThat(delta(after, before, "reviewed")).isEqualTo(2);
    assertThat(delta(after, before, "awarded")).isEqualTo(1);
    assertThat(delta(after, before, "rejected")).isEqualTo(1);
    assertThat(((List<?>) after.get("byStatus")).stream()
        .mapToLong(s -> ((Number) ((Map<?, ?>) s).get("count")).longValue()).sum())
        .isEqualTo(((Number) after.get("submitted")).longValue());

    Map<?, ?> figures = ((List<?>) json(get(auditor(), "/statistics/programs"), HttpStatus.OK).get("programs")).stream()
        .map(p -> (Map<?, ?>) p).filter(p -> program.equals(p.get("programId"))).findFirst().orElseThrow();
    assertThat(((Number) figures.get("budgetFen")).longValue()).isEqualTo(100_000_000L);
    assertThat(((Number) figures.get("awardedFen")).longValue()).isEqualTo(4_500_001L);
    assertThat(figures.get("status")).isEqualTo("OPEN");
    assertThat(figures.get("kind")).isEqualTo("GENERAL");
  }

  @Test
  void applicantsGetNoStatistics() {
    json(get(applicant(ORGS.get(0)), "/statistics/programs"), HttpStatus.FORBIDDEN);
    json(get(applicant(ORGS.get(0)), "/statistics/proposal-funnel"), HttpStatus.FORBIDDEN);
  }

  static long delta(Map<String, Object> after, Map<String, Object> before, String field) {
    return ((Number) after.get(field)).longValue() - ((Number) before.get(field)).longValue();
  }
}
