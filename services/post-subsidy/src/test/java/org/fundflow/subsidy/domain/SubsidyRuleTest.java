package org.fundflow.subsidy.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fundflow.subsidy.domain.SubsidyRule.Base;
import org.fundflow.subsidy.domain.SubsidyRule.Tier;
import org.junit.jupiter.api.Test;

class SubsidyRuleTest {

  static final long YUAN = 100; // fen

  /** The neighbouring Tianjin district: 30 % of the increase, at most 1,000,000 CNY per enterprise per year. */
  static final SubsidyRule INCREASE_30 = new SubsidyRule(Base.INCREASE, List.of(new Tier(0, 3000)),
      1_000_000 * YUAN, 500_000 * YUAN);

  /** Shenzhen: 3.5 % of the first 10 M of total spend, 1.75 % above, capped at 2 M. */
  static final SubsidyRule TOTAL_TIERED = new SubsidyRule(Base.TOTAL,
      List.of(new Tier(10_000_000 * YUAN, 175), new Tier(0, 350)), 2_000_000 * YUAN, 0);

  @Test
  void givenAnIncrease_whenCalculated_thenRateTimesIncreaseWithEveryStepExplained() {
    SubsidyCalculation c = INCREASE_30.calculate(10_000_000 * YUAN, 6_800_000 * YUAN, 0, 4_100_000 * YUAN);
    assertThat(c.subsidyFen()).isEqualTo(960_000 * YUAN);
    assertThat(c.explanation())
        .isEqualTo("increase 3,200,000.00 x 30% = 960,000.00; cap 1,000,000.00 not reached; budget remaining 4,100,000.00");
  }

  /** Every step as data too, one note per step, amounts in fen (the portal says them in Chinese or English). */
  @Test
  void givenAClaim_whenCalculated_thenEachStepIsANoteWithItsFigures() {
    SubsidyCalculation c = INCREASE_30.calculate(10_000_000 * YUAN, 6_800_000 * YUAN, 0, 4_100_000 * YUAN);
    assertThat(c.notes()).containsExactly(
        Note.of("tier-INCREASE", 3_200_000 * YUAN, "30", new java.math.BigDecimal(960_000 * YUAN)),
        Note.of("cap-not-reached", 1_000_000 * YUAN, 0L),
        Note.of("budget-remaining", 4_100_000 * YUAN));
    assertThat(c.notes()).hasSameSizeAs(c.steps());
    SubsidyCalculation fraction = SubsidyRule.uncapped(Base.INCREASE, List.of(new Tier(0, 3000)), 0)
        .calculate(105, 0, 0, 1_000_000);
    assertThat(fraction.notes().get(0).args().get(2)).isEqualTo(new Note.Arg(Note.Arg.FEN, "31.5"));
    assertThat(fraction.notes().get(1)).isEqualTo(Note.of("sum", new java.math.BigDecimal("31.5"), 32L));
    assertThat(TOTAL_TIERED.calculate(15_000_000 * YUAN, 0, 0, 50_000_000 * YUAN).notes()).extracting(Note::code)
        .containsExactly("tier-range-TOTAL", "tier-from-TOTAL", "sum", "cap-not-reached", "budget-remaining");
    assertThat(INCREASE_30.calculate(100 * YUAN, 0, 0, YUAN).notes()).extracting(Note::code)
        .containsExactly("below-minimum");
  }

  @Test
  void givenAnIncreaseAboveTheCap_whenCalculated_thenCapped() {
    SubsidyCalculation c = INCREASE_30.calculate(12_000_000 * YUAN, 7_000_000 * YUAN, 0, 9_000_000 * YUAN);
    assertThat(c.subsidyFen()).isEqualTo(1_000_000 * YUAN);
    assertThat(c.explanation()).isEqualTo("increase 5,000,000.00 x 30% = 1,500,000.00; "
        + "cap 1,000,000.00 reached: limited to 1,000,000.00; budget remaining 9,000,000.00");
  }

  @Test
  void givenEarlierGrantsThisYear_whenCalculated_thenOnlyTheRestOfTheCapIsPaid() {
    SubsidyCalculation c = INCREASE_30.calculate(10_000_000 * YUAN, 8_000_000 * YUAN, 700_000 * YUAN, 9_000_000 * YUAN);
    assertThat(c.subsidyFen()).isEqualTo(300_000 * YUAN);
    assertThat(c.explanation()).contains("cap 1,000,000.00 reached (already granted 700,000.00 this year): limited to 300,000.00");
  }

  @Test
  void givenAnIncreaseBelowTheMinimum_whenCalculated_thenNothing() {
    SubsidyCalculation c = INCREASE_30.calculate(10_400_000 * YUAN, 10_000_000 * YUAN, 0, 9_000_000 * YUAN);
    assertThat(c.subsidyFen()).isZero();
    assertThat(c.explanation()).isEqualTo("increase 400,000.00 below the minimum increase 500,000.00: no subsidy");
  }

