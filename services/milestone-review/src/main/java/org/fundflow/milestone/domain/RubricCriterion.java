package org.fundflow.milestone.domain;

/** One criterion of a program's pre-award review rubric and its weight: an expert gives it 0 to weight points. */
public record RubricCriterion(String name, int weight) {}
