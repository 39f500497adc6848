package org.fundflow.milestone.domain;

public enum ProjectStatus { ACTIVE, COMPLETED, TERMINATED }
