package org.fundflow.subsidy.adapter.in.web;

import java.util.Map;
import org.fundflow.platform.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * What post-subsidy answers beyond the platform's {@code ProblemResponses}, which runs first and answers invalid input
 * (fields, types, unknown enum values in a query) and the service's refusals ({@code Refusal}, {@code ClaimRefused},
 * {@code DisbursementRefused}): a command the use cases cannot take. This advice's {@code IllegalArgumentException}
 * handler once caught the cause of an unknown enum query value (422 naming the Java class).
 */
@RestControllerAdvice(basePackages = "org.fundflow.subsidy")
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
public class ProblemMapping {

  @ExceptionHandler(IllegalArgumentException.class)
  public ResponseEntity<ProblemDetail> invalid(IllegalArgumentException e) {
    ProblemDetail body = Problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-request", "Invalid request",
        e.getMessage(), Map.of()).getBody();
    return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(body);
  }
}
