package org.fundflow.intake.domain;

public enum ProgramStatus { DRAFT, OPEN, CLOSED }
