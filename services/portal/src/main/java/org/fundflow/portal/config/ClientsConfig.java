package org.fundflow.portal.config;

import org.fundflow.platform.application.Correlation;
import org.fundflow.platform.correlation.CorrelationLogContext;
import org.fundflow.platform.correlation.CorrelationWebFilter;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import reactor.core.publisher.Mono;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fundflow.portal.client.ServiceClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.reactive.function.client.ServerOAuth2AuthorizedClientExchangeFilterFunction;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/**
 * One {@link ServiceClient} per service: token relay, connect/response timeouts, its own circuit breaker (the
 * registry and its settings: resilience4j-spring-boot4, {@code resilience4j.circuitbreaker.configs.default}).
 */
@Configuration(proxyBeanMethods = false)
public class ClientsConfig {

  public static final String REGISTRATION = "fundflow";

  @Bean
  ReactiveOAuth2AuthorizedClientManager authorizedClientManager(ReactiveClientRegistrationRepository registrations,
      ServerOAuth2AuthorizedClientRepository authorizedClients) {
    DefaultReactiveOAuth2AuthorizedClientManager manager =
        new DefaultReactiveOAuth2AuthorizedClientManager(registrations, authorizedClients);
    manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
        .authorizationCode().refreshToken().build());
    return manager;
  }

  /**
   * The correlation id of each request ({@code X-Correlation-Id}, or a fresh {@code req-} id) in its Reactor context and
   * the log context: the platform's filter, declared here since the portal does not take the platform's
   * auto-configuration (it is no service); {@link #CORRELATION} passes it on to the services.
   */
  @Bean
  CorrelationWebFilter correlationWebFilter() {
    CorrelationLogContext.register();
    return new CorrelationWebFilter();
  }

  @Bean
  ServiceClients serviceClients(PortalProperties properties, ReactiveOAuth2AuthorizedClientManager manager,
      CircuitBreakerRegistry breakers) {
    Map<String, ServiceClient> clients = new LinkedHashMap<>();
    Map<String, ServiceClient> anonymous = new LinkedHashMap<>();
    for (String name : ServiceClients.NAMES) {
      PortalProperties.Endpoint endpoint = properties.service(name);
      ServerOAuth2AuthorizedClientExchangeFilterFunction relay =
          new ServerOAuth2AuthorizedClientExchangeFilterFunction(manager);
      relay.setDefaultClientRegistrationId(REGISTRATION);
      HttpClient http = HttpClient.create()
          .option(io.netty.channel.ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(2000, endpoint.timeout().toMillis()))
          .responseTimeout(endpoint.timeout());
      WebClient web = WebClient.builder()
          .baseUrl(endpoint.url())
          .clientConnector(new ReactorClientHttpConnector(http))
          .filter(relay)
          .filter(CORRELATION)
          .build();
      clients.put(name, new ServiceClient(name, web, breakers.circuitBreaker(name), endpoint.timeout()));
      WebClient publicWeb = WebClient.builder().baseUrl(endpoint.url()).clientConnector(new ReactorClientHttpConnector(http))
          .filter(CORRELATION).build();
      anonymous.put(name, new ServiceClient(name, publicWeb, breakers.circuitBreaker(name + "-public"),
          endpoint.timeout()));
    }
    return new ServiceClients(clients, anonymous);
  }

  /**
   * Every call carries the correlation id of the user's request ({@code X-Correlation-Id}, from the Reactor context the
   * platform's {@code CorrelationWebFilter} filled), so that one user action can be followed across the services' logs.
   */
  static final ExchangeFilterFunction CORRELATION = (request, next) -> Mono.deferContextual(context ->
      next.exchange(Correlation.current(context)
          .filter(id -> !request.headers().containsHeader(CorrelationWebFilter.HEADER))
          .map(id -> ClientRequest.from(request).header(CorrelationWebFilter.HEADER, id).build())
          .orElse(request)));

  /**
   * The four clients by service name, each also without token relay for the services' public reads ({@code
   * /public/...}: a visitor has no token), behind its own breaker.
   */
  public record ServiceClients(Map<String, ServiceClient> byName, Map<String, ServiceClient> anonymousByName) {
    public static final java.util.List<String> NAMES =
        java.util.List.of("project-intake", "milestone-review", "post-subsidy", "integrity-check");

    public ServiceClient get(String name) {
      return byName.get(name);
    }

    public ServiceClient anonymous(String name) {
      return anonymousByName.get(name);
    }
  }
}
