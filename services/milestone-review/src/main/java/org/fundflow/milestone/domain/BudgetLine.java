package org.fundflow.milestone.domain;

/** One line of a project's budget (a category and its amount in fen). */
public record BudgetLine(String category, long amountFen) {}
