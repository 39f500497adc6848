package org.fundflow.platform.problem;

/**
 * One entry of a problem's {@code errors[]}: the wrong value's JSON path in the body ({@code team[1].organisationCode})
 * or the name of the query parameter, path variable or header, and what is wrong with it. Never the value itself.
 */
public record FieldProblem(String field, String message) {}
