package org.fundflow.subsidy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpenditureClaimTest {

  static final Instant NOW = Instant.parse("2027-03-01T02:00:00Z");
  static final SubsidyRule THIRTY_PERCENT_OF_THE_INCREASE =
      new SubsidyRule(SubsidyRule.Base.INCREASE, List.of(new SubsidyRule.Tier(0, 3000)), 100_000_000L, 0);

  static ExpenditureClaim claim(long thisYearFen, long lastYearFen) {
    return ExpenditureClaim.submit("prg-ps", "91120112MNH91HTMX6", "Widgets", 2026, thisYearFen, lastYearFen,
        "津审字(2027)第0012号", "app-1", NOW).next();
  }

  @Test
  void givenExpenditureAboveTheTechnicalMaximum_whenSubmitted_thenRefusedAsInvalid() {
    assertThatThrownBy(() -> claim(Money.MAX_FEN + 1, 0)).isInstanceOfSatisfying(ClaimRefused.class,
        r -> assertThat(r.reason()).isEqualTo(ClaimRefused.Reason.INVALID));
    assertThatThrownBy(() -> claim(Long.MAX_VALUE, 0)).isInstanceOf(ClaimRefused.class);
    assertThatThrownBy(() -> claim(0, Money.MAX_FEN + 1)).isInstanceOf(ClaimRefused.class);
  }

  @Test
  void givenExpenditureAtTheMaximum_whenVerified_thenTheSubsidyStaysWithinTheCapAndTheRemainingBudget() {
    ExpenditureClaim atMaximum = claim(Money.MAX_FEN, 0);
    assertThat(atMaximum.verify(THIRTY_PERCENT_OF_THE_INCREASE, 0, 5_000_000_000L, "fin-1", NOW).next().subsidyFen())
        .isEqualTo(100_000_000L);
    assertThat(atMaximum.verify(THIRTY_PERCENT_OF_THE_INCREASE, 0, 40_000_000L, "fin-1", NOW).next().subsidyFen())
        .isEqualTo(40_000_000L);
  }

  @Test
  void theTechnicalMaximumLeavesRoomToAddManyAmountsWithoutOverflow() {
    assertThat(Long.MAX_VALUE / Money.MAX_FEN).isGreaterThanOrEqualTo(10_000);
  }
}
