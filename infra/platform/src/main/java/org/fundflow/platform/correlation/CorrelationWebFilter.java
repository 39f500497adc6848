package org.fundflow.platform.correlation;

import java.util.UUID;
import org.fundflow.platform.application.Correlation;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Puts the correlation id of each request ({@value #HEADER}, or a fresh {@code req-} id) into the
 * Reactor context of the whole exchange ({@link Correlation}), before security and the controllers run.
 */
public final class CorrelationWebFilter implements WebFilter, Ordered {

  /** The request header a caller may send to name the correlation of what it asks for. */
  public static final String HEADER = "X-Correlation-Id";

  /** Before Spring Security's filter chain (-100), so that a refused request is correlated in the logs too. */
  public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String id = ofRequest(exchange.getRequest().getHeaders().getFirst(HEADER));
    return chain.filter(exchange).contextWrite(Correlation.as(id));
  }

  /** The id of a request: its header when it sent one, else a fresh {@code req-} id. */
  public static String ofRequest(String header) {
    return header == null || header.isBlank() ? "req-" + UUID.randomUUID() : header;
  }

  @Override
  public int getOrder() {
    return ORDER;
  }
}
