package org.fundflow.portal.notifications;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Who an inbox belongs to. Notifications go to a group — an applicant's organisation ({@code ORG:<code>}) or a role
 * ({@code ROLE:<role>}) — or, when an event names the person, to that user ({@code USER:<token subject>}: an expert
 * put on a panel, whose expert id is its login subject). A user reads the inboxes of its roles, its own and, as an
 * applicant, its organisation's; what it has read is remembered per user.
 */
public final class Recipients {

  private Recipients() {}

  public static String organisation(String code) {
    return "ORG:" + code;
  }

  public static String role(String role) {
    return "ROLE:" + role;
  }

  /** One user's own inbox: the token subject (an expert's id in milestone-review). */
  public static String user(String subject) {
    return "USER:" + subject;
  }

  /** The inboxes of a user: its own (by token subject), its roles' and (applicants only) its organisation's. */
  public static Set<String> of(String subject, Collection<String> roles, String organisationCode) {
    Set<String> keys = of(roles, organisationCode);
    if (subject != null && !subject.isBlank()) {
      keys.add(user(subject));
    }
    return keys;
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
