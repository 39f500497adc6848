package org.fundflow.platform.problem;

import org.springframework.http.MediaType;
import org.fundflow.platform.domain.Refusal;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.fundflow.platform.domain.ConcurrentChange;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.UncategorizedMongoDbException;
import org.fundflow.platform.resilience.StoreFailure;
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
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

/**
 * Every error of every service as an RFC 9457 problem response: invalid input of any kind (a
 * constraint, a value of the wrong type, an unknown enum constant, a missing parameter) is 400
 * {@code validation} with {@code errors[]} of {@code {field, message}} naming each wrong value by its
 * JSON path or parameter name; broken JSON is 400 {@code malformed-request}; oversize bodies are 413,
 * concurrent changes 409, a store that is down 503 with {@code Retry-After}, and the services' domain refusals
 * ({@link Refusal}) by their kind. Runs before the services' own advice, so these look the same in every service.
 */
@RestControllerAdvice
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
public class ProblemResponses extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
  static final String RETRY_AFTER_SECONDS = "5";
  private static final StoreFailure STORE_FAILURE = new StoreFailure();

  /** Invalid fields of a body: {@code errors[]} of {@code {field, message}}, the field as the JSON path of the value. */
  @Override
  protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
      HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
    Class<?> target = ex.getMethodParameter() != null ? ex.getMethodParameter().getParameterType()
        : ex.getTarget() != null ? ex.getTarget().getClass() : null;
    List<FieldProblem> errors = new ArrayList<>();
    ex.getFieldErrors().forEach(e -> errors.add(new FieldProblem(JsonPaths.of(target, e.getField()),
        String.valueOf(e.getDefaultMessage()))));
    ex.getGlobalErrors().forEach(e -> errors.add(new FieldProblem(e.getObjectName(), String.valueOf(e.getDefaultMessage()))));
    return Mono.just(Problems.invalidFieldsResponse(errors));
  }

  /** Invalid parameters (query, path, header) checked by constraints on the controller method's parameters. */
  @Override
  protected Mono<ResponseEntity<Object>> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
      HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
    List<FieldProblem> errors = new ArrayList<>();
    for (ParameterValidationResult result : ex.getParameterValidationResults()) {
      String name = RequestInputs.name(result.getMethodParameter());
      if (result instanceof ParameterErrors bean) {
        Class<?> type = result.getMethodParameter().getParameterType();
        bean.getFieldErrors().forEach(e -> errors.add(new FieldProblem(JsonPaths.of(type, e.getField()),
            String.valueOf(e.getDefaultMessage()))));
        bean.getGlobalErrors().forEach(e -> errors.add(new FieldProblem(name, String.valueOf(e.getDefaultMessage()))));
      } else {
        String field = result.getContainerIndex() != null ? name + "[" + result.getContainerIndex() + "]" : name;
        result.getResolvableErrors().forEach(e -> errors.add(new FieldProblem(field, String.valueOf(e.getDefaultMessage()))));
      }
    }
    ex.getCrossParameterValidationResults().forEach(e -> errors.add(new FieldProblem("", String.valueOf(e.getDefaultMessage()))));
    return Mono.just(Problems.invalidFieldsResponse(errors));
  }

  /** A required query parameter, header or path variable that is missing: 400 naming it. */
  @Override
  protected Mono<ResponseEntity<Object>> handleMissingRequestValueException(MissingRequestValueException ex,
      HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
    return Mono.just(Problems.invalidFieldsResponse(List.of(new FieldProblem(ex.getName(), "is required (" + ex.getLabel() + ")"))));
  }

  /**
   * Unreadable input. A value of the wrong type (a string for a number, a number for a string, an unknown enum
   * constant, a fraction for a whole number, a number beyond its range, a date that is none) is a 400 naming the
   * field and the type expected, in a body or in a query parameter; broken JSON is a 400 saying where. Never the
   * value itself: it may be a national ID.
   */
  @Override
  protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
      HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
    if (causedBy(ex, DataBufferLimitException.class)) {
      return Mono.just(problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
          "The request body is larger than this service accepts."));
    }
    TypeMismatchException mismatch = cause(ex, TypeMismatchException.class);
    if (mismatch != null) {
      String name = ex.getMethodParameter() != null ? RequestInputs.name(ex.getMethodParameter())
          : String.valueOf(mismatch.getPropertyName());
      return Mono.just(Problems.invalidFieldsResponse(List.of(new FieldProblem(name,
          JsonPaths.expected(mismatch.getRequiredType())))));
    }
    JacksonException json = cause(ex, JacksonException.class);
    if (json != null) {
      return Mono.just(JsonPaths.problem(json));
    }
    String reason = ex.getReason();
    String detail = reason == null || reason.startsWith("Failed to read HTTP message")
        ? "The request body could not be read." : reason;
    if ("No request body".equals(reason)) {
      detail = "A request body is required.";
    }
    return Mono.just(problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", detail));
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

  /** Every service's refusals ({@link Refusal}): one kind, one status; the slug names the problem type. */
  @ExceptionHandler(Refusal.class)
  public ResponseEntity<Object> refused(Refusal refusal) {
    HttpStatus status = switch (refusal.kind()) {
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case FORBIDDEN -> HttpStatus.FORBIDDEN;
      case CONFLICT -> HttpStatus.CONFLICT;
      case PRECONDITION_FAILED -> HttpStatus.PRECONDITION_FAILED;
      case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
    };
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, refusal.detail());
    body.setType(Problems.type(refusal.slug()));
    body.setTitle(refusal.title());
    refusal.properties().forEach(body::setProperty);
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
  }

  @ExceptionHandler(DataBufferLimitException.class)
  public ResponseEntity<Object> tooLarge(DataBufferLimitException ex) {
    return problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
        "The request body is larger than this service accepts.");
  }

  /** A stale version whose retries are spent: the platform's {@link ConcurrentChange} (or Spring's own). */
  @ExceptionHandler({ConcurrentChange.class, OptimisticLockingFailureException.class})
  public ResponseEntity<Object> concurrentChange(RuntimeException ex) {
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

  /**
   * A driver failure Spring could not name (e.g. a connection pool paused after another operation's connection
   * failed, under load): the store's 503 when it is a store failure ({@link StoreFailure}), else as any other error.
   */
  @ExceptionHandler(UncategorizedMongoDbException.class)
  public ResponseEntity<Object> uncategorizedStoreError(UncategorizedMongoDbException ex) {
    if (STORE_FAILURE.test(ex)) {
      return unavailable(ex);
    }
    throw ex;
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

  private static <T extends Throwable> T cause(Throwable ex, Class<T> type) {
    for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
