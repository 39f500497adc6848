package org.fundflow.portal.web;

import org.fundflow.portal.client.ProblemMessages;
import org.fundflow.portal.client.ServiceProblem;
import org.fundflow.portal.client.ServiceUnavailable;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A whole page that cannot be shown: a localized page in the portal's layout (with the user and the language switcher,
 * as on every page), with the right status. Never the service's JSON, never a stack trace.
 */
@ControllerAdvice
public class PageErrors {

  private final ProblemMessages problems;

  public PageErrors(ProblemMessages problems) {
    this.problems = problems;
  }

  @ExceptionHandler(ServiceProblem.class)
  Mono<Rendering> problem(ServiceProblem problem, ServerWebExchange exchange) {
    if (problem.notFound() || problem.status() == 403) {
      // a record of another organisation is "not found", as the service says: the portal does not reveal it exists
      return page(exchange, Rendering.view("not-found").status(HttpStatus.NOT_FOUND));
    }
    return page(exchange, Rendering.view("problem").modelAttribute("messageKey", problems.key(problem))
        .status(HttpStatus.valueOf(problem.status())));
  }

  @ExceptionHandler(ServiceUnavailable.class)
  Mono<Rendering> unavailable(ServiceUnavailable e, ServerWebExchange exchange) {
    return page(exchange, Rendering.view("unavailable").modelAttribute("service", e.service())
        .status(HttpStatus.SERVICE_UNAVAILABLE));
  }

  /** The model of every page (PortalModel's attributes are not applied to an exception handler's view). */
  private static Mono<Rendering> page(ServerWebExchange exchange, Rendering.Builder<?> view) {
    var uri = exchange.getRequest().getURI();
    view.modelAttribute("currentPath", uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    Mono<CsrfToken> csrf = exchange.getAttribute(CsrfToken.class.getName());
    Mono<Void> withCsrf = csrf == null ? Mono.empty() : csrf.doOnNext(t -> view.modelAttribute("_csrf", t)).then();
    Mono<Void> withUser = exchange.getPrincipal()
        .filter(OAuth2AuthenticationToken.class::isInstance)
        .doOnNext(p -> view.modelAttribute("user", PortalModel.UserView.of((OAuth2AuthenticationToken) p)))
        .then();
    return withCsrf.then(withUser).then(Mono.fromSupplier(view::build));
  }
}
