package org.fundflow.intake.adapter.in.web;

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
 * What intake answers beyond the platform's {@code ProblemResponses} (which runs first and also answers the domain's
 * refusals, {@code IntakeRefusal}): a store write that lost a race, and a command the domain cannot take.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
public class IntakeProblems {

  @ExceptionHandler(ConcurrentChange.class)
  public ResponseEntity<ProblemDetail> stale(ConcurrentChange e) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
        "The record was changed by another request at the same time; reload it and try again.");
    body.setType(Problems.type("concurrent-change"));
    body.setTitle("Changed by someone else");
    return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
  }

  @ExceptionHandler(IllegalArgumentException.class)
  public ResponseEntity<ProblemDetail> badRequest(IllegalArgumentException e) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    body.setType(Problems.type("malformed-request"));
    body.setTitle("Malformed request");
    return ResponseEntity.badRequest().body(body);
  }
}
