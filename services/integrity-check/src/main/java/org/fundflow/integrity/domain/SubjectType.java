package org.fundflow.integrity.domain;

/** Whom a flag, case or hold is about. */
public enum SubjectType {
  /** identified by its unified social credit code */
  ORGANISATION,
  /** identified by the keyed hash of the national ID, never the ID itself */
  PERSON
}
