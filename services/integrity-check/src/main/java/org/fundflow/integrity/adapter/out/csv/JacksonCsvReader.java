package org.fundflow.integrity.adapter.out.csv;

import java.util.ArrayList;
import java.util.List;
import org.fundflow.integrity.domain.list.DishonestyListCsv;
import org.fundflow.integrity.domain.list.MalformedCsvException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * RFC 4180 records read by jackson-dataformat-csv, streaming: one record is parsed per {@link Records#next()}.
 * Jackson reads a quote inside an unquoted field as text; here that breaks the file, as a quote after a closing
 * quote and a quoted field never closed do ({@link MalformedCsvException} with the line, counted as the list's
 * editors see it: every line break, also one inside a quoted field).
 */
public final class JacksonCsvReader implements DishonestyListCsv.Reader {

  private static final CsvMapper CSV = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();

  @Override
  public DishonestyListCsv.Records read(String text) {
    return new JacksonRecords(CSV.createParser(text), text);
  }

  private static final class JacksonRecords implements DishonestyListCsv.Records {

    private final JsonParser parser;
    private final String text;
    private final Lines lines;
    /** The line after the last token read: where a broken field starts. */
    private int line = 1;
    private boolean started;
    private boolean done;

    JacksonRecords(JsonParser parser, String text) {
      this.parser = parser;
      this.text = text;
      this.lines = new Lines(text);
    }

    @Override
    public List<String> next() {
      if (done) {
        return null;
      }
      try {
        JsonToken token = parser.nextToken();
        if (!started) {
          started = true;
          token = parser.nextToken(); // the text as a whole is one array of records
        }
        if (token != JsonToken.START_ARRAY) {
          finish();
          return null;
        }
        line = lines.at(parser.currentTokenLocation().getCharOffset());
        List<String> record = new ArrayList<>();
        for (token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
          record.add(field());
        }
        return record;
      } catch (StreamReadException e) {
        finish();
        // a quoted field never closed is noticed at the last character of the text, any other break before it
        boolean atEnd = e.getLocation() == null || e.getLocation().getCharOffset() >= text.length() - 1;
        throw new MalformedCsvException(line, atEnd ? "a quoted field is never closed"
            : "text after the closing quote of a quoted field (a quote inside a field is written twice: \"\")");
      }
    }

    private String field() {
      long offset = parser.currentTokenLocation().getCharOffset();
      String value = parser.getString();
      boolean quoted = offset >= 0 && offset < text.length() && text.charAt((int) offset) == '"';
      int start = lines.at(offset);
      if (!quoted && value.indexOf('"') >= 0) {
        finish();
        throw new MalformedCsvException(start, "a quote inside an unquoted field (quote the whole field and write "
            + "the quote twice: \"\")");
      }
      line = start + Lines.breaks(value);
      return value;
    }

    private void finish() {
      done = true;
      parser.close();
    }
  }

  /** Line numbers of character offsets: a line ends at \n, \r\n or a lone \r. */
  private static final class Lines {

    private final int[] starts;

    Lines(String text) {
      List<Integer> found = new ArrayList<>(List.of(0));
      for (int i = 0; i < text.length(); i++) {
        if (endsLine(text, i)) {
          found.add(i + 1);
        }
      }
      starts = found.stream().mapToInt(Integer::intValue).toArray();
    }

    int at(long offset) {
      int index = java.util.Arrays.binarySearch(starts, (int) Math.max(0, offset));
      return (index >= 0 ? index : -index - 2) + 1;
    }

    static int breaks(String value) {
      int n = 0;
      for (int i = 0; i < value.length(); i++) {
        n += endsLine(value, i) ? 1 : 0;
      }
      return n;
    }

    private static boolean endsLine(String s, int i) {
      char c = s.charAt(i);
      return c == '\n' || (c == '\r' && (i + 1 >= s.length() || s.charAt(i + 1) != '\n'));
    }
  }
}
