package org.fundflow.milestone.domain;

public enum ProgramKind { GENERAL, CHALLENGE, POST_SUBSIDY }
