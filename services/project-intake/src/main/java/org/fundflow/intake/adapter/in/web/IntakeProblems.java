package org.fundflow.intake.adapter.in.web;

import org.fundflow.platform.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * What intake answers beyond the platform's {@code ProblemResponses} (which runs first and also answers the domain's
 * refusals, {@code IntakeRefusal}, and a stale write whose retries are spent): a command the domain cannot take.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
public class IntakeProblems {

  @ExceptionHandler(IllegalArgumentException.class)
  public ResponseEntity<ProblemDetail> badRequest(IllegalArgumentException e) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    body.setType(Problems.type("malformed-request"));
    body.setTitle("Malformed request");
    return ResponseEntity.badRequest().body(body);
  }
}
