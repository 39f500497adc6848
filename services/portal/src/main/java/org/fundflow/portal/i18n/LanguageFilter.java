package org.fundflow.portal.i18n;

import java.security.Principal;
import java.util.Locale;
import org.fundflow.portal.preferences.Preferences;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * Finds the language of this request before anything renders: the session's, else (first request after login) the
 * user's remembered preference, else this browser's last pick (a cookie), else Chinese. Runs after the security filters (it needs the principal).
 */
@Component
@Order(0)
public class LanguageFilter implements WebFilter {

  /** Session attribute: the logged-in user has no remembered language (the store was asked in this session). */
  static final String NOTHING_REMEMBERED = "portal.language.nothing-remembered";

  private final Preferences preferences;

  public LanguageFilter(Preferences preferences) {
    this.preferences = preferences;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String path = exchange.getRequest().getPath().pathWithinApplication().value();
    if (path.startsWith("/webjars/") || path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/actuator")) {
      return chain.filter(exchange);
    }
    return exchange.getSession()
        .flatMap(session -> language(exchange, session))
        .doOnNext(locale -> exchange.getAttributes().put(Languages.ATTRIBUTE, locale))
        .then(chain.filter(exchange));
  }

  private Mono<Locale> language(ServerWebExchange exchange, WebSession session) {
    String tag = session.getAttribute(Languages.ATTRIBUTE);
    if (tag != null) {
      return Mono.justOrEmpty(Languages.of(tag));
    }
    Mono<Locale> fromCookie = Mono.justOrEmpty(exchange.getRequest().getCookies().getFirst(Languages.COOKIE))
        .flatMap(cookie -> Mono.justOrEmpty(Languages.of(cookie.getValue())));
    if (Boolean.TRUE.equals(session.getAttribute(NOTHING_REMEMBERED))) {
      return fromCookie;
    }
    return exchange.getPrincipal()
        .map(Principal::getName)
        .flatMap(subject -> preferences.language(subject)
            .flatMap(remembered -> Mono.justOrEmpty(Languages.of(remembered)))
            .doOnNext(locale -> session.getAttributes().put(Languages.ATTRIBUTE, locale.toLanguageTag()))
            // asked once per session, not on every page (a store round trip before the page's own calls)
            .switchIfEmpty(Mono.fromRunnable(() -> session.getAttributes().put(NOTHING_REMEMBERED, true))))
        .switchIfEmpty(fromCookie);
  }
}
