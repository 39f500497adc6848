package org.fundflow.milestone.domain;

/** ACTIVE; SUSPENDED by a program manager (no reports, no reviews, no payments) until resumed; closed as COMPLETED or TERMINATED. */
public enum ProjectStatus { ACTIVE, SUSPENDED, COMPLETED, TERMINATED }
