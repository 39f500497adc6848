package org.fundflow.portal.web.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fundflow.portal.client.SubsidyClient.Arg;
import org.fundflow.portal.client.SubsidyClient.Note;
import org.fundflow.portal.format.Money;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * post-subsidy's explanations and history notes in the user's language (templates: {@code @financeNotes}): a
 * {@link Note} is said with the finance bundle's {@code finance.note.<code>}, its amounts exact (fen to ¥ with
 * separators; an intermediate share keeps its fraction of a fen). A note the bundle does not know, or a record older than
 * the notes, is shown with the service's own text.
 */
@Component("financeNotes")
public class FinanceNotes {

  static final String PREFIX = "finance.note.";

  private final MessageSource messages;

  public FinanceNotes(MessageSource messages) {
    this.messages = messages;
  }

  /** The note in the user's language, or {@code fallback} (the service's text) when there is no note or it is unknown. */
  public String text(Note note, String fallback, Locale locale) {
    if (note == null || note.code() == null) {
      return fallback;
    }
    Object[] args = note.args().stream().map(FinanceNotes::argument).toArray();
    String said = messages.getMessage(PREFIX + note.code(), args, null, locale);
    return said != null ? said : fallback;
  }

  /** The steps of a computation: the notes said in the user's language when every one is known, else the service's. */
  public List<String> steps(List<Note> notes, List<String> fallback, Locale locale) {
    if (notes == null || notes.isEmpty()) {
      return fallback;
    }
    List<String> said = new ArrayList<>();
    for (Note note : notes) {
      String text = text(note, null, locale);
      if (text == null) {
        return fallback;
      }
      said.add(text);
    }
    return said;
  }

  static String argument(Arg arg) {
    if (arg == null || arg.value() == null) {
      return "";
    }
    if (!"FEN".equals(arg.kind())) {
      return arg.value();
    }
    try {
      BigDecimal fen = new BigDecimal(arg.value());
      if (fen.stripTrailingZeros().scale() <= 0) {
        return Money.formatFen(fen.longValueExact());
      }
      // a share before rounding (a tier, a voucher ratio): exact, up to six decimals of a yuan (basis points of a fen)
      BigDecimal yuan = fen.movePointLeft(2);
      DecimalFormat format = new DecimalFormat("#,##0.00####", DecimalFormatSymbols.getInstance(Locale.ROOT));
      format.setRoundingMode(RoundingMode.UNNECESSARY);
      return (yuan.signum() < 0 ? "-¥" : "¥") + format.format(yuan.abs());
    } catch (NumberFormatException | ArithmeticException e) {
      return arg.value();
    }
  }
}
