package org.fundflow.milestone.domain;

/** What an expert recommends, next to its rubric scores (advisory: the decision follows the mean). */
public enum Recommendation { PASSED, CONDITIONAL, FAILED }
