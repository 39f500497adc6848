package org.fundflow.subsidy.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits an awarded amount into milestone tranches so that they add up to exactly the awarded amount.
 *
 * <p>Rule: every tranche but the last (highest sequence) is awarded × tranche % / 100 rounded HALF_UP
 * to the fen; the last tranche takes the remainder, awarded − sum of the others. Example: 100,000.01
 * split 33/33/34 -> 33,000.00 + 33,000.00 + 34,000.01.
 */
public final class TrancheSchedule {

  public record Milestone(String milestoneId, int sequence, int tranchePercent) {}

  public record Tranche(String milestoneId, int sequence, int tranchePercent, long amountFen, boolean last) {
    public String explanation(long awardedFen) {
      return last
          ? "last tranche takes the remainder: awarded " + Money.format(awardedFen) + " - earlier tranches = "
              + Money.format(amountFen)
          : "awarded " + Money.format(awardedFen) + " x " + tranchePercent + "% = " + Money.format(amountFen)
              + " (HALF_UP to the fen)";
    }
  }

  private TrancheSchedule() {}

  public static List<Tranche> split(long awardedFen, List<Milestone> plan) {
    if (plan.isEmpty()) {
      throw new IllegalArgumentException("a milestone plan needs at least one milestone");
    }
    List<Milestone> ordered = new ArrayList<>(plan);
    ordered.sort(Comparator.comparingInt(Milestone::sequence));
    int percentSum = ordered.stream().mapToInt(Milestone::tranchePercent).sum();
    if (percentSum != 100) {
      throw new IllegalArgumentException("tranche percentages add up to " + percentSum + ", not 100");
    }
    List<Tranche> tranches = new ArrayList<>();
    long paid = 0;
    for (int i = 0; i < ordered.size(); i++) {
      Milestone m = ordered.get(i);
      boolean last = i == ordered.size() - 1;
      long amount = last ? awardedFen - paid : Money.percentOf(awardedFen, m.tranchePercent());
      paid += amount;
      tranches.add(new Tranche(m.milestoneId(), m.sequence(), m.tranchePercent(), amount, last));
    }
    return tranches;
  }

  /**
   * A tranche when the plan is not known (the award was not seen): awarded × % HALF_UP, and for the
   * last milestone the remainder after the tranches already created.
   */
  public static Tranche without(long awardedFen, String milestoneId, int sequence, int percent, boolean last,
      long earlierTranchesFen) {
    long amount = last ? awardedFen - earlierTranchesFen : Money.percentOf(awardedFen, percent);
    return new Tranche(milestoneId, sequence, percent, Math.max(0, amount), last);
  }
}
