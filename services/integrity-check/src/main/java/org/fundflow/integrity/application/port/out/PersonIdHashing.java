package org.fundflow.integrity.application.port.out;

/** Turns a national ID into the suite-wide keyed hash; the clear ID goes no further. */
public interface PersonIdHashing {
  String hash(String nationalId);

  String mask(String nationalId);
}
