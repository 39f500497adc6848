package org.fundflow.devstack.oidc;

import java.nio.charset.StandardCharsets;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;
import okhttp3.Headers;

/**
 * Refuses an authorization request without a PKCE {@code code_challenge} (method S256): the provider
 * verifies the {@code code_verifier} at the token endpoint only when the request carried a challenge, so
 * without this route a client could skip PKCE unnoticed.
 */
final class PkceRequired implements Route {

  private final String authorizePath;

  PkceRequired(String issuerId) {
    this.authorizePath = "/" + issuerId + "/authorize";
  }

  @Override
  public boolean match(OAuth2HttpRequest request) {
    if (!request.getUrl().encodedPath().equals(authorizePath)) {
      return false;
    }
    String challenge = request.getUrl().queryParameter("code_challenge");
    String method = request.getUrl().queryParameter("code_challenge_method");
    return challenge == null || challenge.isBlank() || !"S256".equals(method);
  }

  @Override
  public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
    String body = "{\"error\":\"invalid_request\",\"error_description\":\"PKCE required: code_challenge with "
        + "code_challenge_method=S256\"}";
    return new OAuth2HttpResponse(Headers.of("Content-Type", "application/json"), 400, body, null);
  }
}
