package org.fundflow.integrity.domain.list;

/**
 * A dishonesty list whose CSV structure is broken (a quote that is never closed, a quote inside an unquoted field,
 * text after a closing quote): the rows cannot be told apart any more, so the whole file is refused, naming the line
 * (1 = the header) where the broken field starts.
 */
public class MalformedCsvException extends RuntimeException {

  private final int line;

  public MalformedCsvException(int line, String message) {
    super("line " + line + ": " + message);
    this.line = line;
  }

  public int line() {
    return line;
  }
}
