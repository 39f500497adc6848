package org.fundflow.portal.web;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.reactive.result.view.CsrfRequestDataValueProcessor;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** What every page needs: the CSRF token (for every form and htmx request), the user, the current path. */
@ControllerAdvice
public class PortalModel {

  @ModelAttribute("_csrf")
  Mono<CsrfToken> csrf(ServerWebExchange exchange) {
    Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
    if (token == null) {
      return Mono.empty();
    }
    return token.doOnSuccess(t -> exchange.getAttributes().put(CsrfRequestDataValueProcessor.DEFAULT_CSRF_ATTR_NAME, t));
  }

  @ModelAttribute("user")
  Mono<UserView> user(ServerWebExchange exchange) {
    return exchange.getPrincipal()
        .filter(OAuth2AuthenticationToken.class::isInstance)
        .map(OAuth2AuthenticationToken.class::cast)
        .map(UserView::of);
  }

  /**
   * The query's parameters, one value each: a page's "done" notice after a redirect ({@code ?submitted=1}) reads
   * {@code query.containsKey('submitted')}. Thymeleaf's {@code param.x} is never null under WebFlux, so it cannot
   * say whether a parameter was sent.
   */
  @ModelAttribute("query")
  java.util.Map<String, String> query(ServerWebExchange exchange) {
    return exchange.getRequest().getQueryParams().toSingleValueMap();
  }

  @ModelAttribute("currentPath")
  String currentPath(ServerWebExchange exchange) {
    var uri = exchange.getRequest().getURI();
    return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }

  /** The logged-in person as pages show them. */
  public record UserView(String subject, String name, String organisationCode, String organisationName, Set<String> roles) {

    static UserView of(OAuth2AuthenticationToken token) {
      Set<String> roles = token.getAuthorities().stream().map(GrantedAuthority::getAuthority)
          .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).collect(Collectors.toUnmodifiableSet());
      if (token.getPrincipal() instanceof OidcUser oidc) {
        String name = oidc.getFullName() != null ? oidc.getFullName() : oidc.getPreferredUsername();
        return new UserView(oidc.getSubject(), name == null ? oidc.getSubject() : name,
            oidc.getClaimAsString("org_code"), oidc.getClaimAsString("org_name"), roles);
      }
      return new UserView(token.getName(), token.getName(), null, null, roles);
    }

    public boolean has(String role) {
      return roles.contains(role);
    }
  }
}
