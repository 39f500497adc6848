package org.fundflow.subsidy.adapter.in.web;

import java.util.Map;
import org.fundflow.platform.problem.Problems;
import org.fundflow.subsidy.application.port.in.Refusal;
import org.fundflow.subsidy.domain.ClaimRefused;
import org.fundflow.subsidy.domain.DisbursementRefused;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The service's refusals as RFC 9457 problems with their own type URIs. Invalid input (fields, types, unknown enum
 * values in a query) is the platform's {@code ProblemResponses}, which runs first: this advice's
 * {@code IllegalArgumentException} handler once caught the cause of an unknown enum query value (422 naming the Java
 * class).
 */
@RestControllerAdvice(basePackages = "org.fundflow.subsidy")
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
public class ProblemMapping {

  @ExceptionHandler(Refusal.class)
  public ResponseEntity<ProblemDetail> refusal(Refusal r) {
    HttpStatus status = switch (r.kind()) {
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case FORBIDDEN -> HttpStatus.FORBIDDEN;
      case CONFLICT -> HttpStatus.CONFLICT;
      case PRECONDITION_FAILED -> HttpStatus.PRECONDITION_FAILED;
      case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
    };
    return problem(status, r.slug(), r.title(), r.getMessage());
  }

  @ExceptionHandler(DisbursementRefused.class)
  public ResponseEntity<ProblemDetail> disbursement(DisbursementRefused r) {
    return switch (r.reason()) {
      case PREPARER_CANNOT_RELEASE -> problem(HttpStatus.FORBIDDEN, "four-eyes", "Four eyes required", r.getMessage());
      case ORGANISATION_ON_HOLD -> problem(HttpStatus.CONFLICT, "organisation-on-hold", "Organisation on hold",
          r.getMessage());
      case ILLEGAL_TRANSITION -> problem(HttpStatus.CONFLICT, "illegal-transition", "Not allowed in this state",
          r.getMessage());
    };
  }

  @ExceptionHandler(ClaimRefused.class)
  public ResponseEntity<ProblemDetail> claim(ClaimRefused r) {
    return switch (r.reason()) {
      case ALREADY_DECIDED -> problem(HttpStatus.CONFLICT, "claim-already-decided", "Claim already decided",
          r.getMessage());
      case NOT_A_POST_SUBSIDY_PROGRAM, INVALID -> problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-claim",
          "Invalid claim", r.getMessage());
    };
  }

  @ExceptionHandler(IllegalArgumentException.class)
  public ResponseEntity<ProblemDetail> invalid(IllegalArgumentException e) {
    return problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-request", "Invalid request", e.getMessage());
  }

  static ResponseEntity<ProblemDetail> problem(HttpStatus status, String slug, String title, String detail) {
    ProblemDetail body = Problems.problem(status, slug, title, detail, Map.of()).getBody();
    return ResponseEntity.status(status).body(body);
  }
}
