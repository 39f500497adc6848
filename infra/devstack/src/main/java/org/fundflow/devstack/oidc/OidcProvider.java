package org.fundflow.devstack.oidc;

import java.net.InetAddress;
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
 * parameter of the token request.
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
    claims.put("roles", user.roles());
    claims.put("aud", List.of(ISSUER_ID));
    if (user.orgCode() != null) {
      claims.put("org_code", user.orgCode());
      claims.put("org_name", user.orgName());
    }
    return claims;
  }

  /** The mock-oauth2-server JSON configuration (the same format as its JSON_CONFIG variable). */
  public static String configJson(List<DemoUser> users) {
    List<String> mappings = new ArrayList<>();
    for (DemoUser user : users) {
      mappings.add("{\"requestParam\":\"client_id\",\"match\":" + json(user.username())
          + ",\"claims\":" + json(claims(user)) + "}");
    }
    // any other client_id: a token with sub = client id and no roles (the services deny it everything)
    mappings.add("{\"requestParam\":\"client_id\",\"match\":\"*\",\"claims\":{\"sub\":\"${clientId}\",\"aud\":[\"fundflow\"]}}");
    return "{\"interactiveLogin\":false,\"httpServer\":\"NettyWrapper\",\"tokenCallbacks\":[{\"issuerId\":"
        + json(ISSUER_ID) + ",\"tokenExpiry\":" + TOKEN_EXPIRY_SECONDS + ",\"requestMappings\":["
        + String.join(",", mappings) + "]}]}";
  }

  public static MockOAuth2Server create() {
    return new MockOAuth2Server(OAuth2Config.Companion.fromJson(configJson(DemoUser.all())));
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
