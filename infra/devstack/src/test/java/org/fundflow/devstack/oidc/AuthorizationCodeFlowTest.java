package org.fundflow.devstack.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How the portal logs people in: the login page, authorization code with PKCE, end of session. */
class AuthorizationCodeFlowTest {

  static final String REDIRECT = "http://localhost:8080/login/oauth2/code/fundflow";
  static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk-0123456789";
  static MockOAuth2Server server;
  static String base;
  static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeAll
  static void start() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    server = OidcProvider.create();
    server.start(InetAddress.getLoopbackAddress(), port);
    base = "http://localhost:" + port + "/fundflow";
  }

  @AfterAll
  static void stop() {
    server.shutdown();
  }

  @Test
  void theLoginPageListsEveryDemoUser() throws Exception {
    HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(authorizeUrl(challenge(VERIFIER)))).GET().build());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<html lang=\"zh-CN\">").contains("选择演示用户登录");
    for (DemoUser user : DemoUser.all()) {
      assertThat(page.body()).contains("data-user=\"" + user.username() + "\"");
    }
  }

  @Test
  void aPickedUserGetsTokensWithItsRolesAndOrganisationAfterThePkceCheck() throws Exception {
    String code = login("applicant", challenge(VERIFIER));
    HttpResponse<String> wrong = token(code, "not-the-verifier-not-the-verifier-not-the-verifier-0000");
    assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(400);

    String code2 = login("applicant", challenge(VERIFIER));
    HttpResponse<String> tokens = token(code2, VERIFIER);
    assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
    JWTClaimsSet id = SignedJWT.parse(field(tokens.body(), "id_token")).getJWTClaimsSet();
    JWTClaimsSet access = SignedJWT.parse(field(tokens.body(), "access_token")).getJWTClaimsSet();
    assertThat(id.getSubject()).isEqualTo("applicant");
    assertThat(id.getAudience()).contains("portal");
    assertThat(id.getStringListClaim("roles")).containsExactly("APPLICANT");
    assertThat(access.getSubject()).isEqualTo("applicant");
    assertThat(access.getStringListClaim("roles")).containsExactly("APPLICANT");
    assertThat(access.getStringClaim("org_code")).isEqualTo("91120112MNH91HTMX6");
    assertThat(access.getIssuer()).isEqualTo(base);
  }

  @Test
  void anAuthorizationRequestWithoutPkceIsRefused() throws Exception {
    String url = base + "/authorize?client_id=portal&response_type=code&scope=openid&state=s&nonce=n&redirect_uri="
        + enc(REDIRECT);
    assertThat(send(HttpRequest.newBuilder(URI.create(url)).GET().build()).statusCode()).isEqualTo(400);
  }

  @Test
  void endSessionReturnsToThePortal() throws Exception {
    HttpResponse<String> end = send(HttpRequest.newBuilder(URI.create(base + "/endsession?post_logout_redirect_uri="
        + enc("http://localhost:8080/login?logout"))).GET().build());
    assertThat(end.statusCode()).isEqualTo(302);
    assertThat(end.headers().firstValue("Location")).hasValue("http://localhost:8080/login?logout");
  }

  private static String login(String user, String challenge) throws Exception {
    DemoUser demo = DemoUser.all().stream().filter(u -> u.username().equals(user)).findFirst().orElseThrow();
    HttpResponse<String> redirect = send(HttpRequest.newBuilder(URI.create(authorizeUrl(challenge)))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(form(Map.of("username", user, "claims", OidcProvider.json(OidcProvider.loginClaims(demo))))).build());
    assertThat(redirect.statusCode()).as(redirect.body()).isEqualTo(302);
    String location = redirect.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith(REDIRECT).contains("state=s");
    return location.replaceAll(".*[?&]code=([^&]+).*", "$1");
  }

  private static HttpResponse<String> token(String code, String verifier) throws Exception {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("grant_type", "authorization_code");
    params.put("code", code);
    params.put("redirect_uri", REDIRECT);
    params.put("code_verifier", verifier);
    return send(HttpRequest.newBuilder(URI.create(base + "/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("portal:portal-secret".getBytes(StandardCharsets.UTF_8)))
        .POST(form(params)).build());
  }

  private static String authorizeUrl(String challenge) {
    return base + "/authorize?client_id=portal&response_type=code&scope=openid%20profile&state=s&nonce=n&redirect_uri="
        + enc(REDIRECT) + "&code_challenge=" + challenge + "&code_challenge_method=S256";
  }

  static String challenge(String verifier) throws Exception {
    byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
  }

  private static HttpRequest.BodyPublisher form(Map<String, String> params) {
    return HttpRequest.BodyPublishers.ofString(params.entrySet().stream()
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&")));
  }

  private static String field(String json, String name) {
    return json.replaceAll("(?s).*\"" + name + "\"\\s*:\\s*\"([^\"]+)\".*", "$1");
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static HttpResponse<String> send(HttpRequest request) throws Exception {
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
