package org.fundflow.milestone.adapter.in.web;

import java.util.Map;
import org.fundflow.milestone.domain.DomainRuleException;
import org.fundflow.platform.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Domain refusals as RFC 9457 problems: 409 illegal transition, 422 rule, 404 not visible, 403 not allowed. Invalid
 * input is the platform's {@code ProblemResponses} (400 with {@code errors[]}), which runs first.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
public class DomainProblems {

  @ExceptionHandler(DomainRuleException.class)
  public ResponseEntity<ProblemDetail> refused(DomainRuleException e) {
    HttpStatus status = switch (e.kind()) {
      case ILLEGAL_TRANSITION -> HttpStatus.CONFLICT;
      case RULE_VIOLATED -> HttpStatus.UNPROCESSABLE_CONTENT;
      case NOT_VISIBLE -> HttpStatus.NOT_FOUND;
      case NOT_ALLOWED -> HttpStatus.FORBIDDEN;
    };
    String title = switch (e.kind()) {
      case ILLEGAL_TRANSITION -> "Not possible in the current state";
      case RULE_VIOLATED -> "Rule violated";
      case NOT_VISIBLE -> "Not found";
      case NOT_ALLOWED -> "Forbidden";
    };
    ProblemDetail body = Problems.problem(status, e.code(), title, e.getMessage(), Map.of("code", e.code())).getBody();
    return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
        .body(body);
  }
}
