package org.fundflow.intake.domain;

public enum ProgramKind { GENERAL, CHALLENGE, POST_SUBSIDY, REWARD }
