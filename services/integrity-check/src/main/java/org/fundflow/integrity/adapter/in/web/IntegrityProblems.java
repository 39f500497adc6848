package org.fundflow.integrity.adapter.in.web;

import org.fundflow.integrity.domain.list.MalformedCsvException;
import org.fundflow.platform.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * What integrity-check answers beyond the platform's {@code ProblemResponses} (which runs first and also answers the
 * domain's refusals, {@code IntegrityException}): 400 for a dishonesty list with broken quoting and for a command the
 * domain cannot take (a stale write whose retries are spent is the platform's 409).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
public class IntegrityProblems {

  /** Broken quoting: the whole file is refused, naming the line (a {@code line} member too). */
  @ExceptionHandler(MalformedCsvException.class)
  public ResponseEntity<ProblemDetail> malformedCsv(MalformedCsvException e) {
    ResponseEntity<ProblemDetail> response = of(HttpStatus.BAD_REQUEST, "malformed-csv", "Malformed CSV",
        e.getMessage() + "; nothing of the file was imported.");
    response.getBody().setProperty("line", e.line());
    return response;
  }

  @ExceptionHandler(IllegalArgumentException.class)
  public ResponseEntity<ProblemDetail> invalid(IllegalArgumentException e) {
    // a command the domain cannot take (not a field of the request: those are the platform's 400 'validation')
    return of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", e.getMessage());
  }

  private static ResponseEntity<ProblemDetail> of(HttpStatus status, String slug, String title, String detail) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setType(Problems.type(slug));
    body.setTitle(title);
    return ResponseEntity.status(status).body(body);
  }
}
