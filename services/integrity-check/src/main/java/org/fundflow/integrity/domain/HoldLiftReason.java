package org.fundflow.integrity.domain;

public enum HoldLiftReason { LIFTED_BY_OFFICER, EXPIRED, CASE_DISMISSED, RECOVERY_REPAID }
