package org.fundflow.integrity.domain.list;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.fundflow.integrity.domain.Ids;
import org.fundflow.integrity.domain.Subject;
import org.fundflow.platform.national.NationalId;
import org.fundflow.platform.national.OrganisationCode;

/**
 * Reads a dishonesty list in CSV (RFC 4180: comma separated, double quotes for fields with commas,
 * quotes or line breaks; UTF-8; header row first):
 * <pre>partyType,partyId,partyName,misconduct,sanction,authority,legalBasis,effectiveDate,endDate</pre>
 * partyType is ORGANISATION (partyId = the unified social credit code) or PERSON (partyId = the
 * national ID, which is hashed at once and never kept or reported); dates are ISO yyyy-MM-dd;
 * endDate may be empty (indefinite). Each bad row is reported with its row number (the header is
 * row 1) and reason, and nothing of it is taken. A file whose quoting is broken is refused whole
 * ({@link MalformedCsvException} naming the line): its rows cannot be told apart. An entry's id is derived from its content, so
 * importing the same list again changes nothing.
 */
public final class DishonestyListCsv {

  public static final List<String> COLUMNS = List.of("partyType", "partyId", "partyName", "misconduct", "sanction",
      "authority", "legalBasis", "effectiveDate", "endDate");

  public record RowProblem(int row, String reason) {}

  public record Parsed(List<DishonestyEntry> entries, List<RowProblem> problems) {}

  private final UnaryOperator<String> personIdHasher;

  public DishonestyListCsv(UnaryOperator<String> personIdHasher) {
    this.personIdHasher = personIdHasher;
  }

  public Parsed parse(String csv) {
    List<DishonestyEntry> entries = new ArrayList<>();
    List<RowProblem> problems = new ArrayList<>();
    // broken quoting: MalformedCsvException, the whole file is refused
    List<List<String>> rows = records(csv == null ? "" : csv.startsWith("\uFEFF") ? csv.substring(1) : csv);
    if (rows.isEmpty()) {
      problems.add(new RowProblem(1, "the file is empty: a header row " + String.join(",", COLUMNS) + " is expected"));
      return new Parsed(entries, problems);
    }
    List<String> header = rows.get(0).stream().map(String::trim).toList();
    if (!header.equals(COLUMNS)) {
      problems.add(new RowProblem(1, "the header must be " + String.join(",", COLUMNS)));
      return new Parsed(entries, problems);
    }
    for (int i = 1; i < rows.size(); i++) {
      List<String> row = rows.get(i);
      int number = i + 1;
      if (row.size() == 1 && row.get(0).isBlank()) {
        continue;
      }
      try {
        entries.add(entry(row));
      } catch (IllegalArgumentException e) {
        problems.add(new RowProblem(number, e.getMessage()));
      }
    }
    return new Parsed(entries, problems);
  }

  private DishonestyEntry entry(List<String> row) {
    if (row.size() != COLUMNS.size()) {
      throw new IllegalArgumentException("expected " + COLUMNS.size() + " fields, found " + row.size());
    }
    String type = row.get(0).trim().toUpperCase(Locale.ROOT);
    String partyId = row.get(1).trim();
    Subject party;
    String masked = null;
    switch (type) {
      case "ORGANISATION" -> {
        if (!OrganisationCode.isValid(partyId)) {
          throw new IllegalArgumentException("partyId is not a valid unified social credit code");
        }
        party = Subject.organisation(partyId);
      }
      case "PERSON" -> {
        // a list may name a person whatever "today" is: the birth date is only checked to be real (from 1900)
        NationalId.problem(partyId.toUpperCase(Locale.ROOT), LocalDate.MAX).ifPresent(problem -> {
          throw new IllegalArgumentException("partyId: " + problem.description());
        });
        party = Subject.person(personIdHasher.apply(partyId));
        masked = partyId.substring(0, 4) + "**********" + partyId.substring(14);
      }
      default -> throw new IllegalArgumentException("partyType must be ORGANISATION or PERSON");
    }
    String misconduct = required(row, 3);
    String sanction = required(row, 4);
    String authority = required(row, 5);
    String legalBasis = required(row, 6);
    LocalDate effective = date(row.get(7), "effectiveDate");
    if (effective == null) {
      throw new IllegalArgumentException("effectiveDate is required");
    }
    LocalDate end = date(row.get(8), "endDate");
    if (end != null && end.isBefore(effective)) {
      throw new IllegalArgumentException("endDate " + end + " is before effectiveDate " + effective);
    }
    // the listing period belongs to the identity: listed again for another period is a new entry, so a new hold
    String id = Ids.derived("list", party.key(), misconduct, sanction, authority, effective.toString(),
        end == null ? "indefinite" : end.toString());
    return new DishonestyEntry(id, party, row.get(2).trim(), masked, misconduct, sanction, authority, legalBasis,
        effective, end);
  }

  private static String required(List<String> row, int index) {
    String v = row.get(index).trim();
    if (v.isEmpty()) {
      throw new IllegalArgumentException(COLUMNS.get(index) + " is required");
    }
    return v;
  }

  private static LocalDate date(String text, String column) {
    String t = text.trim();
    if (t.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(t);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(column + " '" + t + "' is not a date yyyy-MM-dd");
    }
  }

  /**
   * RFC 4180 records. Broken quoting is a {@link MalformedCsvException} naming the line where the broken field
   * starts: a quoted field that is never closed, a quote inside an unquoted field, text after a closing quote.
   */
  static List<List<String>> records(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean closed = false; // the current field was quoted and its closing quote has been read
    boolean any = false;
    int line = 1;
    int fieldLine = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      any = true;
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
            closed = true;
          }
        } else {
          if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
            line++;
          }
          field.append(c);
        }
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
        closed = false;
        fieldLine = line;
      } else if (c == '\r' || c == '\n') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        any = false;
        closed = false;
        line++;
        fieldLine = line;
      } else if (closed) {
        throw new MalformedCsvException(fieldLine, "text after the closing quote of a quoted field "
            + "(a quote inside a field is written twice: \"\")");
      } else if (c == '"') {
        if (!field.isEmpty()) {
          throw new MalformedCsvException(line, "a quote inside an unquoted field (quote the whole field and "
              + "write the quote twice: \"\")");
        }
        quoted = true;
        fieldLine = line;
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      throw new MalformedCsvException(fieldLine, "a quoted field is never closed");
    }
    if (any) {
      row.add(field.toString());
      rows.add(row);
    }
    return rows;
  }
}
