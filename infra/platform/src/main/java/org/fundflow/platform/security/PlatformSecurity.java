package org.fundflow.platform.security;

import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;

/**
 * Every service is an OAuth2 resource server: deny by default, health and API docs open, roles
 * from the token, 401/403 as problem responses. Endpoints state their roles with
 * {@code @PreAuthorize}; the filter chain applies them before the request body is read ({@link EndpointRoles}),
 * so a role that may not use an endpoint gets 403 whatever it sends.
 */
@AutoConfiguration
@EnableWebFluxSecurity
@EnableReactiveMethodSecurity
public class PlatformSecurity {

  /** Tokens remembered as verified, ~2 KB each: a service's users within a few minutes. */
  private static final int VERIFIED_TOKENS_HELD = 10_000;

  @Bean
  @ConditionalOnMissingBean
  SecurityWebFilterChain fundflowSecurity(ServerHttpSecurity http,
      ObjectProvider<RequestMappingHandlerMapping> handlerMappings,
      @Value("${fundflow.security.public-get-paths:}") String[] publicGetPaths) {
    // a service's own public reads (e.g. intake's /public/award-notices): GET without a token
    String[] open = java.util.Arrays.stream(publicGetPaths).map(String::strip).filter(p -> !p.isEmpty())
        .toArray(String[]::new);
    if (open.length > 0) {
      http.authorizeExchange(ex -> ex.pathMatchers(HttpMethod.GET, open).permitAll());
    }
    return http
        .csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .authorizeExchange(ex -> ex
            .pathMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info",
                "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
                "/webjars/**").permitAll()
            // public lists (e.g. project-intake's approved service providers, issue 18): GET only, no login
            .pathMatchers(HttpMethod.GET, "/public/**").permitAll()
            // authenticated, and the controller method's @PreAuthorize roles checked before the body is read
            .anyExchange().access(new EndpointRoles(handlerMappings)))
        .oauth2ResourceServer(rs -> rs
            .jwt(jwt -> jwt.jwtAuthenticationConverter(new JwtRoles()))
            .authenticationEntryPoint(ProblemAuthenticationEntryPoints.unauthenticated())
            .accessDeniedHandler(ProblemAuthenticationEntryPoints.forbidden()))
        .exceptionHandling(e -> e
            .authenticationEntryPoint(ProblemAuthenticationEntryPoints.unauthenticated())
            .accessDeniedHandler(ProblemAuthenticationEntryPoints.forbidden()))
        .build();
  }

  /**
   * A fixed public key ({@code fundflow.security.jwt.public-key}, PEM or base64 X.509: tests) or
   * the identity provider's JWKS ({@code fundflow.security.jwt.jwk-set-uri}), checking the
   * issuer and the audience ({@code fundflow.security.jwt.audience}: this service's client id
   * must be in {@code aud}) when they are configured. Unset, neither is checked: the devstack's
   * mock provider and the tests' tokens carry no per-service audience. A verified token's signature is not checked
   * again for {@code fundflow.security.jwt.verified-lifetime} (5 minutes): {@link VerifiedTokens}.
   */
  @Bean
  @ConditionalOnMissingBean
  ReactiveJwtDecoder fundflowJwtDecoder(
      @Value("${fundflow.security.jwt.public-key:}") String publicKey,
      @Value("${fundflow.security.jwt.jwk-set-uri:http://localhost:8090/fundflow/jwks}") String jwkSetUri,
      @Value("${fundflow.security.jwt.issuer-uri:}") String issuer,
      @Value("${fundflow.security.jwt.audience:}") String audience,
      @Value("${fundflow.security.jwt.verified-lifetime:5m}") Duration verifiedLifetime) throws Exception {
    NimbusReactiveJwtDecoder decoder;
    if (!publicKey.isBlank()) {
      String base64 = publicKey.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
      RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA")
          .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
      decoder = NimbusReactiveJwtDecoder.withPublicKey(key).build();
    } else {
      decoder = NimbusReactiveJwtDecoder.withJwkSetUri(jwkSetUri).build();
    }
    OAuth2TokenValidator<Jwt> validator = validator(issuer, audience);
    decoder.setJwtValidator(validator);
    return new VerifiedTokens(decoder, validator, verifiedLifetime, VERIFIED_TOKENS_HELD, Clock.systemUTC());
  }

  static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
    List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
    validators.add(issuer.isBlank() ? JwtValidators.createDefault() : JwtValidators.createDefaultWithIssuer(issuer));
    if (!audience.isBlank()) {
      validators.add(new JwtAudienceValidator(audience.strip()));
    }
    return new DelegatingOAuth2TokenValidator<>(validators);
  }

  @Bean
  WebFluxConfigurer callerArgument() {
    return new WebFluxConfigurer() {
      @Override
      public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
        configurer.addCustomResolver(new CallerArgumentResolver());
      }
    };
  }
}
