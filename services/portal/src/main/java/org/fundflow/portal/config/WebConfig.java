package org.fundflow.portal.config;

import org.fundflow.portal.i18n.PortalLocaleResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.i18n.LocaleContextResolver;

@Configuration(proxyBeanMethods = false)
public class WebConfig {

  /** Replaces Boot's Accept-Language resolver (same bean name). */
  @Bean(name = WebHttpHandlerBuilder.LOCALE_CONTEXT_RESOLVER_BEAN_NAME)
  LocaleContextResolver localeContextResolver() {
    return new PortalLocaleResolver();
  }

  @Bean
  java.time.Clock clock() {
    return java.time.Clock.systemUTC();
  }
}
