package org.fundflow.platform.domain;

/**
 * What may be kept of a national ID number (GB 11643): the suite-wide keyed hash to match a person by, and a masked
 * form to show; the clear number goes no further. One port for every service (the platform's
 * {@code PersonIdHasher#protection()} implements it), since it is the suite's rule, not one service's.
 */
public interface PersonIdProtection {

  /** The suite-wide keyed hash: the same person gives the same value in every service. */
  String hash(String nationalId);

  /** The first four and last four characters, the rest starred. */
  String mask(String nationalId);
}
