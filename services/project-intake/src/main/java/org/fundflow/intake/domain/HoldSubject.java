package org.fundflow.intake.domain;

public enum HoldSubject { ORGANISATION, PERSON }
