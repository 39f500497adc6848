package org.fundflow.subsidy.domain;

import java.util.List;

/** The subsidy and every step of how it was reached, readable by a person. */
public record SubsidyCalculation(long subsidyFen, List<String> steps) {

  public SubsidyCalculation {
    steps = List.copyOf(steps);
  }

  public String explanation() {
    return String.join("; ", steps);
  }
}
