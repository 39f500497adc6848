package org.fundflow.portal.web.finance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.fundflow.portal.client.SubsidyClient.Payment;
import org.fundflow.portal.format.Times;
import org.springframework.context.MessageSource;

/**
 * The rows of a payment batch: one released payment a row, amounts in yuan exact to the fen. CSV: the amount as
 * written by BigDecimal ({@code 1234.56}), never through floating point. XLSX (Apache POI): a numeric cell formatted
 * {@code #,##0.00}; the cell's value is the BigDecimal yuan amount converted to a double only when it is written (a
 * spreadsheet number is a double; every amount under 2^53 fen converts to the nearest double of its exact value, and
 * the cell shows it back exactly to the fen).
 */
final class PaymentBatchExport {

  static final List<String> COLUMNS = List.of("id", "programId", "projectId", "organisationCode", "payeeName", "bank",
      "accountNumberMasked", "amountYuan", "paymentReference", "releasedAt", "releasedBy");

  private PaymentBatchExport() {}

  static String fileName(LocalDate from, LocalDate to, String extension) {
    return "payment-batch-" + from + "_" + to + "." + extension;
  }

  static BigDecimal yuan(long fen) {
    return BigDecimal.valueOf(fen).movePointLeft(2).setScale(2, RoundingMode.UNNECESSARY);
  }

  static List<String> header(MessageSource messages, Locale locale) {
    return COLUMNS.stream().map(c -> messages.getMessage("finance.export.column." + c, null, c, locale)).toList();
  }

  static List<Object> values(Payment p) {
    return java.util.Arrays.asList(p.id(), p.programId(), p.projectId(), p.organisationCode(),
        p.payee() == null ? "" : p.payee().name(), p.payee() == null ? "" : p.payee().bank(),
        p.payee() == null ? "" : p.payee().accountNumberMasked(), yuan(p.amountFen()),
        p.paymentReference(), Times.dateTime(p.releasedAt()), p.releasedBy());
  }

  // ------------------------------------------------------------------ CSV (RFC 4180)

  static String csvLine(List<?> values) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      Object v = values.get(i);
      b.append(v instanceof BigDecimal d ? d.toPlainString() : csvText(v == null ? "" : v.toString()));
    }
    return b.append("\r\n").toString();
  }

  /** Quoted when needed; a text a spreadsheet would run as a formula (=, +, -, @) is prefixed with an apostrophe. */
  static String csvText(String s) {
    String safe = !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
      return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
    return safe;
  }

  // ------------------------------------------------------------------ XLSX

  static byte[] xlsx(List<String> header, List<Payment> payments, String sheetName) {
    try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
      Sheet sheet = book.createSheet(sheetName);
      CellStyle money = book.createCellStyle();
      money.setDataFormat(book.createDataFormat().getFormat("#,##0.00"));
      Row head = sheet.createRow(0);
      for (int i = 0; i < header.size(); i++) {
        head.createCell(i).setCellValue(header.get(i));
      }
      int r = 1;
      for (Payment p : payments) {
        Row row = sheet.createRow(r++);
        List<Object> values = values(p);
        for (int i = 0; i < values.size(); i++) {
          Cell cell = row.createCell(i);
          Object v = values.get(i);
          if (v instanceof BigDecimal amount) {
            cell.setCellValue(amount.doubleValue()); // the exact BigDecimal, converted only here (see the class doc)
            cell.setCellStyle(money);
          } else {
            cell.setCellValue(v == null ? "" : v.toString());
          }
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      book.write(out);
      book.dispose();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
