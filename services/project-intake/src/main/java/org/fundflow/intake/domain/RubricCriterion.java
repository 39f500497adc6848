package org.fundflow.intake.domain;

/** One criterion of a program's review rubric and its weight (the most points an expert gives on it). */
public record RubricCriterion(String name, int weight) {}
