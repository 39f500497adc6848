package org.fundflow.intake.application.port.out;

/** An aggregate as loaded, with the version its next write must expect. */
public record Versioned<T>(T value, long version) {}
