package org.fundflow.milestone.config;

import java.math.BigDecimal;
import java.time.Duration;
import org.fundflow.milestone.domain.DecisionPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code fundflow.review.*}: the decision thresholds and the rectification period. */
@ConfigurationProperties("fundflow.review")
public record ReviewProperties(BigDecimal passThreshold, BigDecimal conditionalThreshold, Integer dropExtremesFrom,
    Duration rectificationPeriod) {

  public DecisionPolicy policy() {
    DecisionPolicy d = DecisionPolicy.DEFAULT;
    return new DecisionPolicy(
        passThreshold != null ? passThreshold : d.passThreshold(),
        conditionalThreshold != null ? conditionalThreshold : d.conditionalThreshold(),
        dropExtremesFrom != null ? dropExtremesFrom : d.dropExtremesFrom(),
        rectificationPeriod != null ? rectificationPeriod : d.rectificationPeriod());
  }
}
