package org.fundflow.intake.application.port.out;

/** Turns a national ID number into what may be kept: a keyed hash for matching, a masked form for display. */
public interface PersonIds {

  String hash(String nationalId);

  String mask(String nationalId);
}
