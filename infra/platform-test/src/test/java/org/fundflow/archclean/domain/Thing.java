package org.fundflow.archclean.domain;

import java.util.List;
import org.fundflow.platform.national.OrganisationCode;

/** Keeps the domain rule: java.* and the national code checks (the one platform package a domain may use). */
public record Thing(String id, List<String> tags, String ownerCode) {
  public boolean ownedByAValidOrganisation() {
    return OrganisationCode.isValid(ownerCode);
  }
}
