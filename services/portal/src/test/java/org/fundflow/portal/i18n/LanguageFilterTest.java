package org.fundflow.portal.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fundflow.portal.preferences.Preferences;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpCookie;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.InMemoryWebSessionStore;
import reactor.core.publisher.Mono;

class LanguageFilterTest {

  /** The preference store as the filter sees it: what each user remembered, and who was asked for. */
  static final class RememberedLanguages extends Preferences {
    final Map<String, String> remembered;
    final List<String> asked = new ArrayList<>();

    RememberedLanguages(Map<String, String> remembered) {
      super(null, java.time.Clock.systemUTC());
      this.remembered = remembered;
    }

    @Override
    public Mono<String> language(String subject) {
      asked.add(subject);
      return Mono.justOrEmpty(remembered.get(subject));
    }
  }

  private final WebSession session = new InMemoryWebSessionStore().createWebSession().block();

  private Locale page(LanguageFilter filter, String user, HttpCookie cookie) {
    MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/applicant");
    if (cookie != null) {
      request.cookie(cookie);
    }
    ServerWebExchange exchange = MockServerWebExchange.builder(request.build()).session(session).build()
        .mutate().principal(Mono.just((Principal) () -> user)).build();
    filter.filter(exchange, e -> Mono.empty()).block();
    return exchange.getAttribute(Languages.ATTRIBUTE);
  }

  @Test
  void aUserWithoutARememberedLanguageIsLookedUpOncePerSessionNotOnEveryPage() {
    RememberedLanguages store = new RememberedLanguages(Map.of());
    LanguageFilter filter = new LanguageFilter(store);

    Locale first = page(filter, "applicant", null);
    Locale second = page(filter, "applicant", null);
    Locale withCookie = page(filter, "applicant", new HttpCookie(Languages.COOKIE, "en"));

    assertThat(store.asked).containsExactly("applicant");
    assertThat(first).isNull(); // nothing chosen: the pages use the default, Chinese
    assertThat(second).isNull();
    assertThat(withCookie).isEqualTo(Languages.ENGLISH); // the browser's last pick still counts
  }

  @Test
  void aRememberedLanguageIsLookedUpOnceAndKeptForTheSession() {
    RememberedLanguages store = new RememberedLanguages(Map.of("manager", "en"));
    LanguageFilter filter = new LanguageFilter(store);

    assertThat(page(filter, "manager", null)).isEqualTo(Languages.ENGLISH);
    assertThat(page(filter, "manager", null)).isEqualTo(Languages.ENGLISH);
    assertThat(store.asked).containsExactly("manager");
  }
}
