package org.fundflow.portal.web;

import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockOidcLogin;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fundflow.portal.config.ClientsConfig;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.OidcLoginMutator;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

/**
 * What the page tests share: a logged-in user (an OIDC login as the portal's registration makes it), the client
 * through the real security chain, a stubbed service's JSON or problem answer, a form body, and the properties that
 * point the portal at the stubs and at an in-memory Mongo.
 */
public final class PageTests {

  private PageTests() {}

  /** A user with these roles and its display name. */
  public static OidcLoginMutator login(String subject, String name, String... roles) {
    return login(subject, Map.of("name", name), roles);
  }

  /** A user with these roles and these further ID token claims ({@code name}, {@code org_code}, {@code email}...). */
  public static OidcLoginMutator login(String subject, Map<String, Object> claims, String... roles) {
    ClientRegistration registration = ClientRegistration.withRegistrationId(ClientsConfig.REGISTRATION)
        .clientId("portal").authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
        .authorizationUri("http://idp/authorize").tokenUri("http://idp/token").build();
    Map<String, Object> all = new LinkedHashMap<>(claims);
    all.put("roles", List.of(roles));
    return mockOidcLogin().clientRegistration(registration)
        .idToken(t -> t.subject(subject).claims(c -> c.putAll(all)))
        .authorities(Arrays.stream(roles).map(r -> new SimpleGrantedAuthority("ROLE_" + r))
            .toArray(GrantedAuthority[]::new));
  }

  /** The application through its security chain, waiting up to {@code timeout} for an answer (a loaded machine). */
  public static WebTestClient client(ApplicationContext context, Duration timeout) {
    return WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient()
        .responseTimeout(timeout).build();
  }

  /** A stub's answer: JSON, or a problem from 400 on. */
  public static Mono<Void> json(HttpServerResponse res, int status, String body) {
    return json(res, status, body, null);
  }

  /** A stub's answer with an {@code ETag} (null: none). */
  public static Mono<Void> json(HttpServerResponse res, int status, String body, String etag) {
    HttpServerResponse r = res.status(status).header("Content-Type",
        status >= 400 ? "application/problem+json" : "application/json");
    if (etag != null) {
      r = r.header("ETag", etag);
    }
    return r.sendString(Mono.just(body)).then();
  }

  /** A form posted by {@code who} with its CSRF token. */
  public static WebTestClient.ResponseSpec post(WebTestClient web, OidcLoginMutator who, String path,
      MultiValueMap<String, String> form) {
    return web.mutateWith(who).mutateWith(csrf()).post().uri(path).contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(BodyInserters.fromFormData(form)).exchange();
  }

  /** A form body from name, value pairs (a name may repeat). */
  public static MultiValueMap<String, String> form(String... pairs) {
    MultiValueMap<String, String> m = new LinkedMultiValueMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.add(pairs[i], pairs[i + 1]);
    }
    return m;
  }

  /**
   * The portal's store on the in-memory Mongo at {@code mongo}, these services at {@code url} (one stub standing in
   * for them) with a generous timeout (the stub answers at once; a loaded build machine may not), and an identity
   * provider that is never asked.
   */
  public static void stubbed(DynamicPropertyRegistry registry, InetSocketAddress mongo, String url, String timeout,
      String... services) {
    registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + mongo.getPort() + "/fundflow_portal");
    registry.add("portal.oidc.issuer-uri", () -> "http://127.0.0.1:1/fundflow");
    for (String service : services) {
      registry.add("portal.services." + service + ".url", () -> url);
      registry.add("portal.services." + service + ".timeout", () -> timeout);
    }
  }
}
