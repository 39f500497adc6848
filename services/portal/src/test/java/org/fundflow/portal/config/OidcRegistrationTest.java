package org.fundflow.portal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

/**
 * The portal behind docker-compose reads Keycloak's discovery document at keycloak:8080 while the browser and the
 * tokens know it as localhost:8180: the registration keeps the public issuer and authorization endpoint and uses the
 * internal token and key endpoints.
 */
class OidcRegistrationTest {

  private static final String PUBLIC = "http://localhost:8180/realms/fundflow";
  private HttpServer provider;
  private String internal;

  @BeforeEach
  void start() throws Exception {
    provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    internal = "http://127.0.0.1:" + provider.getAddress().getPort() + "/realms/fundflow";
    String document = """
        {"issuer": "%1$s",
         "authorization_endpoint": "%1$s/protocol/openid-connect/auth",
         "token_endpoint": "%2$s/protocol/openid-connect/token",
         "jwks_uri": "%2$s/protocol/openid-connect/certs",
         "userinfo_endpoint": "%2$s/protocol/openid-connect/userinfo",
         "end_session_endpoint": "%1$s/protocol/openid-connect/logout",
         "response_types_supported": ["code"],
         "subject_types_supported": ["public"],
         "id_token_signing_alg_values_supported": ["RS256"]}
        """.formatted(PUBLIC, internal);
    provider.createContext("/realms/fundflow/.well-known/openid-configuration", exchange -> {
      byte[] body = document.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    provider.start();
  }

  @AfterEach
  void stop() {
    provider.stop(0);
  }

  @Test
  void aDiscoveryAddressKeepsThePublicIssuerAndUsesTheInternalBackChannel() {
    OidcRegistration registrations = new OidcRegistration(new OidcRegistration.Settings(PUBLIC,
        internal + "/.well-known/openid-configuration", "portal", "portal-secret", List.of("openid", "profile")));

    ClientRegistration registration = registrations.findByRegistrationId(ClientsConfig.REGISTRATION).block();

    assertThat(registration).isNotNull();
    assertThat(registration.getProviderDetails().getIssuerUri()).isEqualTo(PUBLIC);
    assertThat(registration.getProviderDetails().getAuthorizationUri()).startsWith(PUBLIC);
    assertThat(registration.getProviderDetails().getTokenUri()).startsWith(internal);
    assertThat(registration.getProviderDetails().getJwkSetUri()).startsWith(internal);
    assertThat(registration.getProviderDetails().getConfigurationMetadata())
        .containsEntry("end_session_endpoint", PUBLIC + "/protocol/openid-connect/logout");
    assertThat(registration.getClientId()).isEqualTo("portal");
  }

  @Test
  void withoutOneTheIssuerMustAnswerAtItsOwnAddress() {
    OidcRegistration registrations = new OidcRegistration(new OidcRegistration.Settings(internal, null, "portal",
        "portal-secret", List.of("openid")));

    assertThatThrownBy(() -> registrations.findByRegistrationId(ClientsConfig.REGISTRATION).block())
        .hasMessageContaining("issuer");
  }

  @Test
  void aDocumentWithoutAnIssuerIsRefused() {
    provider.createContext("/empty", exchange -> {
      byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    OidcRegistration registrations = new OidcRegistration(new OidcRegistration.Settings(PUBLIC,
        "http://127.0.0.1:" + provider.getAddress().getPort() + "/empty", "portal", "s", List.of("openid")));

    assertThatThrownBy(() -> registrations.findByRegistrationId(ClientsConfig.REGISTRATION).block())
        .hasMessageContaining("names no issuer");
  }
}
