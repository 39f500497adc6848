package org.fundflow.platform.security;

import org.springframework.core.MethodParameter;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.security.core.Authentication;
import reactor.core.publisher.Mono;

/** Lets a controller method take a {@link Caller} parameter. */
public final class CallerArgumentResolver implements HandlerMethodArgumentResolver {

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == Caller.class;
  }

  @Override
  public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext,
      ServerWebExchange exchange) {
    return exchange.getPrincipal()
        .filter(Authentication.class::isInstance)
        .map(p -> (Object) Caller.from((Authentication) p));
  }
}
