package org.fundflow.portal.web.audit;

import java.util.List;

/**
 * RFC 4180 CSV for the dashboards' downloads: CRLF line ends, a field quoted when it holds a comma, a quote or a line
 * break, and a text that a spreadsheet would run as a formula (starting with =, +, -, @) prefixed with an apostrophe.
 * A UTF-8 byte order mark first, so that spreadsheet programs read Chinese names correctly.
 */
final class Csv {

  static final String BOM = "\uFEFF";

  private final StringBuilder out = new StringBuilder(BOM);

  Csv row(Object... fields) {
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(field(fields[i]));
    }
    out.append("\r\n");
    return this;
  }

  Csv rows(List<Object[]> rows) {
    rows.forEach(this::row);
    return this;
  }

  static String field(Object value) {
    if (value == null) {
      return "";
    }
    String s = value.toString();
    if (!(value instanceof Number) && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
      s = "'" + s;
    }
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      s = "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
