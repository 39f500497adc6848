package org.fundflow.milestone.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code fundflow.post-award.*}: how many days before a milestone's due date the reminder goes out (default 7) and
 * how often the due-date sweep runs (default 15 minutes).
 */
@ConfigurationProperties("fundflow.post-award")
public record PostAwardProperties(Integer remindDaysBefore, Duration dueDateSweepInterval) {

  public int remindDays() {
    return remindDaysBefore != null ? remindDaysBefore : 7;
  }

  public Duration sweepInterval() {
    return dueDateSweepInterval != null ? dueDateSweepInterval : Duration.ofMinutes(15);
  }
}
