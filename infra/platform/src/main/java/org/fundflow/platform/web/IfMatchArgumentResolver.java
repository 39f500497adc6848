package org.fundflow.platform.web;

import java.util.List;
import org.fundflow.platform.domain.ExpectedVersion;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Lets a controller method take an {@link IfMatch @IfMatch} {@link ExpectedVersion} parameter. */
public final class IfMatchArgumentResolver implements HandlerMethodArgumentResolver {

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == ExpectedVersion.class && parameter.hasParameterAnnotation(IfMatch.class);
  }

  @Override
  public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext,
      ServerWebExchange exchange) {
    boolean required = parameter.getParameterAnnotation(IfMatch.class).required();
    return Mono.fromCallable(() -> resolve(exchange.getRequest().getHeaders().get(HttpHeaders.IF_MATCH), required));
  }

  static ExpectedVersion resolve(List<String> values, boolean required) {
    String value = values == null ? "" : String.join(", ", values.stream().filter(v -> !v.isBlank()).toList());
    if (value.isBlank()) {
      if (required) {
        throw EntityTags.required();
      }
      return ExpectedVersion.any();
    }
    return EntityTags.parseIfMatch(value);
  }
}
