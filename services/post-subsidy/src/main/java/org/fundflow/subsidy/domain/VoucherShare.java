package org.fundflow.subsidy.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What a redeemed innovation voucher pays the service provider (issue 18): contract amount x voucher ratio, rounded
 * <b>down</b> to the fen (the voucher never pays more than the exact share; the enterprise pays the rest, fractions
 * included), capped by the face value. The enterprise's part is the contract amount minus the share.
 *
 * @param shareFen paid to the provider by the voucher program
 * @param enterpriseFen paid by the enterprise itself
 */
public record VoucherShare(long contractAmountFen, int ratioBasisPoints, long faceValueFen, long shareFen,
    long enterpriseFen, boolean capped) {

  /** Rounding of the share: DOWN to the fen (floor, amounts are never negative). */
  public static final RoundingMode ROUNDING = RoundingMode.DOWN;

  public static VoucherShare of(long contractAmountFen, int ratioBasisPoints, long faceValueFen) {
    if (contractAmountFen <= 0 || contractAmountFen > Money.MAX_FEN) {
      throw new IllegalArgumentException("contract amount must be positive and at most " + Money.MAX_FEN + " fen");
    }
    if (ratioBasisPoints < 1 || ratioBasisPoints > 10_000) {
      throw new IllegalArgumentException("voucher ratio must be above 0 and at most 1 (1 to 10000 basis points)");
    }
    if (faceValueFen <= 0 || faceValueFen > Money.MAX_FEN) {
      throw new IllegalArgumentException("face value must be positive");
    }
    long exact = BigDecimal.valueOf(contractAmountFen).multiply(BigDecimal.valueOf(ratioBasisPoints))
        .divide(BigDecimal.valueOf(10_000), 0, ROUNDING).longValueExact();
    long share = Math.min(exact, faceValueFen);
    return new VoucherShare(contractAmountFen, ratioBasisPoints, faceValueFen, share, contractAmountFen - share,
        share < exact);
  }

  /** e.g. "contract 80,000.00 x 50% = 40,000.00, capped by the face value 30,000.00: voucher pays 30,000.00, enterprise pays 50,000.00". */
  public String explanation() {
    BigDecimal exact = BigDecimal.valueOf(contractAmountFen).multiply(BigDecimal.valueOf(ratioBasisPoints))
        .movePointLeft(4);
    boolean fraction = exact.stripTrailingZeros().scale() > 0;
    String product = "contract " + Money.format(contractAmountFen) + " x " + Money.rate(ratioBasisPoints) + " = "
        + (fraction ? exact.stripTrailingZeros().toPlainString() + " fen" : Money.format(exact.longValueExact()));
    String rounded = fraction
        ? " (DOWN to the fen: " + Money.format(exact.setScale(0, ROUNDING).longValueExact()) + ")" : "";
    String cap = capped ? ", capped by the face value " + Money.format(faceValueFen) : "";
    return product + rounded + cap + ": voucher pays " + Money.format(shareFen) + ", enterprise pays "
        + Money.format(enterpriseFen);
  }

  /**
   * The same as a {@link Note} for a reader's language: voucher, provider, contract amount, ratio, the exact product
   * (fen, maybe with decimals), then (capped) the face value, then the voucher's and the enterprise's parts.
   */
  public Note note(String voucherId, String providerName) {
    BigDecimal exact = BigDecimal.valueOf(contractAmountFen).multiply(BigDecimal.valueOf(ratioBasisPoints))
        .movePointLeft(4);
    String ratio = BigDecimal.valueOf(ratioBasisPoints).movePointLeft(2).stripTrailingZeros().toPlainString();
    return capped
        ? Note.of("voucher-capped", voucherId, providerName, contractAmountFen, ratio, exact, faceValueFen, shareFen,
            enterpriseFen)
        : Note.of("voucher", voucherId, providerName, contractAmountFen, ratio, exact, shareFen, enterpriseFen);
  }
}
