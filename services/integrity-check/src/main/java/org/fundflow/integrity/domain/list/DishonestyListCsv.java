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
 * row 1; a row is a record, so a quoted line break does not start a new row) and reason, and nothing of it is
 * taken. A file whose quoting is broken is refused whole ({@link MalformedCsvException} naming the line): its rows
 * cannot be told apart. The records are read one at a time by a {@link Reader}. An entry's id is derived from its content, so
 * importing the same list again changes nothing.
 */
public final class DishonestyListCsv {

  public static final List<String> COLUMNS = List.of("partyType", "partyId", "partyName", "misconduct", "sanction",
      "authority", "legalBasis", "effectiveDate", "endDate");

  public record RowProblem(int row, String reason) {}

  public record Parsed(List<DishonestyEntry> entries, List<RowProblem> problems) {}

  /**
   * Reads the records of a CSV text one at a time (RFC 4180: a CSV library does it, adapter.out.csv): the
   * quoting and the line breaks are its business, the rows' meaning this class's.
   */
  public interface Reader {
    Records read(String text);
  }

  /** The records of one text, the header first. */
  public interface Records {
    /**
     * The next record's fields, null after the last one.
     *
     * @throws MalformedCsvException when the quoting is broken, naming the line where the broken field starts
     */
    List<String> next();
  }

  private final UnaryOperator<String> personIdHasher;
  private final Reader reader;

  public DishonestyListCsv(UnaryOperator<String> personIdHasher, Reader reader) {
    this.personIdHasher = personIdHasher;
    this.reader = reader;
  }

  public Parsed parse(String csv) {
    List<DishonestyEntry> entries = new ArrayList<>();
    List<RowProblem> problems = new ArrayList<>();
    // broken quoting: MalformedCsvException from the reader, the whole file is refused
    Records records = reader.read(csv == null ? "" : csv.startsWith("\uFEFF") ? csv.substring(1) : csv);
    List<String> first = records.next();
    if (first == null) {
      problems.add(new RowProblem(1, "the file is empty: a header row " + String.join(",", COLUMNS) + " is expected"));
      return new Parsed(entries, problems);
    }
    List<String> header = first.stream().map(String::trim).toList();
    if (!header.equals(COLUMNS)) {
      problems.add(new RowProblem(1, "the header must be " + String.join(",", COLUMNS)));
      return new Parsed(entries, problems);
    }
    int number = 1;
    for (List<String> row = records.next(); row != null; row = records.next()) {
      number++;
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
}
