package org.fundflow.portal.format;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Amounts as people read and type them (yuan, ¥1,234,567.89) and as the services keep them (integer fen). No
 * floating point anywhere: formatting and parsing go through {@link BigDecimal}.
 */
public final class Money {

  /** The largest amount a form accepts: 10^13 fen (100 billion yuan), far above any budget. */
  public static final long MAX_FEN = 10_000_000_000_000L;

  private static final Pattern YUAN = Pattern.compile("\\d+(\\.\\d{1,2})?");

  private Money() {}

  /** {@code 123456789} fen → {@code ¥1,234,567.89}; negative amounts keep their sign ({@code -¥5.00}). */
  public static String formatFen(long fen) {
    BigDecimal yuan = BigDecimal.valueOf(fen).movePointLeft(2).setScale(2, RoundingMode.UNNECESSARY);
    DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
    format.setParseBigDecimal(true);
    String digits = format.format(yuan.abs());
    return (yuan.signum() < 0 ? "-¥" : "¥") + digits;
  }

  /** {@code 123456789} fen → {@code 1234567.89}: an amount as a form shows it again for editing (no separators). */
  public static String toYuanInput(long fen) {
    return BigDecimal.valueOf(fen).movePointLeft(2).setScale(2, RoundingMode.UNNECESSARY).toPlainString();
  }

  /**
   * What a person typed, in yuan ({@code 1,234,567.89}, {@code ¥ 1234567.8}, {@code 1234567}, full-width digits and
   * the full-width yen sign allowed) → fen, exactly.
   *
   * @throws InvalidAmount when it is not a positive amount with at most two decimals, or above {@link #MAX_FEN}
   */
  public static long parseYuanToFen(String typed) {
    if (typed == null) {
      throw new InvalidAmount("empty");
    }
    StringBuilder normalised = new StringBuilder();
    for (char c : typed.strip().toCharArray()) {
      if (c >= '０' && c <= '９') {
        normalised.append((char) ('0' + (c - '０')));
      } else if (c == '．' || c == '。') {
        normalised.append('.');
      } else if (c == ',' || c == '，' || c == ' ' || c == '¥' || c == '￥' || c == '\u00a0') {
        continue; // grouping separators and the currency sign carry no value
      } else {
        normalised.append(c);
      }
    }
    String text = normalised.toString();
    if (text.isEmpty()) {
      throw new InvalidAmount("empty");
    }
    if (!YUAN.matcher(text).matches()) {
      throw new InvalidAmount("format");
    }
    BigDecimal fen = new BigDecimal(text).movePointRight(2);
    if (fen.signum() <= 0) {
      throw new InvalidAmount("not-positive");
    }
    if (fen.compareTo(BigDecimal.valueOf(MAX_FEN)) > 0) {
      throw new InvalidAmount("too-large");
    }
    return fen.longValueExact();
  }

  /** An amount that cannot be read; {@link #reason()} is a message-key suffix ({@code money.invalid.<reason>}). */
  public static final class InvalidAmount extends IllegalArgumentException {
    private final String reason;

    public InvalidAmount(String reason) {
      super("invalid amount: " + reason);
      this.reason = reason;
    }

    public String reason() {
      return reason;
    }
  }
}
