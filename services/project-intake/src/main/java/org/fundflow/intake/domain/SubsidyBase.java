package org.fundflow.intake.domain;

public enum SubsidyBase { TOTAL, INCREASE }
