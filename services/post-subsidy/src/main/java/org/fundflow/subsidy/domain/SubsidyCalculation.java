package org.fundflow.subsidy.domain;

import java.util.List;

/**
 * The subsidy and every step of how it was reached, readable by a person ({@code steps}, English) and as data
 * ({@code notes}, one per step, for readers in other languages).
 */
public record SubsidyCalculation(long subsidyFen, List<String> steps, List<Note> notes) {

  public SubsidyCalculation {
    steps = List.copyOf(steps);
    notes = List.copyOf(notes == null ? List.of() : notes);
  }

  public SubsidyCalculation(long subsidyFen, List<String> steps) {
    this(subsidyFen, steps, List.of());
  }

  public String explanation() {
    return String.join("; ", steps);
  }
}
