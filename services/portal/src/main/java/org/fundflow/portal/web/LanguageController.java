package org.fundflow.portal.web;

import java.net.URI;
import java.security.Principal;
import java.util.Locale;
import org.fundflow.portal.i18n.Languages;
import org.fundflow.portal.preferences.Preferences;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The language switcher on every page: for this session, and remembered for the user when logged in. */
@Controller
public class LanguageController {

  private final Preferences preferences;

  public LanguageController(Preferences preferences) {
    this.preferences = preferences;
  }

  @PostMapping("/language")
  Mono<ResponseEntity<Void>> switchLanguage(@ModelAttribute LanguageForm form, ServerWebExchange exchange) {
    Locale locale = Languages.of(form.lang()).orElse(Languages.DEFAULT);
    String back = form.back();
    Mono<Void> remember = exchange.getPrincipal().map(Principal::getName)
        .flatMap(subject -> preferences.saveLanguage(subject, locale.toLanguageTag()));
    return exchange.getSession()
        .doOnNext(session -> session.getAttributes().put(Languages.ATTRIBUTE, locale.toLanguageTag()))
        .then(remember)
        .then(Mono.fromSupplier(() -> {
          exchange.getResponse().addCookie(ResponseCookie.from(Languages.COOKIE, locale.toLanguageTag())
              .path("/").maxAge(Duration.ofDays(365)).httpOnly(true).sameSite("Lax").build());
          return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(safe(back))).<Void>build();
        }));
  }

  /** Only a path of this site: never an open redirect. */
  static String safe(String back) {
    if (back == null || !back.startsWith("/") || back.startsWith("//") || back.startsWith("/\\") || back.contains("\r")
        || back.contains("\n")) {
      return "/";
    }
    return back;
  }

  /** The switcher's form: the language picked and the page to go back to. */
  public record LanguageForm(String lang, String back) {}
}
