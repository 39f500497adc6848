package org.fundflow.platform.problem;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * Every error of every service as an RFC 9457 problem response: validation errors list the
 * fields, unreadable bodies say why, oversize bodies are 413, concurrent changes 409, a store
 * that is down 503 with {@code Retry-After}.
 */
@RestControllerAdvice
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
public class ProblemResponses extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
  static final String RETRY_AFTER_SECONDS = "5";

  @Override
  protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
      HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid fields.");
    body.setType(Problems.type("validation"));
    body.setTitle("Invalid request");
    List<Map<String, Object>> errors = ex.getFieldErrors().stream()
        .map(e -> Map.<String, Object>of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage())))
        .toList();
    List<Map<String, Object>> global = ex.getGlobalErrors().stream()
        .map(e -> Map.<String, Object>of("field", e.getObjectName(), "message", String.valueOf(e.getDefaultMessage())))
        .toList();
    body.setProperty("errors", concat(errors, global));
    return Mono.just(ResponseEntity.badRequest().body(body));
  }

  @Override
  protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
      HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
    if (causedBy(ex, DataBufferLimitException.class)) {
      return Mono.just(problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
          "The request body is larger than this service accepts."));
    }
    String reason = ex.getReason() != null ? ex.getReason() : "unreadable request";
    Throwable root = rootCause(ex);
    String why = root != ex && root.getMessage() != null ? firstLine(root.getMessage()) : reason;
    return Mono.just(problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", why));
  }

  /** Framework-made problems (404, 405, 413, 415 ...) get a Fundflow type instead of about:blank. */
  @Override
  protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
      HttpStatusCode status, ServerWebExchange exchange) {
    if (body == null && ex instanceof org.springframework.web.ErrorResponse errorResponse) {
      body = errorResponse.getBody(); // Spring builds it later otherwise, after our chance to type it
    }
    if (body instanceof ProblemDetail problem
        && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
      problem.setType(Problems.type(slugOf(status)));
    }
    return super.handleExceptionInternal(ex, body, headers, status, exchange);
  }

  private static String slugOf(HttpStatusCode status) {
    return switch (status.value()) {
      case 400 -> "malformed-request";
      case 404 -> "not-found";
      case 405 -> "method-not-allowed";
      case 406 -> "not-acceptable";
      case 413 -> "payload-too-large";
      case 415 -> "unsupported-media-type";
      default -> "http-" + status.value();
    };
  }

  @ExceptionHandler(DataBufferLimitException.class)
  public ResponseEntity<Object> tooLarge(DataBufferLimitException ex) {
    return problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
        "The request body is larger than this service accepts.");
  }

  @ExceptionHandler(OptimisticLockingFailureException.class)
  public ResponseEntity<Object> concurrentChange(OptimisticLockingFailureException ex) {
    return problem(HttpStatus.CONFLICT, "concurrent-change", "Changed by someone else",
        "The record was changed by another request at the same time; reload it and try again.");
  }

  @ExceptionHandler(DuplicateKeyException.class)
  public ResponseEntity<Object> duplicate(DuplicateKeyException ex) {
    return problem(HttpStatus.CONFLICT, "already-exists", "Already exists", "A record with the same identity exists already.");
  }

  @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
  public ResponseEntity<Object> forbidden(RuntimeException ex) {
    return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Your role does not allow this action.");
  }

  @ExceptionHandler({CallNotPermittedException.class, DataAccessResourceFailureException.class, TimeoutException.class})
  public ResponseEntity<Object> unavailable(Exception ex) {
    log.warn("store unavailable: {}", ex.toString());
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
        "The data store is not reachable right now; nothing was changed. Try again shortly.");
    body.setType(Problems.type("store-unavailable"));
    body.setTitle("Temporarily unavailable");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
        .body(body);
  }

  static ResponseEntity<Object> problem(HttpStatus status, String slug, String title, String detail) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setType(Problems.type(slug));
    body.setTitle(title);
    return ResponseEntity.status(status).body(body);
  }

  private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static Throwable rootCause(Throwable ex) {
    Throwable t = ex;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  private static String firstLine(String message) {
    String line = message.lines().findFirst().orElse(message);
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
