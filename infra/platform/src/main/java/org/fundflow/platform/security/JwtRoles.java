package org.fundflow.platform.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/**
 * Maps a JWT to {@code ROLE_*} authorities from a top-level {@code roles} claim or from
 * Keycloak's {@code realm_access.roles}. Nothing else grants a role.
 */
public final class JwtRoles implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

  public static final String ROLE_PREFIX = "ROLE_";

  @Override
  public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
    return Mono.just(new JwtAuthenticationToken(jwt, authorities(jwt), jwt.getSubject()));
  }

  public static Set<GrantedAuthority> authorities(Jwt jwt) {
    Set<GrantedAuthority> authorities = new LinkedHashSet<>();
    addRoles(jwt.getClaims().get("roles"), authorities);
    Object realmAccess = jwt.getClaims().get("realm_access");
    if (realmAccess instanceof Map<?, ?> realm) {
      addRoles(realm.get("roles"), authorities);
    }
    return authorities;
  }

  private static void addRoles(Object claim, Set<GrantedAuthority> into) {
    Collection<?> values = claim instanceof Collection<?> c ? c
        : claim instanceof String s ? List.of(s.split("[ ,]+")) : List.of();
    for (Object value : values) {
      String role = String.valueOf(value).trim();
      if (role.matches("[A-Z][A-Z_]*")) {
        into.add(new SimpleGrantedAuthority(ROLE_PREFIX + role));
      }
    }
  }
}
