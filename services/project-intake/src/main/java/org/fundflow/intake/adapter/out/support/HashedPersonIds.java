package org.fundflow.intake.adapter.out.support;

import org.fundflow.intake.application.port.out.PersonIds;
import org.fundflow.platform.privacy.PersonIdHasher;

/** The suite-wide keyed hash (HMAC-SHA256) and mask of the platform. */
public final class HashedPersonIds implements PersonIds {

  private final PersonIdHasher hasher;

  public HashedPersonIds(PersonIdHasher hasher) {
    this.hasher = hasher;
  }

  @Override
  public String hash(String nationalId) {
    return hasher.hash(nationalId);
  }

  @Override
  public String mask(String nationalId) {
    return PersonIdHasher.mask(nationalId);
  }
}
