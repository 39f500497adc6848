package org.fundflow.portal.notifications;

import java.time.Duration;
import java.util.Locale;
import org.fundflow.portal.i18n.Languages;
import org.fundflow.portal.preferences.Contacts;
import org.fundflow.portal.preferences.Contacts.Contact;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One e-mail per notification to every user of its inbox who has an address and did not opt out, in that user's
 * language. Claimed per user before sending (Inbox.claimMail), so a redelivered event or a second portal instance
 * never mails twice; a mail the SMTP server refuses is logged and not retried (the notification is on the page).
 */
@Component
public class NotificationMailer {

  private static final Logger log = LoggerFactory.getLogger(NotificationMailer.class);

  private final JavaMailSender sender;
  private final Contacts contacts;
  private final Inbox inbox;
  private final NotificationTexts texts;
  private final MessageSource messages;
  private final String from;
  private final boolean enabled;

  public NotificationMailer(JavaMailSender sender, Contacts contacts, Inbox inbox, NotificationTexts texts,
      MessageSource messages, @Value("${portal.notifications.mail-from}") String from,
      @Value("${portal.notifications.mail:true}") boolean enabled) {
    this.sender = sender;
    this.contacts = contacts;
    this.inbox = inbox;
    this.texts = texts;
    this.messages = messages;
    this.from = from;
    this.enabled = enabled;
  }

  public Mono<Void> mail(Notification notification) {
    if (!enabled) {
      return Mono.empty();
    }
    return contacts.toMail(notification.recipient())
        .concatMap(contact -> inbox.claimMail(notification, contact.subject())
            .filter(Boolean::booleanValue)
            .flatMap(claimed -> send(notification, contact)))
        .then()
        .onErrorResume(e -> {
          log.warn("notification {}: e-mails not sent ({})", notification.id(), e.toString());
          return Mono.empty();
        });
  }

  private Mono<Void> send(Notification notification, Contact contact) {
    Locale locale = Languages.of(contact.language()).orElse(Languages.DEFAULT);
    SimpleMailMessage mail = new SimpleMailMessage();
    mail.setFrom(from);
    mail.setTo(contact.email());
    mail.setSubject(messages.getMessage("notification.mail.subject",
        new Object[] {texts.title(notification, locale)}, locale));
    mail.setText(texts.text(notification, locale) + "\n\n" + messages.getMessage("notification.mail.footer", null, locale));
    return Mono.fromRunnable(() -> sender.send(mail))
        .subscribeOn(Schedulers.boundedElastic())
        .timeout(Duration.ofSeconds(15))
        .doOnError(e -> log.warn("notification {}: no e-mail to user {} ({})", notification.id(), contact.subject(),
            e.toString()))
        .onErrorResume(e -> Mono.empty())
        .then();
  }
}
