package org.fundflow.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import tools.jackson.databind.json.JsonMapper;

class ProblemAuthenticationEntryPointsTest {

  @Test
  void givenNoToken_whenRefused_then401ProblemWithTheRequestPathAsInstanceEscapedAsJson() {
    MockServerWebExchange exchange = MockServerWebExchange.from(
        MockServerHttpRequest.method(HttpMethod.GET, URI.create("/cases/a%22b%5C/decision")).build());

    ProblemAuthenticationEntryPoints.unauthenticated().commence(exchange, null).block();

    assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(401);
    assertThat(exchange.getResponse().getHeaders().getFirst("WWW-Authenticate")).isEqualTo("Bearer");
    Map<String, Object> body = read(exchange);
    assertThat(body).containsEntry("type", "https://fundflow.org/problems/unauthenticated")
        .containsEntry("status", 401).containsEntry("title", "Unauthenticated")
        .containsEntry("instance", "/cases/a%22b%5C/decision").doesNotContainKey("properties");
  }

  @Test
  void givenWrongRole_whenRefused_then403Problem() {
    MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/disbursements"));

    ProblemAuthenticationEntryPoints.forbidden().handle(exchange, null).block();

    Map<String, Object> body = read(exchange);
    assertThat(body).containsEntry("type", "https://fundflow.org/problems/forbidden").containsEntry("status", 403)
        .containsEntry("detail", "Your role does not allow this action.");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> read(MockServerWebExchange exchange) {
    return JsonMapper.shared().readValue(exchange.getResponse().getBodyAsString().block(), Map.class);
  }
}
