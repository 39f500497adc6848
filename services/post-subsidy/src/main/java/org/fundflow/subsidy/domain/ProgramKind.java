package org.fundflow.subsidy.domain;

public enum ProgramKind { GENERAL, CHALLENGE, POST_SUBSIDY, REWARD }
