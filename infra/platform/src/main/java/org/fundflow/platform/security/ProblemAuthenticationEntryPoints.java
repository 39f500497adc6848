package org.fundflow.platform.security;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import org.fundflow.platform.problem.Problems;
import reactor.core.publisher.Mono;

/** 401 and 403 from the security filter chain as problem responses too. */
final class ProblemAuthenticationEntryPoints {

  private ProblemAuthenticationEntryPoints() {}

  static ServerAuthenticationEntryPoint unauthenticated() {
    return (exchange, ex) -> write(exchange, HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated",
        "A valid bearer token is required.");
  }

  static ServerAccessDeniedHandler forbidden() {
    return (exchange, ex) -> write(exchange, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
        "Your role does not allow this action.");
  }

  private static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String slug, String title, String detail) {
    var response = exchange.getResponse();
    response.setStatusCode(status);
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    if (status == HttpStatus.UNAUTHORIZED) {
      response.getHeaders().set("WWW-Authenticate", "Bearer");
    }
    String json = "{\"type\":\"" + Problems.TYPE_BASE + slug + "\",\"title\":\"" + title + "\",\"status\":"
        + status.value() + ",\"detail\":\"" + detail + "\",\"instance\":\"" + exchange.getRequest().getPath().value()
            .replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    var buffer = response.bufferFactory().wrap(json.getBytes(StandardCharsets.UTF_8));
    return response.writeWith(Mono.just(buffer));
  }
}
