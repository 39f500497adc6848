package org.fundflow.subsidy.domain;

public enum ClaimStatus { SUBMITTED, VERIFIED, REJECTED }
