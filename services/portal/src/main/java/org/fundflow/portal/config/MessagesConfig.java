package org.fundflow.portal.config;

import org.fundflow.portal.i18n.Languages;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * messages_zh_CN.properties (the default) and messages_en.properties, the same keys. A language without a bundle gets
 * Chinese, never the server's locale.
 */
@Configuration(proxyBeanMethods = false)
public class MessagesConfig {

  @Bean
  MessageSource messageSource() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasename("messages");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    messages.setDefaultLocale(Languages.DEFAULT);
    return messages;
  }
}
