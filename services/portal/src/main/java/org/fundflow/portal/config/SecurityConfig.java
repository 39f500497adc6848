package org.fundflow.portal.config;

import java.net.URI;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import org.springframework.web.server.session.WebSessionIdResolver;

/**
 * Login with OpenID Connect (authorization code + PKCE, always, also for a confidential client), logout that ends the
 * provider's session too, CSRF on every form (Spring Security's default for unsafe methods), and the response headers:
 * a Content-Security-Policy without inline scripts, nosniff, no framing.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfig {

  /** No inline script or style anywhere: htmx and the portal's own script are files under /webjars and /js. */
  public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

  public static final String SESSION_COOKIE = "FUNDFLOW_SESSION";

  @Bean
  ReactiveClientRegistrationRepository clientRegistrations(OidcRegistration.Settings settings) {
    return new OidcRegistration(settings);
  }

  /** The user's tokens live in the web session: they end with it, and two sessions of one user do not share them. */
  @Bean
  ServerOAuth2AuthorizedClientRepository authorizedClients() {
    return new WebSessionServerOAuth2AuthorizedClientRepository();
  }

  @Bean
  SecurityWebFilterChain portalSecurity(ServerHttpSecurity http, ReactiveClientRegistrationRepository registrations) {
    DefaultServerOAuth2AuthorizationRequestResolver pkce = new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
    pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());

    OidcClientInitiatedServerLogoutSuccessHandler providerLogout =
        new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
    providerLogout.setPostLogoutRedirectUri("{baseUrl}/login?logout");
    providerLogout.setLogoutSuccessUrl(URI.create("/login?logout"));

    return http
        .authorizeExchange(ex -> ex
            .pathMatchers(HttpMethod.GET, "/login", "/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/favicon.svg",
                "/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
            .pathMatchers(HttpMethod.POST, "/language").permitAll()
            // the public notice of awards (立项公示) is read without logging in; objecting needs a login
            .pathMatchers(HttpMethod.GET, "/public/notices").permitAll()
            // as is the public list of approved voucher service providers (issue 18)
            .pathMatchers(HttpMethod.GET, "/public/providers").permitAll()
            .pathMatchers("/provider", "/provider/**").hasRole("SERVICE_PROVIDER")
            .pathMatchers("/applicant/**").hasRole("APPLICANT")
            // auditors read; what they may not do is not offered, and integrity-check refuses it (403) if posted anyway
            .pathMatchers("/integrity/**").hasAnyRole("INTEGRITY_OFFICER", "AUDITOR")
            .pathMatchers("/audit", "/audit/**").hasRole("AUDITOR")
            // auditors read the program manager's pages (issue 16 point 4); the forms that change something stay the
            // manager's, the pages offer auditors no action, and the services refuse an auditor's change (403)
            .pathMatchers(HttpMethod.GET, "/manager/programs/new", "/manager/programs/*/edit",
                "/manager/programs/*/challenges/new", "/manager/proposals/*/award",
                "/manager/projects/*/reports/*/panel").hasRole("PROGRAM_MANAGER")
            .pathMatchers(HttpMethod.GET, "/manager", "/manager/**").hasAnyRole("PROGRAM_MANAGER", "AUDITOR")
            .pathMatchers("/manager", "/manager/**").hasRole("PROGRAM_MANAGER")
            // finance staff; who may prepare or release is post-subsidy's to decide (403 if posted anyway). Auditors read
            // the finance pages (issue 16 point 4: queues, payments, budgets, claims, the batch export), are offered no
            // form that changes something, and may post nothing here
            .pathMatchers(HttpMethod.GET, "/finance", "/finance/**")
                .hasAnyRole("FINANCE_OFFICER", "FINANCE_APPROVER", "AUDITOR")
            .pathMatchers("/finance", "/finance/**").hasAnyRole("FINANCE_OFFICER", "FINANCE_APPROVER")
            .pathMatchers("/expert", "/expert/**").hasRole("EXPERT")
            .anyExchange().authenticated())
        // file uploads (multipart forms, e.g. the dishonesty list) carry the token as a form field too
        .csrf(csrf -> csrf.csrfTokenRequestHandler(multipartCsrf()))
        .exceptionHandling(e -> e.authenticationEntryPoint(loginPage()))
        .oauth2Login(login -> login
            .authorizationRequestResolver(pkce)
            .authenticationFailureHandler(new RedirectServerAuthenticationFailureHandler("/login?error")))
        .logout(logout -> logout.logoutSuccessHandler(providerLogout))
        .headers(h -> h
            .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
            .frameOptions(f -> f.mode(Mode.DENY))
            .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)))
        .build();
  }

  /** The default (BREACH-safe, XOR-masked) CSRF token handling, also reading the token from a multipart form. */
  static XorServerCsrfTokenRequestAttributeHandler multipartCsrf() {
    XorServerCsrfTokenRequestAttributeHandler handler = new XorServerCsrfTokenRequestAttributeHandler();
    handler.setTokenFromMultipartDataEnabled(true);
    return handler;
  }

  /**
   * Not logged in: to the login page, with "your session has expired" when the browser still sent a session cookie
   * that names no session any more (it timed out, or the portal restarted).
   */
  static ServerAuthenticationEntryPoint loginPage() {
    RedirectServerAuthenticationEntryPoint fresh = new RedirectServerAuthenticationEntryPoint("/login");
    RedirectServerAuthenticationEntryPoint expired = new RedirectServerAuthenticationEntryPoint("/login?expired");
    return (exchange, e) -> exchange.getSession().flatMap(session -> {
      boolean sentCookie = exchange.getRequest().getCookies().containsKey(SESSION_COOKIE);
      return (sentCookie && !session.isStarted() ? expired : fresh).commence(exchange, e);
    });
  }

  /** The session cookie: HttpOnly, SameSite=Lax, Secure when the portal is served over TLS (portal.secure-cookie). */
  @Bean
  WebSessionIdResolver webSessionIdResolver(PortalProperties properties) {
    CookieWebSessionIdResolver resolver = new CookieWebSessionIdResolver();
    resolver.setCookieName(SESSION_COOKIE);
    resolver.addCookieInitializer(cookie -> cookie.httpOnly(true).sameSite("Lax").secure(properties.secureCookie()).path("/"));
    return resolver;
  }

  /**
   * Roles from the ID token: a {@code roles} claim (the devstack's provider) or Keycloak's
   * {@code realm_access.roles}, as ROLE_ authorities. They only decide what the portal offers: the services decide again.
   */
  @Bean
  GrantedAuthoritiesMapper rolesFromIdToken() {
    return authorities -> {
      Set<GrantedAuthority> mapped = new HashSet<>(authorities);
      for (GrantedAuthority authority : authorities) {
        if (authority instanceof OidcUserAuthority oidc) {
          Map<String, Object> claims = oidc.getIdToken().getClaims();
          roles(claims.get("roles")).forEach(r -> mapped.add(new SimpleGrantedAuthority("ROLE_" + r)));
          if (claims.get("realm_access") instanceof Map<?, ?> realm) {
            roles(realm.get("roles")).forEach(r -> mapped.add(new SimpleGrantedAuthority("ROLE_" + r)));
          }
        }
      }
      return mapped;
    };
  }

  private static List<String> roles(Object claim) {
    if (claim instanceof Collection<?> values) {
      return values.stream().map(String::valueOf).toList();
    }
    return List.of();
  }
}
