package org.fundflow.platform.security;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Method;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.authorization.method.PreAuthorizeReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Authorisation before validation. Method security runs when the controller method is invoked, that is after
 * the body was decoded and validated: a role that may not use an endpoint got 400 for a bad body, and learnt
 * about the body's rules. This check runs in the security filter chain, before anything of the body is read:
 * it finds the controller method the request is mapped to and evaluates its {@code @PreAuthorize} (of the method,
 * else of the class) for the caller, so a role that may not use the endpoint gets 403 whatever the body. The
 * annotation stays the one place where an endpoint's roles are written, and method security still applies it
 * again at the invocation. Expressions that need the method's arguments or return value are left to method
 * security. A request no controller method takes as it is (415, 406) is decided by the methods mapped to its path
 * and HTTP method; one that maps to none (404, 405) only needs an authenticated caller.
 */
final class EndpointRoles implements ReactiveAuthorizationManager<AuthorizationContext> {

  private static final AuthorizationDecision GRANTED = new AuthorizationDecision(true);
  private static final AuthorizationDecision DENIED = new AuthorizationDecision(false);

  private final ObjectProvider<RequestMappingHandlerMapping> mappings;
  private final PreAuthorizeReactiveAuthorizationManager preAuthorize = new PreAuthorizeReactiveAuthorizationManager();

  EndpointRoles(ObjectProvider<RequestMappingHandlerMapping> mappings) {
    this.mappings = mappings;
  }

  @Override
  public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
    return authentication
        .filter(a -> a.isAuthenticated() && !(a instanceof AnonymousAuthenticationToken))
        .flatMap(a -> handler(context.getExchange())
            .flatMap(h -> decide(a, h).defaultIfEmpty(GRANTED))
            .switchIfEmpty(Mono.defer(() -> decideByPathAndMethod(a, context.getExchange())))
            .defaultIfEmpty(GRANTED))
        .defaultIfEmpty(DENIED);
  }

  private Mono<HandlerMethod> handler(ServerWebExchange exchange) {
    return Flux.fromStream(mappings.orderedStream())
        .concatMap(m -> m.getHandler(exchange).onErrorResume(e -> Mono.empty()))
        .filter(HandlerMethod.class::isInstance)
        .cast(HandlerMethod.class)
        .next();
  }

  /**
   * No controller method takes the request as it is (a body of a type the endpoint does not consume, an
   * unacceptable response type): the methods mapped to its path and HTTP method decide, so a role that may use
   * none of them gets 403 rather than 415/406. Granted when there is none (404, 405 follow) or one grants.
   */
  private Mono<AuthorizationResult> decideByPathAndMethod(Authentication authentication, ServerWebExchange exchange) {
    return Flux.fromStream(mappings.orderedStream())
        .flatMapIterable(m -> m.getHandlerMethods().entrySet())
        .filter(e -> e.getKey().getPatternsCondition().getMatchingCondition(exchange) != null
            && e.getKey().getMethodsCondition().getMatchingCondition(exchange) != null)
        .map(e -> e.getValue().createWithResolvedBean())
        .concatMap(h -> decide(authentication, h).defaultIfEmpty(GRANTED))
        .any(AuthorizationResult::isGranted)
        .zipWith(Flux.fromStream(mappings.orderedStream())
            .flatMapIterable(m -> m.getHandlerMethods().keySet())
            .any(info -> info.getPatternsCondition().getMatchingCondition(exchange) != null
                && info.getMethodsCondition().getMatchingCondition(exchange) != null))
        .map(t -> t.getT1() || !t.getT2() ? GRANTED : DENIED);
  }

  private Mono<AuthorizationResult> decide(Authentication authentication, HandlerMethod handler) {
    PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
    if (rule == null) {
      rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
    }
    if (rule == null || rule.value().contains("#") || rule.value().contains("returnObject")) {
      return Mono.empty();
    }
    return preAuthorize.authorize(Mono.just(authentication), new Invocation(handler))
        .onErrorResume(e -> Mono.empty()); // an expression this check cannot evaluate: method security decides
  }

  /** The controller method as a not-yet-made call, without arguments. */
  private record Invocation(HandlerMethod handler) implements MethodInvocation {
    @Override
    public Method getMethod() {
      return handler.getMethod();
    }

    @Override
    public Object[] getArguments() {
      return new Object[handler.getMethodParameters().length];
    }

    @Override
    public Object proceed() {
      throw new UnsupportedOperationException("only evaluated, never invoked");
    }

    @Override
    public Object getThis() {
      return handler.getBean();
    }

    @Override
    public AccessibleObject getStaticPart() {
      return handler.getMethod();
    }
  }
}
