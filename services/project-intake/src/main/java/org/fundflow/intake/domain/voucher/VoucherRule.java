package org.fundflow.intake.domain.voucher;

import java.math.BigDecimal;
import java.util.List;
import org.fundflow.intake.domain.IntakeRefusal;

/**
 * The settings of a VOUCHER program (创新券): what one voucher is worth, how long it is valid, how much one
 * enterprise may receive in a calendar year, which services it pays for, which share of a contract it pays and where
 * an enterprise must be registered.
 *
 * @param faceValueFen the most one voucher pays, positive
 * @param validityDays a voucher expires this many days after it was issued (1 to 1095)
 * @param annualCapPerEnterpriseFen the face value one enterprise may receive per calendar year (Asia/Shanghai) in
 *     this program, at least one face value: {@code floor(cap / face value)} vouchers per enterprise and year
 * @param eligibleCategories the service categories a voucher may be used for, not empty
 * @param ratioBasisPoints the voucher's share of a contract in basis points (5000 = 0.50), 1 to 10000: kept as an
 *     integer so the ratio is exact
 * @param districtCodes the administrative division codes (GB/T 2260, characters 3-8 of the unified social credit
 *     code: where the organisation was registered) an enterprise must be registered in, e.g. 120112 (津南区)
 */
public record VoucherRule(long faceValueFen, int validityDays, long annualCapPerEnterpriseFen,
    List<ServiceCategory> eligibleCategories, int ratioBasisPoints, List<String> districtCodes) {

  public static final int MAX_VALIDITY_DAYS = 1095;

  public VoucherRule {
    if (faceValueFen <= 0) {
      throw refused("faceValueFen must be positive");
    }
    if (validityDays < 1 || validityDays > MAX_VALIDITY_DAYS) {
      throw refused("validityDays must be between 1 and " + MAX_VALIDITY_DAYS);
    }
    if (annualCapPerEnterpriseFen < faceValueFen) {
      throw refused("annualCapPerEnterpriseFen must be at least one face value");
    }
    if (eligibleCategories == null || eligibleCategories.isEmpty() || eligibleCategories.stream().anyMatch(java.util.Objects::isNull)) {
      throw refused("at least one eligible service category is required");
    }
    eligibleCategories = List.copyOf(new java.util.LinkedHashSet<>(eligibleCategories));
    if (ratioBasisPoints < 1 || ratioBasisPoints > 10_000) {
      throw refused("the voucher ratio must be above 0 and at most 1");
    }
    if (districtCodes == null || districtCodes.isEmpty()
        || districtCodes.stream().anyMatch(d -> d == null || !d.matches("\\d{6}"))) {
      throw refused("at least one district code (6 digits, GB/T 2260) is required");
    }
    districtCodes = List.copyOf(districtCodes);
  }

  /** The ratio as an exact decimal (scale 4), e.g. 0.5000. */
  public BigDecimal ratio() {
    return BigDecimal.valueOf(ratioBasisPoints, 4);
  }

  /**
   * An exact decimal ratio (e.g. 0.50) in basis points; refused when it is not above 0 and at most 1 or has more
   * than 4 decimals (it would not be exact).
   */
  public static int basisPoints(BigDecimal ratio) {
    if (ratio == null || ratio.signum() <= 0 || ratio.compareTo(BigDecimal.ONE) > 0) {
      throw refused("the voucher ratio must be above 0 and at most 1");
    }
    try {
      return ratio.movePointRight(4).intValueExact();
    } catch (ArithmeticException e) {
      throw refused("the voucher ratio has at most 4 decimals (e.g. 0.50, 0.3333)");
    }
  }

  /** How many vouchers one enterprise may receive in a calendar year. */
  public int vouchersPerEnterprisePerYear() {
    return (int) Math.min(Integer.MAX_VALUE, annualCapPerEnterpriseFen / faceValueFen);
  }

  private static IntakeRefusal refused(String detail) {
    return IntakeRefusal.rule("invalid-voucher-rule", "Invalid voucher rule", detail);
  }
}
