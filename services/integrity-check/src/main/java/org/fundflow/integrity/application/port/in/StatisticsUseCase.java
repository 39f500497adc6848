package org.fundflow.integrity.application.port.in;

import java.util.List;
import org.fundflow.integrity.domain.Severity;
import reactor.core.publisher.Mono;

/** Figures for the auditors' dashboards (issue 16 point 4), counted in the store. */
public interface StatisticsUseCase {

  /** How many flags name this rule (its code) with this severity. */
  record FlagCount(String rule, Severity severity, long count) {}

  /** @param total the number of flags of every rule and severity */
  record FlagStatistics(List<FlagCount> counts, long total) {}

  /** Every flag ever raised, counted per rule and severity; ordered by rule code, then severity (LOW to CRITICAL). */
  Mono<FlagStatistics> flagsPerRuleAndSeverity();
}
