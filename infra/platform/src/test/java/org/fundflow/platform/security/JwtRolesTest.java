package org.fundflow.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class JwtRolesTest {

  private static Jwt jwt(Map<String, Object> claims) {
    Jwt.Builder b = Jwt.withTokenValue("t").header("alg", "RS256").subject("alice")
        .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
    claims.forEach(b::claim);
    return b.build();
  }

  private static List<String> roles(Jwt jwt) {
    return JwtRoles.authorities(jwt).stream().map(GrantedAuthority::getAuthority).toList();
  }

  @Test
  void givenARolesClaim_thenEachRoleIsAnAuthority() {
    assertThat(roles(jwt(Map.of("roles", List.of("APPLICANT", "AUDITOR"))))).containsExactly("ROLE_APPLICANT", "ROLE_AUDITOR");
  }

  @Test
  void givenKeycloakRealmAccess_thenItsRolesAreAuthorities() {
    assertThat(roles(jwt(Map.of("realm_access", Map.of("roles", List.of("FINANCE_APPROVER", "offline_access"))))))
        .containsExactly("ROLE_FINANCE_APPROVER");
  }

  @Test
  void givenNoRoleClaim_thenNoAuthorityAtAll() {
    assertThat(roles(jwt(Map.of("scope", "openid")))).isEmpty();
  }

  @Test
  void givenALowerCaseOrInjectedRoleName_thenItIsIgnored() {
    assertThat(roles(jwt(Map.of("roles", List.of("admin", "ROLE_X) or true", "EXPERT"))))).containsExactly("ROLE_EXPERT");
  }

  @Test
  void callerCarriesTheOrganisationClaim() {
    Jwt token = jwt(Map.of("roles", List.of("APPLICANT"), "org_code", "91120112MNH91HTMX6", "name", "Li Wei"));
    Caller caller = Caller.from(new JwtRoles().convert(token).block());
    assertThat(caller.organisationCode()).isEqualTo("91120112MNH91HTMX6");
    assertThat(caller.name()).isEqualTo("Li Wei");
    assertThat(caller.hasRole("APPLICANT")).isTrue();
    assertThat(caller.hasRole("AUDITOR")).isFalse();
  }
}
