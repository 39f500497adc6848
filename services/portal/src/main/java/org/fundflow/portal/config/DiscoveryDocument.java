package org.fundflow.portal.config;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** An OpenID provider's discovery document read from a given address (blocking: called on a bounded-elastic thread). */
final class DiscoveryDocument {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private DiscoveryDocument() {
  }

  static Map<String, Object> read(String address) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(address)).timeout(Duration.ofSeconds(5))
        .header("Accept", "application/json").GET().build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("discovery document at " + address + " answered " + response.statusCode());
      }
      Map<String, Object> document = JSON.readValue(response.body(), new TypeReference<Map<String, Object>>() { });
      if (!(document.get("issuer") instanceof String)) {
        throw new IllegalStateException("discovery document at " + address + " names no issuer");
      }
      return document;
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot read the discovery document at " + address, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted reading " + address, e);
    }
  }
}
