package org.fundflow.integrity.config;

import java.time.Duration;
import java.util.Map;
import org.fundflow.integrity.domain.Severity;
import org.fundflow.integrity.domain.rules.TextSimilarity.Measure;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code fundflow.integrity.*}: the rules' settings.
 *
 * @param duplicate DUPLICATE_APPLICATION: shingle size, measure (CONTAINMENT|JACCARD), threshold, severity
 * @param expenditure EXPENDITURE_ANOMALY: increase factor and cumulative cap across programs (fen)
 * @param holdYearsBySeverity default hold years of a confirmed case by its severity (1-5)
 * @param dishonestyHoldYearsWithoutEnd hold length when a list entry has no end date
 * @param holdSweepInterval how often expired holds are lifted
 * @param listScreeningInterval how often list entries that came into force since their import are screened against
 *     the known parties
 * @param voucherOutlier VOUCHER_REDEMPTION_OUTLIER: minimum redemptions, factor over the peers' median, minimum peers
 * @param holdExpiringLead how long before a hold ends by itself it is announced (hold-expiring; default 3 days); the
 *     hold sweep announces it
 */
@ConfigurationProperties("fundflow.integrity")
public record IntegrityProperties(Duplicate duplicate, Expenditure expenditure, Map<Severity, Integer> holdYearsBySeverity,
    Integer dishonestyHoldYearsWithoutEnd, Duration holdSweepInterval, Duration listScreeningInterval,
    VoucherOutlier voucherOutlier, Duration holdExpiringLead) {

  public record Duplicate(Integer shingleSize, Measure measure, Double threshold, Severity severity) {}

  public record Expenditure(Double increaseFactor, Long cumulativeCapFen) {}

  public record VoucherOutlier(Integer minRedemptions, Integer factor, Integer minPeers) {}

  public IntegrityProperties {
    duplicate = duplicate == null ? new Duplicate(null, null, null, null) : duplicate;
    expenditure = expenditure == null ? new Expenditure(null, null) : expenditure;
    holdYearsBySeverity = holdYearsBySeverity == null ? Map.of() : holdYearsBySeverity;
    dishonestyHoldYearsWithoutEnd = dishonestyHoldYearsWithoutEnd == null ? 5 : dishonestyHoldYearsWithoutEnd;
    holdSweepInterval = holdSweepInterval == null ? Duration.ofMinutes(1) : holdSweepInterval;
    listScreeningInterval = listScreeningInterval == null ? Duration.ofMinutes(15) : listScreeningInterval;
    voucherOutlier = voucherOutlier == null ? new VoucherOutlier(null, null, null) : voucherOutlier;
    holdExpiringLead = holdExpiringLead == null ? Duration.ofDays(3) : holdExpiringLead;
  }
}
