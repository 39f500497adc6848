package org.fundflow.portal.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The portal's one client registration ({@value ClientsConfig#REGISTRATION}), read from the provider's discovery
 * document when first needed, not at start-up: the portal starts (and shows its login page) while the identity
 * provider is still starting (Keycloak takes a minute). A failed discovery is tried again on the next login. The
 * discovery also brings the provider's {@code end_session_endpoint}, which logout needs.
 *
 * <p>Where the portal reaches the provider at another address than the browser does (docker-compose: the browser at
 * {@code localhost:8180}, the portal at {@code keycloak:8080}), {@code portal.oidc.discovery-uri} names the internal
 * address of the discovery document. Its {@code issuer} (what the tokens carry) is then taken as it is, instead of
 * being required to equal the address it was read from.
 */
public final class OidcRegistration implements ReactiveClientRegistrationRepository {

  private final Settings settings;
  private volatile ClientRegistration registration;

  public OidcRegistration(Settings settings) {
    this.settings = settings;
  }

  @Override
  public Mono<ClientRegistration> findByRegistrationId(String registrationId) {
    if (!ClientsConfig.REGISTRATION.equals(registrationId)) {
      return Mono.empty();
    }
    ClientRegistration known = registration;
    if (known != null) {
      return Mono.just(known);
    }
    return Mono.fromCallable(this::discover).subscribeOn(Schedulers.boundedElastic()).timeout(Duration.ofSeconds(10))
        .doOnNext(r -> registration = r);
  }

  private ClientRegistration discover() {
    ClientRegistration.Builder provider = settings.discoveryUri() == null
        ? ClientRegistrations.fromIssuerLocation(settings.issuerUri())
        : ClientRegistrations.fromOidcConfiguration(DiscoveryDocument.read(settings.discoveryUri()));
    return provider
        .registrationId(ClientsConfig.REGISTRATION)
        .clientId(settings.clientId())
        .clientSecret(settings.clientSecret())
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
        .scope(settings.scopes())
        .userNameAttributeName("sub")
        .build();
  }

  /**
   * {@code portal.oidc.*}: the provider's issuer, optionally the internal address of its discovery document, and the
   * portal's client.
   */
  @ConfigurationProperties("portal.oidc")
  public record Settings(String issuerUri, String discoveryUri, String clientId, String clientSecret,
      List<String> scopes) {
    public Settings {
      scopes = scopes == null || scopes.isEmpty() ? List.of("openid", "profile") : List.copyOf(scopes);
      discoveryUri = discoveryUri == null || discoveryUri.isBlank() ? null : discoveryUri;
    }
  }
}
