package org.fundflow.portal.web.notifications;

import java.util.Set;
import java.util.stream.Collectors;
import org.fundflow.portal.notifications.Recipients;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** The logged-in user as a reader of notifications: who (token subject), the address, the inboxes it reads. */
record Reader(String subject, String email, Set<String> inboxes) {

  static Reader of(Authentication authentication) {
    Set<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).collect(Collectors.toUnmodifiableSet());
    if (authentication.getPrincipal() instanceof OidcUser oidc) {
      return new Reader(oidc.getSubject(), oidc.getEmail(),
          Recipients.of(oidc.getSubject(), roles, oidc.getClaimAsString("org_code")));
    }
    return new Reader(authentication.getName(), null, Recipients.of(authentication.getName(), roles, null));
  }
}
