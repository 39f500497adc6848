package org.fundflow.platform.security;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling: the token's subject, display name, roles and — for applicants and experts —
 * the organisation they belong to ({@code org_code} claim).
 */
public record Caller(String subject, String name, Set<String> roles, String organisationCode, String organisationName) {

  public static final String ORG_CODE_CLAIM = "org_code";
  public static final String ORG_NAME_CLAIM = "org_name";

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  public static Caller from(Authentication authentication) {
    Set<String> roles = authentication.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith(JwtRoles.ROLE_PREFIX))
        .map(a -> a.substring(JwtRoles.ROLE_PREFIX.length()))
        .collect(Collectors.toUnmodifiableSet());
    if (authentication.getPrincipal() instanceof Jwt jwt) {
      String name = jwt.getClaimAsString("name");
      if (name == null) {
        name = jwt.getClaimAsString("preferred_username");
      }
      return new Caller(jwt.getSubject(), name != null ? name : jwt.getSubject(), roles,
          jwt.getClaimAsString(ORG_CODE_CLAIM), jwt.getClaimAsString(ORG_NAME_CLAIM));
    }
    return new Caller(authentication.getName(), authentication.getName(), roles, null, null);
  }
}
