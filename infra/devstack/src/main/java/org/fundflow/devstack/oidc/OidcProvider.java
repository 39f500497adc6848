package org.fundflow.devstack.oidc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;

/**
 * The local OpenID Connect provider: no.nav.security mock-oauth2-server with one issuer
 * ({@value #ISSUER_ID}) and a token callback per demo user, selected by the {@code client_id} form
 * parameter of the token request (client credentials: the curl lines the devstack prints).
 *
 * <p>For people (the portal): the authorization endpoint {@code /fundflow/authorize} shows a login page
 * ({@link LoginPage}) listing the demo users to pick, with the same claims (roles, organisation) as their
 * client-credentials tokens. It requires PKCE ({@code code_challenge}, S256); the token endpoint checks the
 * {@code code_verifier} against it. {@code /fundflow/endsession} ends the login: the provider keeps no
 * session of its own (every authorization request shows the login page again), so it only redirects to the
 * {@code post_logout_redirect_uri}.
 *
 * <pre>java -cp ... org.fundflow.devstack.oidc.OidcProvider [--port 8090] [--host 127.0.0.1] [--exit-on-stdin-eof]</pre>
 */
public final class OidcProvider {

  public static final String ISSUER_ID = "fundflow";
  /** Tokens live a working day: a dev stack should not force re-login every hour. */
  public static final long TOKEN_EXPIRY_SECONDS = 8 * 3600;

  private OidcProvider() {}

  /** Claims of one user's tokens. */
  public static Map<String, Object> claims(DemoUser user) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("sub", user.username());
    claims.put("name", user.displayName());
    claims.put("preferred_username", user.username());
    claims.put("email", user.email());
    claims.put("email_verified", true);
    claims.put("roles", user.roles());
    claims.put("aud", List.of(ISSUER_ID));
    if (user.orgCode() != null) {
      claims.put("org_code", user.orgCode());
      claims.put("org_name", user.orgName());
    }
    return claims;
  }

  /**
   * The claims the login page posts for a user: its token claims without {@code aud}, so that the ID token's
   * audience is the client that asked (OpenID Connect requires it; the portal checks it).
   */
  public static Map<String, Object> loginClaims(DemoUser user) {
    Map<String, Object> claims = claims(user);
    claims.remove("aud");
    return claims;
  }

  /** The mock-oauth2-server JSON configuration (the same format as its JSON_CONFIG variable). */
  public static String configJson(List<DemoUser> users) {
    return configJson(users, null);
  }

  /** With a login page file: interactive login (authorization code flow) for people. */
  public static String configJson(List<DemoUser> users, Path loginPage) {
    List<String> mappings = new ArrayList<>();
    for (DemoUser user : users) {
      mappings.add("{\"requestParam\":\"client_id\",\"match\":" + json(user.username())
          + ",\"claims\":" + json(claims(user)) + "}");
    }
    // any other client_id: a token with sub = client id and no roles (the services deny it everything)
    mappings.add("{\"requestParam\":\"client_id\",\"match\":\"*\",\"claims\":{\"sub\":\"${clientId}\",\"aud\":[\"fundflow\"]}}");
    String login = loginPage == null ? "\"interactiveLogin\":false"
        : "\"interactiveLogin\":true,\"loginPagePath\":" + json(loginPage.toAbsolutePath().toString());
    return "{" + login + ",\"httpServer\":\"NettyWrapper\",\"tokenCallbacks\":[{\"issuerId\":"
        + json(ISSUER_ID) + ",\"tokenExpiry\":" + TOKEN_EXPIRY_SECONDS + ",\"requestMappings\":["
        + String.join(",", mappings) + "]}]}";
  }

  /** The provider with the login page (written to a temporary file) and PKCE required. */
  public static MockOAuth2Server create() {
    try {
      Path page = Files.createTempFile("fundflow-oidc-login", ".html");
      page.toFile().deleteOnExit();
      Files.writeString(page, LoginPage.html(DemoUser.all()), StandardCharsets.UTF_8);
      return new MockOAuth2Server(OAuth2Config.Companion.fromJson(configJson(DemoUser.all(), page)),
          new PkceRequired(ISSUER_ID));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void main(String[] args) throws Exception {
    int port = 8090;
    String host = "127.0.0.1";
    boolean exitOnStdinEof = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(args[++i]);
        case "--host" -> host = args[++i];
        case "--exit-on-stdin-eof" -> exitOnStdinEof = true;
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    MockOAuth2Server server = create();
    server.start(InetAddress.getByName(host), port);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.shutdown();
      stopped.countDown();
    }, "oidc-shutdown"));
    if (exitOnStdinEof) {
      Thread watchdog = new Thread(() -> {
        try {
          while (System.in.read() >= 0) {
            // the parent keeps the pipe open while it lives
          }
        } catch (Exception ignored) {
          // fall through
        }
        System.out.println("OidcProvider: parent gone (stdin closed), stopping");
        System.exit(0);
      }, "parent-watchdog");
      watchdog.setDaemon(true);
      watchdog.start();
    }
    System.out.println("OidcProvider READY issuer=http://localhost:" + port + "/" + ISSUER_ID
        + " users=" + DemoUser.all().stream().map(DemoUser::username).collect(Collectors.joining(",")));
    System.out.flush();
    stopped.await();
  }

  // --- minimal JSON writing (strings, lists, maps): no JSON library on purpose ---

  static String json(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      StringBuilder b = new StringBuilder("\"");
      for (char c : s.toCharArray()) {
        switch (c) {
          case '"' -> b.append("\\\"");
          case '\\' -> b.append("\\\\");
          case '\n' -> b.append("\\n");
          default -> {
            if (c < 0x20) {
              b.append(String.format("\\u%04x", (int) c));
            } else {
              b.append(c);
            }
          }
        }
      }
      return b.append('"').toString();
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    if (value instanceof List<?> list) {
      return list.stream().map(OidcProvider::json).collect(Collectors.joining(",", "[", "]"));
    }
    if (value instanceof Map<?, ?> map) {
      return map.entrySet().stream()
          .map(e -> json(String.valueOf(e.getKey())) + ":" + json(e.getValue()))
          .collect(Collectors.joining(",", "{", "}"));
    }
    throw new IllegalArgumentException("cannot write " + value.getClass());
  }
}
