package org.fundflow.portal.web.notifications;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.fundflow.portal.format.Times;
import org.fundflow.portal.notifications.Inbox;
import org.fundflow.portal.notifications.Inbox.Cursor;
import org.fundflow.portal.notifications.Notification;
import org.fundflow.portal.notifications.NotificationSignals;
import org.fundflow.portal.notifications.NotificationTexts;
import org.fundflow.portal.preferences.Contacts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The notifications page (newest first, keyset paged, mark as read, mark all as read, the e-mail setting) and the
 * header's live unread count (Server-Sent Events for htmx's sse extension).
 */
@Controller
public class NotificationsController {

  static final int PAGE_SIZE = 20;
  /** The SSE event the header's badge swaps in (sse-swap="unread" in layout.html). */
  static final String UNREAD_EVENT = "unread";
  private static final String CONTACT_REMEMBERED = "notifications.contact-remembered";

  private final Inbox inbox;
  private final NotificationTexts texts;
  private final NotificationSignals signals;
  private final Contacts contacts;
  private final Duration recountEvery;

  public NotificationsController(Inbox inbox, NotificationTexts texts, NotificationSignals signals, Contacts contacts,
      @Value("${portal.notifications.recount-every:20s}") Duration recountEvery) {
    this.inbox = inbox;
    this.texts = texts;
    this.signals = signals;
    this.contacts = contacts;
    this.recountEvery = recountEvery;
  }

  /** One notification as the page shows it. */
  public record NotificationView(String id, String title, String text, String received, boolean unread) {}

  @GetMapping("/notifications")
  Mono<String> page(@RequestParam(required = false) String after, Authentication authentication,
      ServerWebExchange exchange, Model model) {
    Reader reader = Reader.of(authentication);
    Locale locale = exchange.getLocaleContext().getLocale();
    return remember(reader, exchange)
        .then(inbox.page(reader.inboxes(), Cursor.parse(after), PAGE_SIZE + 1).collectList())
        .zipWith(contacts.mailOptOut(reader.subject()))
        .map(found -> {
          List<Notification> list = found.getT1();
          List<Notification> shown = list.subList(0, Math.min(PAGE_SIZE, list.size()));
          model.addAttribute("notifications", shown.stream().map(n -> new NotificationView(n.id(),
              texts.title(n, locale), texts.text(n, locale), Times.dateTime(n.createdAt()),
              !n.readBy(reader.subject()))).toList());
          model.addAttribute("after", Cursor.parse(after).isPresent() ? after : null);
          model.addAttribute("nextCursor", list.size() > PAGE_SIZE ? Cursor.of(shown.get(shown.size() - 1)) : null);
          model.addAttribute("email", reader.email());
          model.addAttribute("mailOn", !found.getT2());
          model.addAttribute("saved", exchange.getRequest().getQueryParams().containsKey("saved"));
          return "notifications/list";
        });
  }

  @PostMapping("/notifications/{id}/read")
  Mono<String> markRead(@PathVariable String id, Authentication authentication) {
    Reader reader = Reader.of(authentication);
    return inbox.markRead(id, reader.inboxes(), reader.subject()).thenReturn("redirect:/notifications");
  }

  @PostMapping("/notifications/read-all")
  Mono<String> markAllRead(Authentication authentication) {
    Reader reader = Reader.of(authentication);
    return inbox.markAllRead(reader.inboxes(), reader.subject()).thenReturn("redirect:/notifications");
  }

  /** The e-mail setting: a checkbox, so its absence from the form means "no e-mail". */
  @PostMapping("/notifications/mail")
  Mono<String> mailSetting(ServerWebExchange exchange, Authentication authentication) {
    Reader reader = Reader.of(authentication);
    return exchange.getFormData()
        .flatMap(form -> contacts.setMailOptOut(reader.subject(), !"on".equals(form.getFirst("mail"))))
        .thenReturn("redirect:/notifications?saved");
  }

  /**
   * The unread count of the user's inboxes: at once, then whenever it changes (a notification for one of its inboxes
   * or a read mark of this user in this instance, or a recount every few seconds for other instances' changes).
   */
  @GetMapping(path = "/notifications/unread", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @ResponseBody
  Flux<ServerSentEvent<String>> unread(Authentication authentication, ServerWebExchange exchange) {
    Reader reader = Reader.of(authentication);
    String ownReads = "USER:" + reader.subject();
    Flux<Object> triggers = Flux.merge(
        Flux.just("now"),
        signals.changes().filter(key -> reader.inboxes().contains(key) || key.equals(ownReads)),
        Flux.interval(recountEvery));
    return remember(reader, exchange)
        .thenMany(triggers.onBackpressureLatest().concatMap(t -> inbox.unread(reader.inboxes(), reader.subject()), 1))
        .distinctUntilChanged()
        .map(count -> ServerSentEvent.builder(String.valueOf(count)).event(UNREAD_EVENT).build());
  }

  /** Once per session: the address and inboxes the e-mails of this user's notifications go to. */
  private Mono<Void> remember(Reader reader, ServerWebExchange exchange) {
    return exchange.getSession().flatMap((WebSession session) -> {
      if (session.getAttributes().putIfAbsent(CONTACT_REMEMBERED, Boolean.TRUE) != null) {
        return Mono.empty();
      }
      return contacts.remember(reader.subject(), reader.email(), reader.inboxes()).onErrorResume(e -> Mono.empty());
    });
  }
}
