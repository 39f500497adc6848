package org.fundflow.integrity.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;

/**
 * How long a hold lasts: 1 to 5 years, by default by the severity of the case's worst flag
 * (configurable per severity), counted in Asia/Shanghai calendar years.
 */
public final class HoldPolicy {

  public static final int MIN_YEARS = 1;
  public static final int MAX_YEARS = 5;
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private final Map<Severity, Integer> yearsBySeverity;

  public HoldPolicy(Map<Severity, Integer> yearsBySeverity) {
    EnumMap<Severity, Integer> m = new EnumMap<>(Severity.class);
    m.put(Severity.LOW, 1);
    m.put(Severity.MEDIUM, 2);
    m.put(Severity.HIGH, 3);
    m.put(Severity.CRITICAL, 5);
    if (yearsBySeverity != null) {
      yearsBySeverity.forEach((k, v) -> m.put(k, check(v)));
    }
    this.yearsBySeverity = m;
  }

  public static HoldPolicy defaults() {
    return new HoldPolicy(null);
  }

  public int yearsFor(Severity severity) {
    return yearsBySeverity.get(severity);
  }

  /** The end of a hold starting at {@code start}: the officer's years if given (1-5), else by severity. */
  public Instant endOf(Instant start, Severity severity, Integer officerYears) {
    int years = officerYears != null ? check(officerYears) : yearsFor(severity);
    return start.atZone(ZONE).plusYears(years).toInstant();
  }

  private static int check(int years) {
    if (years < MIN_YEARS || years > MAX_YEARS) {
      throw IntegrityException.rule("hold-period", "a hold lasts 1 to 5 years, not " + years);
    }
    return years;
  }
}
