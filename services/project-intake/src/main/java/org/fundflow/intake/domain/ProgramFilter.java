package org.fundflow.intake.domain;

/** Which programs a list holds: those of one status, of one kind, or any (null). */
public record ProgramFilter(ProgramStatus status, ProgramKind kind) {

  public static final ProgramFilter ANY = new ProgramFilter(null, null);
}
