package org.fundflow.platform.security;

import java.net.URI;
import org.fundflow.platform.problem.ProblemTypes;
import org.fundflow.platform.problem.ProblemTypes.ProblemType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 from the security filter chain as problem responses too: a {@link ProblemDetail} written as the
 * controllers' problems are (Spring's ProblemDetail mix-in), the types from {@link ProblemTypes}.
 */
final class ProblemAuthenticationEntryPoints {

  private static final JsonMapper JSON = JsonMapper.builder()
      .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();

  private ProblemAuthenticationEntryPoints() {}

  static ServerAuthenticationEntryPoint unauthenticated() {
    return (exchange, ex) -> write(exchange, ProblemTypes.UNAUTHENTICATED, "A valid bearer token is required.");
  }

  static ServerAccessDeniedHandler forbidden() {
    return (exchange, ex) -> write(exchange, ProblemTypes.FORBIDDEN, "Your role does not allow this action.");
  }

  static ProblemDetail body(ProblemType type, String detail, String path) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(type.status()), detail);
    body.setType(type.uri());
    body.setTitle(type.title());
    body.setInstance(URI.create(path)); // the raw (encoded) path: always a valid URI reference
    return body;
  }

  private static Mono<Void> write(ServerWebExchange exchange, ProblemType type, String detail) {
    var response = exchange.getResponse();
    response.setStatusCode(HttpStatus.valueOf(type.status()));
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    if (type.status() == HttpStatus.UNAUTHORIZED.value()) {
      response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
    byte[] json = JSON.writeValueAsBytes(body(type, detail, exchange.getRequest().getURI().getRawPath()));
    return response.writeWith(Mono.just(response.bufferFactory().wrap(json)));
  }
}
