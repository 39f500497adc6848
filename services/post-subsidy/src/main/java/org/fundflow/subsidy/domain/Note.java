package org.fundflow.subsidy.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A sentence as data, so that a reader renders it in its own language (the portal in Chinese or English): a
 * {@code code} naming the sentence and its arguments in order, each an amount in fen ({@link Arg#FEN}: an integer, or
 * an exact decimal for an intermediate share) or a plain text ({@link Arg#TEXT}: an id, a percentage's number, a
 * reference). The English text this service keeps beside it says the same.
 */
public record Note(String code, List<Arg> args) {

  public Note {
    Objects.requireNonNull(code, "code");
    args = List.copyOf(args == null ? List.of() : args);
  }

  /** One argument: {@code kind} FEN or TEXT, {@code value} its value as text (fen digits, maybe with decimals). */
  public record Arg(String kind, String value) {
    public static final String FEN = "FEN";
    public static final String TEXT = "TEXT";

    public Arg {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(value, "value");
    }
  }

  /** A note of arguments given as {@link Long} (fen), {@link BigDecimal} (exact fen) or anything else (text). */
  public static Note of(String code, Object... args) {
    List<Arg> list = new ArrayList<>();
    for (Object a : args) {
      if (a instanceof Long fen) {
        list.add(new Arg(Arg.FEN, Long.toString(fen)));
      } else if (a instanceof BigDecimal fen) {
        list.add(new Arg(Arg.FEN, fen.stripTrailingZeros().toPlainString()));
      } else {
        list.add(new Arg(Arg.TEXT, String.valueOf(a)));
      }
    }
    return new Note(code, list);
  }
}
