package org.fundflow.journeys;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.fundflow.devstack.oidc.DemoUser;
import org.fundflow.devstack.oidc.OidcProvider;

/**
 * One logged-in browser session of the portal without a browser: an HTTP client with its own cookies that goes
 * through the real login (portal -> provider's login page, authorization code + PKCE -> portal), as the picked demo
 * user, then requests pages.
 */
final class PortalSession {

  private final String portal;
  private final HttpClient client;

  private PortalSession(String portal) {
    this.portal = portal;
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
  }

  static PortalSession login(String portal, String username) {
    DemoUser user = DemoUser.all().stream().filter(u -> u.username().equals(username)).findFirst().orElseThrow();
    PortalSession session = new PortalSession(portal);
    String authorize = session.redirect(session.get(portal + "/oauth2/authorization/fundflow"));
    HttpResponse<String> loginPage = session.get(authorize);
    if (loginPage.statusCode() != 200) {
      throw new IllegalStateException("provider login page answered " + loginPage.statusCode());
    }
    String form = "username=" + encode(user.username()) + "&claims="
        + encode(Http.JSON.writeValueAsString(OidcProvider.loginClaims(user)));
    String callback = session.redirect(session.send(HttpRequest.newBuilder(URI.create(authorize))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))));
    String landing = session.redirect(session.get(callback));
    HttpResponse<String> home = session.get(landing.startsWith("http") ? landing : portal + landing);
    for (int hops = 0; home.statusCode() / 100 == 3 && hops < 3; hops++) { // each role starts in its own area
      landing = session.redirect(home);
      home = session.get(landing);
    }
    if (home.statusCode() != 200) {
      throw new IllegalStateException("after login the portal answered " + home.statusCode() + " at " + landing);
    }
    return session;
  }

  /** A page of the portal; fails unless it answers 200 with HTML. */
  String page(String path) {
    HttpResponse<String> response = get(portal + path);
    if (response.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + response.statusCode());
    }
    return response.body();
  }

  /** A Server-Sent Events stream of the portal as lines, read lazily by whoever consumes the stream. */
  java.util.stream.Stream<String> events(String path) {
    try {
      HttpResponse<java.util.stream.Stream<String>> response = client.send(HttpRequest.newBuilder(URI.create(portal + path))
          .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(path + " answered " + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> get(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET());
  }

  private String redirect(HttpResponse<String> response) {
    if (response.statusCode() / 100 != 3) {
      throw new IllegalStateException(response.uri() + " answered " + response.statusCode() + ", not a redirect");
    }
    String location = response.headers().firstValue("Location").orElseThrow();
    return location.startsWith("/") ? portal + location : location;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(request.timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
