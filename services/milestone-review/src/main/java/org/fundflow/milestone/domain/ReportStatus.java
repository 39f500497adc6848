package org.fundflow.milestone.domain;

public enum ReportStatus { SUBMITTED, UNDER_REVIEW, DECIDED }
