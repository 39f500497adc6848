package org.fundflow.portal.i18n;

import java.util.Locale;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.i18n.LocaleContextResolver;

/**
 * The language {@link LanguageFilter} found for this request; Chinese when none (the browser's Accept-Language is not
 * consulted: the district's portal speaks Chinese until the user picks English).
 */
public class PortalLocaleResolver implements LocaleContextResolver {

  @Override
  public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
    Locale locale = exchange.getAttribute(Languages.ATTRIBUTE);
    return new SimpleLocaleContext(locale == null ? Languages.DEFAULT : locale);
  }

  @Override
  public void setLocaleContext(ServerWebExchange exchange, LocaleContext localeContext) {
    if (localeContext != null && localeContext.getLocale() != null) {
      exchange.getAttributes().put(Languages.ATTRIBUTE, localeContext.getLocale());
    }
  }
}
