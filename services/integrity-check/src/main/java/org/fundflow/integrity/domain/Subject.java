package org.fundflow.integrity.domain;

import java.util.Objects;

/** An organisation (by its code) or a person (by the keyed hash of the national ID). */
public record Subject(SubjectType type, String id) {

  public Subject {
    Objects.requireNonNull(type, "type");
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("subject id is blank");
    }
  }

  public static Subject organisation(String code) {
    return new Subject(SubjectType.ORGANISATION, code);
  }

  public static Subject person(String personIdHash) {
    return new Subject(SubjectType.PERSON, personIdHash);
  }

  /** The storage key of the subject's integrity record. */
  public String key() {
    return type + ":" + id;
  }
}
