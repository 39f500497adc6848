package org.fundflow.devstack.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Date;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The provider configuration gives every demo user a signed token with its roles and organisation. */
class OidcProviderTest {

  static MockOAuth2Server server;
  static String base;
  static JWKSet jwks;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    server = OidcProvider.create();
    server.start(InetAddress.getLoopbackAddress(), port);
    base = "http://localhost:" + port;
    jwks = JWKSet.parse(get(base + "/fundflow/jwks"));
  }

  @AfterAll
  static void stop() {
    server.shutdown();
  }

  @Test
  void discoveryDocumentNamesIssuerAndJwks() throws Exception {
    String discovery = get(base + "/fundflow/.well-known/openid-configuration").replace(" ", "");
    assertThat(discovery).contains("\"issuer\":\"" + base + "/fundflow\"")
        .contains("\"jwks_uri\":\"" + base + "/fundflow/jwks\"");
  }

  @Test
  void everyDemoUserGetsASignedTokenWithItsRolesAndOrganisation() throws Exception {
    assertThat(DemoUser.all()).hasSize(13);
    for (DemoUser user : DemoUser.all()) {
      JWTClaimsSet claims = token(user.username());
      assertThat(claims.getSubject()).as(user.username()).isEqualTo(user.username());
      assertThat(claims.getIssuer()).isEqualTo(base + "/fundflow");
      assertThat(claims.getStringListClaim("roles")).as(user.username()).isEqualTo(user.roles());
      assertThat(claims.getStringClaim("name")).isEqualTo(user.displayName());
      assertThat(claims.getAudience()).containsExactly("fundflow");
      assertThat(claims.getExpirationTime()).isAfter(new Date(System.currentTimeMillis() + 3_600_000));
      assertThat(claims.getStringClaim("org_code")).as(user.username()).isEqualTo(user.orgCode());
      assertThat(claims.getStringClaim("org_name")).isEqualTo(user.orgName());
      assertThat(claims.getStringClaim("email")).isEqualTo(user.email());
    }
  }

  @Test
  void theTwoApplicantsBelongToDifferentOrganisationsAndExpertsToInstitutes() throws Exception {
    assertThat(token("applicant").getStringClaim("org_code")).isEqualTo("91120112MNH91HTMX6");
    assertThat(token("applicant2").getStringClaim("org_code")).isEqualTo("9112000089F2XW550E");
    assertThat(DemoUser.all().stream().filter(u -> u.roles().contains("EXPERT")).map(DemoUser::orgCode).distinct())
        .hasSize(5).doesNotContainNull();
  }

  @Test
  void anUnknownClientGetsATokenWithoutRoles() throws Exception {
    JWTClaimsSet claims = token("somebody-else");
    assertThat(claims.getSubject()).isEqualTo("somebody-else");
    assertThat(claims.getClaim("roles")).isNull(); // deny by default in the services
  }

  private static JWTClaimsSet token(String clientId) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/fundflow/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(
                "grant_type=client_credentials&client_id=" + clientId + "&client_secret=x&scope=fundflow"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    String accessToken = response.body().replaceAll("(?s).*\"access_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    SignedJWT jwt = SignedJWT.parse(accessToken);
    RSAKey key = (RSAKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
    assertThat(key).as("signing key in the JWKS").isNotNull();
    assertThat(jwt.verify(new RSASSAVerifier(key))).as("signature").isTrue();
    return jwt.getJWTClaimsSet();
  }

  private static String get(String url) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(url).isEqualTo(200);
    return response.body();
  }
}
