package org.fundflow.integrity.adapter.in.web;

import org.fundflow.integrity.domain.IntegrityException;
import org.fundflow.integrity.domain.list.MalformedCsvException;
import org.fundflow.platform.problem.Problems;
import org.fundflow.platform.domain.ConcurrentChange;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The integrity domain's refusals as RFC 9457 problems: 404, 409 for illegal transitions, 422 for rules, 400 for a
 * dishonesty list with broken quoting. Invalid input (fields, types, codes) is the platform's
 * {@code ProblemResponses}, which runs first.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
public class IntegrityProblems {

  @ExceptionHandler(IntegrityException.class)
  public ResponseEntity<ProblemDetail> refused(IntegrityException e) {
    HttpStatus status = switch (e.kind()) {
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case ILLEGAL_TRANSITION -> HttpStatus.CONFLICT;
      case RULE_VIOLATION -> HttpStatus.UNPROCESSABLE_CONTENT;
      case STALE -> HttpStatus.PRECONDITION_FAILED;
    };
    return of(status, e.slug(), "hold-already-lifted".equals(e.slug()) ? "Hold already lifted" : title(e.kind()),
        e.getMessage());
  }

  /** Broken quoting: the whole file is refused, naming the line (a {@code line} member too). */
  @ExceptionHandler(MalformedCsvException.class)
  public ResponseEntity<ProblemDetail> malformedCsv(MalformedCsvException e) {
    ResponseEntity<ProblemDetail> response = of(HttpStatus.BAD_REQUEST, "malformed-csv", "Malformed CSV",
        e.getMessage() + "; nothing of the file was imported.");
    response.getBody().setProperty("line", e.line());
    return response;
  }

  @ExceptionHandler(ConcurrentChange.class)
  public ResponseEntity<ProblemDetail> concurrent(ConcurrentChange e) {
    return of(HttpStatus.CONFLICT, "concurrent-change", "Changed by someone else",
        "The record was changed by another request at the same time; reload it and try again.");
  }

  @ExceptionHandler(IllegalArgumentException.class)
  public ResponseEntity<ProblemDetail> invalid(IllegalArgumentException e) {
    // a command the domain cannot take (not a field of the request: those are the platform's 400 'validation')
    return of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", e.getMessage());
  }

  private static String title(IntegrityException.Kind kind) {
    return switch (kind) {
      case NOT_FOUND -> "Not found";
      case ILLEGAL_TRANSITION -> "Illegal case transition";
      case RULE_VIOLATION -> "Refused by an integrity rule";
      case STALE -> "Changed since you read it";
    };
  }

  private static ResponseEntity<ProblemDetail> of(HttpStatus status, String slug, String title, String detail) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setType(Problems.type(slug));
    body.setTitle(title);
    return ResponseEntity.status(status).body(body);
  }
}
