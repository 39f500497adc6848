package org.fundflow.portal.config;

import org.fundflow.portal.i18n.Languages;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * messages_zh_CN.properties (the default) and messages_en.properties, the same keys, plus one bundle per area of the
 * portal under i18n/ (applicant, manager, integrity, finance, expert, notifications, auditor, notice) so that the areas grow without editing one file.
 * A language without a bundle gets Chinese, never the server's locale.
 */
@Configuration(proxyBeanMethods = false)
public class MessagesConfig {

  /** Every bundle; MessagesTest checks each has the same keys in both languages. */
  public static final String[] BUNDLES = {
    "messages", "i18n/applicant", "i18n/manager", "i18n/integrity", "i18n/finance", "i18n/expert",
    "i18n/notifications", "i18n/auditor", "i18n/notice", "i18n/vouchers"
  };

  @Bean
  MessageSource messageSource() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasenames(BUNDLES);
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    messages.setDefaultLocale(Languages.DEFAULT);
    return messages;
  }
}
