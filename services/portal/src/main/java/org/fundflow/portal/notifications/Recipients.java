package org.fundflow.portal.notifications;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Who an inbox belongs to. Notifications go to a group, never to a person the portal would have to know in advance:
 * an applicant's organisation ({@code ORG:<code>}) or a role ({@code ROLE:<role>}). A user reads the inboxes of its
 * roles and, as an applicant, of its organisation; what it has read is remembered per user.
 */
public final class Recipients {

  private Recipients() {}

  public static String organisation(String code) {
    return "ORG:" + code;
  }

  public static String role(String role) {
    return "ROLE:" + role;
  }

  /** The inboxes of a user with these roles and (applicants only) this organisation code. */
  public static Set<String> of(Collection<String> roles, String organisationCode) {
    Set<String> keys = new LinkedHashSet<>();
    roles.forEach(r -> keys.add(role(r)));
    if (roles.contains("APPLICANT") && organisationCode != null && !organisationCode.isBlank()) {
      keys.add(organisation(organisationCode));
    }
    return keys;
  }
}
