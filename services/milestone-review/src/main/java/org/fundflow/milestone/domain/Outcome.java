package org.fundflow.milestone.domain;

public enum Outcome { PASSED, CONDITIONAL, FAILED }
