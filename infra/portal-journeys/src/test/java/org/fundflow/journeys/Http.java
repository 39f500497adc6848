package org.fundflow.journeys;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Plain HTTP to the services, for seeding what the journeys look at (as the people behind them would have). */
final class Http {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  private Http() {}

  static String token(String issuer, String demoUser) {
    JsonNode body = send(HttpRequest.newBuilder(URI.create(issuer + "/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=" + demoUser
            + "&client_secret=x&scope=fundflow")), 200);
    return body.get("access_token").asString();
  }

  static JsonNode post(String url, String token, Object body, int expected) {
    return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : JSON.writeValueAsString(body))), expected);
  }

  static JsonNode post(String url, String token, Object body, int expected, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : JSON.writeValueAsString(body)));
    headers.forEach(request::header);
    return send(request, expected);
  }

  static JsonNode postCsv(String url, String token, String csv, int expected) {
    return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
        .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv)), expected);
  }

  static JsonNode get(String url, String token) {
    return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET(), 200);
  }

  private static JsonNode send(HttpRequest.Builder request, int expected) {
    try {
      HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(90)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != expected) {
        throw new IllegalStateException(response.statusCode() + " " + response.body());
      }
      return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
