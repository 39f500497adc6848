package org.fundflow.intake.adapter.in.web;

import org.fundflow.intake.domain.IntakeRefusal;
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
 * Intake's refusals as RFC 9457 problem responses with their own type URIs. Invalid input of every kind (fields,
 * types, unreadable bodies, oversize bodies) is the platform's {@code ProblemResponses}, which runs first.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
public class IntakeProblems {

  @ExceptionHandler(IntakeRefusal.class)
  public ResponseEntity<ProblemDetail> refusal(IntakeRefusal refusal) {
    HttpStatus status = switch (refusal.kind()) {
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case CONFLICT -> HttpStatus.CONFLICT;
      case FORBIDDEN -> HttpStatus.FORBIDDEN;
      case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
      case PRECONDITION_FAILED -> HttpStatus.PRECONDITION_FAILED;
    };
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, refusal.getMessage());
    body.setType(Problems.type(refusal.slug()));
    body.setTitle(refusal.title());
    refusal.properties().forEach(body::setProperty);
    return ResponseEntity.status(status).body(body);
  }

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
