package org.fundflow.intake.domain;

/** DRAFT (evidence being attached) -> SUBMITTED (with the pledge) -> VERIFIED | REJECTED by the program manager. */
public enum RewardClaimStatus { DRAFT, SUBMITTED, VERIFIED, REJECTED }
