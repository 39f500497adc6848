package org.fundflow.subsidy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.fundflow.subsidy.domain.TrancheSchedule.Milestone;
import org.fundflow.subsidy.domain.TrancheSchedule.Tranche;
import org.junit.jupiter.api.Test;

class TrancheScheduleTest {

  @Test
  void givenAThirdsSplitOfAnOddAmount_whenSplit_thenTheLastTrancheTakesTheRemainderToTheFen() {
    List<Tranche> t = TrancheSchedule.split(10_000_001, List.of(
        new Milestone("m3", 3, 34), new Milestone("m1", 1, 33), new Milestone("m2", 2, 33)));
    assertThat(t).extracting(Tranche::amountFen).containsExactly(3_300_000L, 3_300_000L, 3_400_001L);
    assertThat(t).extracting(Tranche::milestoneId).containsExactly("m1", "m2", "m3");
    assertThat(t.get(2).last()).isTrue();
    assertThat(t.stream().mapToLong(Tranche::amountFen).sum()).isEqualTo(10_000_001L);
  }

  @Test
  void givenHalfAFen_whenSplit_thenRoundedHalfUpAndTheLastAbsorbsIt() {
    // 150 fen x 1% = 1.5 fen -> 2 fen; the last takes 148
    List<Tranche> t = TrancheSchedule.split(150, List.of(new Milestone("a", 1, 1), new Milestone("b", 2, 99)));
    assertThat(t).extracting(Tranche::amountFen).containsExactly(2L, 148L);
  }

  @Test
  void givenManyRandomAwardsAndPlans_whenSplit_thenTheTranchesAlwaysAddUpToTheAward() {
    Random random = new Random(42);
    for (int run = 0; run < 2_000; run++) {
      long awarded = 1 + (long) (random.nextDouble() * 5_000_000_000L);
      int n = 1 + random.nextInt(7);
      List<Milestone> plan = new ArrayList<>();
      int left = 100;
      for (int i = 1; i <= n; i++) {
        int p = i == n ? left : Math.min(left - (n - i), 1 + random.nextInt(Math.max(1, left - (n - i))));
        plan.add(new Milestone("m" + i, i, p));
        left -= p;
      }
      List<Tranche> t = TrancheSchedule.split(awarded, plan);
      assertThat(t.stream().mapToLong(Tranche::amountFen).sum()).isEqualTo(awarded);
      assertThat(t).allMatch(x -> x.amountFen() >= 0);
    }
  }

  @Test
  void givenPercentagesNotAddingUpTo100_whenSplit_thenRefused() {
    assertThatThrownBy(() -> TrancheSchedule.split(100, List.of(new Milestone("a", 1, 50), new Milestone("b", 2, 40))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("90");
  }

  @Test
  void givenNoPlan_whenTheLastMilestoneIsAccepted_thenItTakesTheRemainderOfTheEarlierTranches() {
    assertThat(TrancheSchedule.without(10_000_001, "m3", 3, 34, true, 6_600_000).amountFen()).isEqualTo(3_400_001);
    assertThat(TrancheSchedule.without(10_000_001, "m1", 1, 33, false, 0).amountFen()).isEqualTo(3_300_000);
  }

  @Test
  void givenAGeneralSplit_whenAdvanceAndBalance_thenTheyAddUpToTheAward() {
    FundingSplit split = new FundingSplit(60, 40);
    assertThat(split.advanceOf(10_000_001)).isEqualTo(6_000_001); // 6,000,000.6 fen -> HALF_UP
    assertThat(split.balanceOf(10_000_001)).isEqualTo(4_000_000);
    assertThat(Money.format(10_000_001)).isEqualTo("100,000.01");
  }
}
