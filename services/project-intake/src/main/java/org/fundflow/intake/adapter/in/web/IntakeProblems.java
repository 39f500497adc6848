package org.fundflow.intake.adapter.in.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fundflow.intake.application.port.out.StaleVersionException;
import org.fundflow.intake.domain.IntakeRefusal;
import org.fundflow.platform.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ServerWebInputException;

/** Intake's refusals as RFC 9457 problem responses with their own type URIs. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
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

  @ExceptionHandler(StaleVersionException.class)
  public ResponseEntity<ProblemDetail> stale(StaleVersionException e) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
        "The record was changed by another request at the same time; reload it and try again.");
    body.setType(Problems.type("concurrent-change"));
    body.setTitle("Changed by someone else");
    return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
  }

  /**
   * Unreadable bodies and invalid fields. With the first platform version Boot's own problem-details
   * handler shadowed the platform's for these (400 without a Fundflow type), so intake answers them
   * itself, with the platform's types and without echoing the body (it may hold national IDs).
   */
  @ExceptionHandler(ServerWebInputException.class)
  public ResponseEntity<ProblemDetail> input(ServerWebInputException e) {
    if (e instanceof WebExchangeBindException bind) {
      ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid fields.");
      body.setType(Problems.type("validation"));
      body.setTitle("Invalid request");
      List<Map<String, Object>> errors = new ArrayList<>();
      bind.getFieldErrors().forEach(f -> errors.add(Map.of("field", f.getField(),
          "message", String.valueOf(f.getDefaultMessage()))));
      bind.getGlobalErrors().forEach(g -> errors.add(Map.of("field", g.getObjectName(),
          "message", String.valueOf(g.getDefaultMessage()))));
      body.setProperty("errors", errors);
      return ResponseEntity.badRequest().body(body);
    }
    if (causedBy(e, DataBufferLimitException.class)) {
      ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
          "The request body is larger than this service accepts.");
      body.setType(Problems.type("payload-too-large"));
      body.setTitle("Payload too large");
      return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(body);
    }
    // the reason only, never the body's content (it may hold national ID numbers)
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        e.getReason() != null ? e.getReason() : "The request could not be read.");
    body.setType(Problems.type("malformed-request"));
    body.setTitle("Malformed request");
    return ResponseEntity.badRequest().body(body);
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  @ExceptionHandler(IllegalArgumentException.class)
  public ResponseEntity<ProblemDetail> badRequest(IllegalArgumentException e) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    body.setType(Problems.type("malformed-request"));
    body.setTitle("Malformed request");
    return ResponseEntity.badRequest().body(body);
  }
}