  @Test
  void givenTheMinimumExactly_whenCalculated_thenPaid() {
    SubsidyCalculation c = INCREASE_30.calculate(10_500_000 * YUAN, 10_000_000 * YUAN, 0, 9_000_000 * YUAN);
    assertThat(c.subsidyFen()).isEqualTo(150_000 * YUAN);
  }

  @Test
  void givenSpendingFell_whenIncreaseRuleWithoutMinimum_thenNothing() {
    SubsidyRule noMinimum = SubsidyRule.uncapped(Base.INCREASE, List.of(new Tier(0, 3000)), 0);
    SubsidyCalculation c = noMinimum.calculate(5_000_000 * YUAN, 6_000_000 * YUAN, 0, 9_000_000 * YUAN);
    assertThat(c.subsidyFen()).isZero();
    assertThat(c.explanation()).isEqualTo("increase 0.00: no subsidy");
  }

  @Test
  void givenTotalTiers_whenCalculated_thenEachTierOnItsSliceAndTheSumExplained() {
    SubsidyCalculation c = TOTAL_TIERED.calculate(15_000_000 * YUAN, 14_000_000 * YUAN, 0, 50_000_000 * YUAN);
    assertThat(c.subsidyFen()).isEqualTo(437_500 * YUAN);
    assertThat(c.explanation()).isEqualTo(
        "total from 0.00 to 10,000,000.00: 10,000,000.00 x 3.5% = 350,000.00; "
            + "total from 10,000,000.00: 5,000,000.00 x 1.75% = 87,500.00; "
            + "sum 437,500.00 rounded HALF_UP to the fen = 437,500.00; "
            + "cap 2,000,000.00 not reached; budget remaining 50,000,000.00");
  }

  @Test
  void givenTotalWithinTheFirstTier_whenCalculated_thenOnlyTheFirstRate() {
    SubsidyCalculation c = TOTAL_TIERED.calculate(8_000_000 * YUAN, 0, 0, 50_000_000 * YUAN);
    assertThat(c.subsidyFen()).isEqualTo(280_000 * YUAN);
  }

  @Test
  void givenLittleBudgetLeft_whenCalculated_thenLimitedToTheRemainingBudget() {
    SubsidyCalculation c = INCREASE_30.calculate(10_000_000 * YUAN, 6_800_000 * YUAN, 0, 100_000 * YUAN);
    assertThat(c.subsidyFen()).isEqualTo(100_000 * YUAN);
    assertThat(c.explanation()).endsWith("cap 1,000,000.00 not reached; budget remaining 100,000.00: limited to 100,000.00");
  }

  @Test
  void givenFractionsOfAFen_whenCalculated_thenRoundedHalfUpOnce() {
    SubsidyRule rule = SubsidyRule.uncapped(Base.INCREASE, List.of(new Tier(0, 3000)), 0);
    // 1.05 x 30% = 0.315 -> 0.32 (31.5 fen rounds up)
    SubsidyCalculation c = rule.calculate(105, 0, 0, 1_000_000);
    assertThat(c.subsidyFen()).isEqualTo(32);
    assertThat(c.explanation()).contains("= 0.315").contains("rounded HALF_UP to the fen = 0.32");
    // 1.01 x 30% = 0.303 -> 0.30
    assertThat(rule.calculate(101, 0, 0, 1_000_000).subsidyFen()).isEqualTo(30);
  }

  /** Issue 12 point 9: no cap is a null cap, explained; a cap of 0 is refused, never read as "no cap". */
  @Test
  void givenNoCap_whenCalculated_thenTheWholeSubsidyUpToTheBudgetAndACapOfZeroIsRefused() {
    SubsidyRule uncapped = SubsidyRule.uncapped(Base.INCREASE, List.of(new Tier(0, 3000)), 0);
    // 30 % of 100,000,000.00 = 30,000,000.00: far above any usual cap, paid whole, and earlier grants do not limit it
    SubsidyCalculation c = uncapped.calculate(150_000_000 * YUAN, 50_000_000 * YUAN, 5_000_000 * YUAN,
        500_000_000 * YUAN);
    assertThat(c.subsidyFen()).isEqualTo(30_000_000 * YUAN);
    assertThat(c.explanation()).isEqualTo("increase 100,000,000.00 x 30% = 30,000,000.00; "
        + "no cap per organisation and year; budget remaining 500,000,000.00");
    assertThat(uncapped.calculate(150_000_000 * YUAN, 50_000_000 * YUAN, 0, 1_000 * YUAN).subsidyFen())
        .as("still never more than the budget").isEqualTo(1_000 * YUAN);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new SubsidyRule(Base.INCREASE, List.of(new Tier(0, 3000)), 0L, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
  }

  @Test
  void givenNoBudgetLeft_whenCalculated_thenNothing() {
    SubsidyCalculation c = INCREASE_30.calculate(10_000_000 * YUAN, 6_800_000 * YUAN, 0, -5);
    assertThat(c.subsidyFen()).isZero();
    assertThat(c.explanation()).endsWith("budget remaining 0.00: limited to 0.00");
  }
}
