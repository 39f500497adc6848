package org.fundflow.milestone.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionPolicyTest {

  static final Instant NOW = Instant.parse("2027-02-10T06:00:00Z");
  final DecisionPolicy policy = DecisionPolicy.DEFAULT;

  @Test
  void givenFiveExperts_whenDeciding_thenHighestAndLowestAreDroppedAndTheRestAveraged() {
    Decision d = policy.decide(List.of(88, 93, 79, 91, 84), NOW);

    assertThat(d.totalsDropped()).containsExactly(93, 79);
    assertThat(d.totalsUsed()).containsExactly(84, 88, 91);
    assertThat(d.meanScore()).isEqualTo("87.67");
    assertThat(d.mean()).isEqualByComparingTo("87.67");
    assertThat(d.outcome()).isEqualTo(Outcome.PASSED);
    assertThat(d.rule()).contains("highest 93 and lowest 79 dropped").contains("PASSED");
    assertThat(d.rectifyBy()).isNull();
  }

  @Test
  void givenThreeExperts_whenDeciding_thenAllTotalsCount() {
    Decision d = policy.decide(List.of(70, 100, 40), NOW);

    assertThat(d.totalsDropped()).isEmpty();
    assertThat(d.totalsUsed()).containsExactly(40, 70, 100);
    assertThat(d.meanScore()).isEqualTo("70.00");
    assertThat(d.outcome()).isEqualTo(Outcome.CONDITIONAL);
  }

  @Test
  void givenSevenExperts_whenOneExtremeIsAnOutlier_thenOnlyOneHighAndOneLowAreDropped() {
    Decision d = policy.decide(List.of(10, 80, 80, 80, 80, 80, 100), NOW);

    assertThat(d.totalsDropped()).containsExactly(100, 10);
    assertThat(d.totalsUsed()).hasSize(5);
    assertThat(d.meanScore()).isEqualTo("80.00");
    assertThat(d.outcome()).isEqualTo(Outcome.PASSED);
  }

  @Test
  void thresholdsAreInclusiveAtTheirLowerBound() {
    assertThat(policy.decide(List.of(80, 80, 80), NOW).outcome()).isEqualTo(Outcome.PASSED);
    assertThat(policy.decide(List.of(80, 80, 79), NOW).outcome()).isEqualTo(Outcome.CONDITIONAL); // 79.67
    assertThat(policy.decide(List.of(60, 60, 60), NOW).outcome()).isEqualTo(Outcome.CONDITIONAL);
    assertThat(policy.decide(List.of(60, 60, 59), NOW).outcome()).isEqualTo(Outcome.FAILED); // 59.67
    assertThat(policy.decide(List.of(60, 60, 59), NOW).meanScore()).isEqualTo("59.67");
  }

  @Test
  void givenAConditionalDecision_thenTheRectificationDeadlineIsThePeriodAfterTheDecision() {
    Decision d = policy.decide(List.of(70, 70, 70), NOW);

    assertThat(d.outcome()).isEqualTo(Outcome.CONDITIONAL);
    assertThat(d.rectifyBy()).isEqualTo(NOW.plus(Duration.ofDays(30)));
    assertThat(d.rule()).contains("rectify within 30 days");
  }

  @Test
  void thresholdsAndPeriodAreConfiguration() {
    DecisionPolicy strict = new DecisionPolicy(new BigDecimal("85"), new BigDecimal("70"), 7, Duration.ofDays(10));

    Decision fiveExperts = strict.decide(List.of(90, 84, 84, 84, 60), NOW);
    assertThat(fiveExperts.totalsDropped()).isEmpty(); // fewer than 7: nothing dropped
    assertThat(fiveExperts.meanScore()).isEqualTo("80.40");
    assertThat(fiveExperts.outcome()).isEqualTo(Outcome.CONDITIONAL);
    assertThat(fiveExperts.rectifyBy()).isEqualTo(NOW.plus(Duration.ofDays(10)));
    assertThat(strict.decide(List.of(69, 70, 70), NOW).outcome()).isEqualTo(Outcome.FAILED);
  }

  @Test
  void theMeanIsExactWithTwoDecimalsRoundedHalfUp() {
    // 85 + 86 + 86 = 257 / 3 = 85.666.. -> 85.67
    assertThat(policy.decide(List.of(85, 86, 86), NOW).meanScore()).isEqualTo("85.67");
    // 80 + 80 + 81 = 241 / 3 = 80.333.. -> 80.33
    assertThat(policy.decide(List.of(80, 80, 81), NOW).meanScore()).isEqualTo("80.33");
  }
}
