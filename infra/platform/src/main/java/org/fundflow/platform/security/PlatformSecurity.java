package org.fundflow.platform.security;

import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;

/**
 * Every service is an OAuth2 resource server: deny by default, health and API docs open, roles
 * from the token, 401/403 as problem responses. Endpoints state their roles with
 * {@code @PreAuthorize}.
 */
@AutoConfiguration
@EnableWebFluxSecurity
@EnableReactiveMethodSecurity
public class PlatformSecurity {

  @Bean
  @ConditionalOnMissingBean
  SecurityWebFilterChain fundflowSecurity(ServerHttpSecurity http) {
    return http
        .csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .authorizeExchange(ex -> ex
            .pathMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info",
                "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
                "/webjars/**").permitAll()
            .anyExchange().authenticated())
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
   * issuer when one is configured.
   */
  @Bean
  @ConditionalOnMissingBean
  ReactiveJwtDecoder fundflowJwtDecoder(
      @Value("${fundflow.security.jwt.public-key:}") String publicKey,
      @Value("${fundflow.security.jwt.jwk-set-uri:http://localhost:8090/fundflow/jwks}") String jwkSetUri,
      @Value("${fundflow.security.jwt.issuer-uri:}") String issuer) throws Exception {
    NimbusReactiveJwtDecoder decoder;
    if (!publicKey.isBlank()) {
      String base64 = publicKey.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
      RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA")
          .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
      decoder = NimbusReactiveJwtDecoder.withPublicKey(key).build();
    } else {
      decoder = NimbusReactiveJwtDecoder.withJwkSetUri(jwkSetUri).build();
    }
    decoder.setJwtValidator(issuer.isBlank()
        ? JwtValidators.createDefault()
        : new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer)));
    return decoder;
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
