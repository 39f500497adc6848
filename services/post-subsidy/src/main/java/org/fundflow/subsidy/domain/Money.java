package org.fundflow.subsidy.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Money is an integer number of fen (分, 1/100 CNY). BigDecimal appears only inside a calculation
 * and every result is rounded to the fen with {@link #ROUNDING} (HALF_UP: 0.5 fen and more goes up).
 */
public final class Money {

  public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

  /**
   * The largest amount this service accepts anywhere: 1 trillion CNY. Far above any enterprise's yearly R&D spend
   * or any program's budget, and small enough that ten thousand such amounts still add up inside a {@code long}.
   */
  public static final long MAX_FEN = 100_000_000_000_000L;

  private Money() {}

  /** fen × percent / 100, rounded HALF_UP to the fen. */
  public static long percentOf(long fen, int percent) {
    return BigDecimal.valueOf(fen).multiply(BigDecimal.valueOf(percent))
        .divide(BigDecimal.valueOf(100), 0, ROUNDING).longValueExact();
  }

  /** fen as yuan with two decimals and thousands separators: 320000000 -> "3,200,000.00". */
  public static String format(long fen) {
    DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
    return f.format(BigDecimal.valueOf(fen).movePointLeft(2));
  }

  /** Exact yuan amount of a BigDecimal fen value (for intermediate steps). */
  public static String format(BigDecimal fen) {
    DecimalFormat f = new DecimalFormat("#,##0.00##", DecimalFormatSymbols.getInstance(Locale.ROOT));
    return f.format(fen.movePointLeft(2));
  }

  /** basis points as a percentage: 3000 -> "30%", 175 -> "1.75%". */
  public static String rate(int basisPoints) {
    return BigDecimal.valueOf(basisPoints).movePointLeft(2).stripTrailingZeros().toPlainString() + "%";
  }
}
