package org.fundflow.portal.config;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code portal.services.<name>.url} and {@code .timeout} per service; {@code portal.secure-cookie} marks the session
 * cookie Secure (set it behind TLS).
 */
@ConfigurationProperties("portal")
public record PortalProperties(Map<String, Endpoint> services, boolean secureCookie) {

  public PortalProperties {
    services = services == null ? Map.of() : Map.copyOf(services);
  }

  public Endpoint service(String name) {
    Endpoint endpoint = services.get(name);
    if (endpoint == null) {
      throw new IllegalStateException("no portal.services." + name + ".url configured");
    }
    return endpoint;
  }

  public record Endpoint(String url, Duration timeout) {
    public Endpoint {
      timeout = timeout == null ? Duration.ofSeconds(3) : timeout;
    }
  }
}
