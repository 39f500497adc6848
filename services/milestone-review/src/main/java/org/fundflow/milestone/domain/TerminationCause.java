package org.fundflow.milestone.domain;

/** Why a project was terminated: a panel's FAILED decision, or a program manager's decision with a reason. */
public enum TerminationCause { MILESTONE_FAILED, MANAGER_DECISION }
