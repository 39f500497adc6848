package org.fundflow.subsidy.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A POST_SUBSIDY program's rule: tiered rates on the base (TOTAL spend of the year, or its INCREASE
 * over last year), nothing when the increase is below the minimum, a cap per organisation per year,
 * and never more than the program's remaining budget.
 *
 * <p>Rounding: each tier's share is kept exact (BigDecimal); the sum is rounded once, HALF_UP to the fen.
 * A minimum of 0 means no minimum. No cap is a {@code null} cap (the field left out of the program
 * event); a cap, when there is one, is positive: 0 is refused, never read as "no cap" (issue 12 point 9,
 * the same representation as project-intake's and the event contract's).
 */
public record SubsidyRule(Base base, List<Tier> tiers, Long capPerOrganisationPerYearFen, long minimumIncreaseFen) {

  public enum Base { TOTAL, INCREASE }

  /** The rate applies to the part of the base from {@code fromFen} up to the next tier's {@code fromFen}. */
  public record Tier(long fromFen, int rateBasisPoints) {
    public Tier {
      if (fromFen < 0 || rateBasisPoints < 0 || rateBasisPoints > 10_000) {
        throw new IllegalArgumentException("tier needs fromFen >= 0 and a rate of 0-10000 basis points");
      }
    }
  }

  public SubsidyRule {
    Objects.requireNonNull(base, "base");
    if (tiers == null || tiers.isEmpty()) {
      throw new IllegalArgumentException("a subsidy rule needs at least one tier");
    }
    List<Tier> sorted = new ArrayList<>(tiers);
    sorted.sort(Comparator.comparingLong(Tier::fromFen));
    tiers = List.copyOf(sorted);
    if (capPerOrganisationPerYearFen != null && capPerOrganisationPerYearFen <= 0) {
      throw new IllegalArgumentException("a cap must be positive (no cap is no cap field, not 0)");
    }
    if (minimumIncreaseFen < 0) {
      throw new IllegalArgumentException("the minimum must not be negative");
    }
  }

  /** A rule without a cap per organisation and year. */
  public static SubsidyRule uncapped(Base base, List<Tier> tiers, long minimumIncreaseFen) {
    return new SubsidyRule(base, tiers, null, minimumIncreaseFen);
  }

  public boolean capped() {
    return capPerOrganisationPerYearFen != null;
  }

  /**
   * @param alreadyGrantedFen what the organisation was granted this year in this program by other claims
   * @param budgetRemainingFen the program budget not yet released, reserved or owed
   */
  public SubsidyCalculation calculate(long expenditureThisYearFen, long expenditureLastYearFen, long alreadyGrantedFen,
      long budgetRemainingFen) {
    List<String> steps = new ArrayList<>();
    List<Note> notes = new ArrayList<>();
    long increase = expenditureThisYearFen - expenditureLastYearFen;
    if (minimumIncreaseFen > 0 && increase < minimumIncreaseFen) {
      steps.add("increase " + Money.format(increase) + " below the minimum increase " + Money.format(minimumIncreaseFen)
          + ": no subsidy");
      notes.add(Note.of("below-minimum", increase, minimumIncreaseFen));
      return new SubsidyCalculation(0, steps, notes);
    }
    long basis = base == Base.TOTAL ? expenditureThisYearFen : Math.max(0, increase);
    String basisName = base == Base.TOTAL ? "total" : "increase";
    if (basis <= 0) {
      steps.add(basisName + " " + Money.format(basis) + ": no subsidy");
      notes.add(Note.of("no-basis-" + base.name(), basis));
      return new SubsidyCalculation(0, steps, notes);
    }
    BigDecimal exact = BigDecimal.ZERO;
    List<String> parts = new ArrayList<>();
    List<Note> partNotes = new ArrayList<>();
    for (int i = 0; i < tiers.size(); i++) {
      Tier tier = tiers.get(i);
      long upper = i + 1 < tiers.size() ? tiers.get(i + 1).fromFen() : Long.MAX_VALUE;
      long portion = Math.min(basis, upper) - tier.fromFen();
      if (portion <= 0) {
        continue;
      }
      BigDecimal share = BigDecimal.valueOf(portion).multiply(BigDecimal.valueOf(tier.rateBasisPoints()))
          .divide(BigDecimal.valueOf(10_000));
      exact = exact.add(share);
      String range = tiers.size() == 1 ? "" : " from " + Money.format(tier.fromFen())
          + (upper == Long.MAX_VALUE ? "" : " to " + Money.format(upper)) + ":";
      parts.add(basisName + range + " " + Money.format(portion) + " x " + Money.rate(tier.rateBasisPoints()) + " = "
          + Money.format(share));
      String rate = BigDecimal.valueOf(tier.rateBasisPoints()).movePointLeft(2).stripTrailingZeros().toPlainString();
      partNotes.add(tiers.size() == 1 ? Note.of("tier-" + base.name(), portion, rate, share)
          : upper == Long.MAX_VALUE ? Note.of("tier-from-" + base.name(), tier.fromFen(), portion, rate, share)
          : Note.of("tier-range-" + base.name(), tier.fromFen(), upper, portion, rate, share));
    }
    long amount = exact.setScale(0, Money.ROUNDING).longValueExact();
    steps.addAll(parts);
    notes.addAll(partNotes);
    if (parts.size() > 1 || exact.scale() > 0 && exact.stripTrailingZeros().scale() > 0) {
      steps.add("sum " + Money.format(exact) + " rounded HALF_UP to the fen = " + Money.format(amount));
      notes.add(Note.of("sum", exact, amount));
    }
    if (!capped()) {
      steps.add("no cap per organisation and year");
      notes.add(Note.of("no-cap"));
    } else {
      long capLeft = Math.max(0, capPerOrganisationPerYearFen - alreadyGrantedFen);
      String already = alreadyGrantedFen > 0 ? " (already granted " + Money.format(alreadyGrantedFen) + " this year)" : "";
      if (amount > capLeft) {
        amount = capLeft;
        steps.add("cap " + Money.format(capPerOrganisationPerYearFen) + " reached" + already + ": limited to "
            + Money.format(amount));
        notes.add(Note.of("cap-reached", capPerOrganisationPerYearFen, alreadyGrantedFen, amount));
      } else {
        steps.add("cap " + Money.format(capPerOrganisationPerYearFen) + " not reached" + already);
        notes.add(Note.of("cap-not-reached", capPerOrganisationPerYearFen, alreadyGrantedFen));
      }
    }
    long budgetLeft = Math.max(0, budgetRemainingFen);
    if (amount > budgetLeft) {
      amount = budgetLeft;
      steps.add("budget remaining " + Money.format(budgetLeft) + ": limited to " + Money.format(amount));
      notes.add(Note.of("budget-limited", budgetLeft, amount));
    } else {
      steps.add("budget remaining " + Money.format(budgetLeft));
      notes.add(Note.of("budget-remaining", budgetLeft));
    }
    return new SubsidyCalculation(amount, steps, notes);
  }
}
