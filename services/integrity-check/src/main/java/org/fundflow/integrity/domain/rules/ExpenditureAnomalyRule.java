package org.fundflow.integrity.domain.rules;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.fundflow.integrity.domain.Evidence;
import org.fundflow.integrity.domain.Flag;
import org.fundflow.integrity.domain.Ids;
import org.fundflow.integrity.domain.RuleRef;
import org.fundflow.integrity.domain.Severity;
import org.fundflow.integrity.domain.Subject;

/**
 * EXPENDITURE_ANOMALY v1, two checks:
 * <ol>
 *   <li>claimed increase: an expenditure claim whose R&amp;D increase (this year − last year) is
 *       more than {@code increaseFactor} × the mean increase of the organisation's earlier claims
 *       (earlier fiscal years); without earlier claims, when this year's spend is more than
 *       {@code increaseFactor} × last year's;</li>
 *   <li>cumulative subsidies: the subsidies released to the organisation across all programs
 *       exceed {@code cumulativeCapFen} (one flag per organisation and cap).</li>
 * </ol>
 */
public final class ExpenditureAnomalyRule {

  public static final RuleRef RULE = RuleRef.EXPENDITURE_ANOMALY;

  public record Settings(double increaseFactor, long cumulativeCapFen) {
    public Settings {
      if (increaseFactor <= 1) {
        throw new IllegalArgumentException("increase factor must be above 1");
      }
      if (cumulativeCapFen <= 0) {
        throw new IllegalArgumentException("cumulative cap must be positive");
      }
    }
  }

  public record Claim(String eventId, String claimId, String programId, String organisationCode, int fiscalYear,
      long expenditureThisYearFen, long expenditureLastYearFen) {
    public long increaseFen() {
      return expenditureThisYearFen - expenditureLastYearFen;
    }
  }

  public record Release(String eventId, String disbursementId, String programId, String organisationCode,
      long amountFen) {}

  private final Settings settings;

  public ExpenditureAnomalyRule(Settings settings) {
    this.settings = settings;
  }

  public Settings settings() {
    return settings;
  }

  public Optional<Flag> evaluateClaim(Claim claim, List<Claim> history, Instant now) {
    List<Claim> earlier = history.stream()
        .filter(h -> !h.claimId().equals(claim.claimId()) && h.fiscalYear() < claim.fiscalYear()).toList();
    long increase = claim.increaseFen();
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("claimId", claim.claimId());
    values.put("programId", claim.programId());
    values.put("fiscalYear", claim.fiscalYear());
    values.put("expenditureThisYearFen", claim.expenditureThisYearFen());
    values.put("expenditureLastYearFen", claim.expenditureLastYearFen());
    values.put("increaseFen", increase);
    values.put("factor", settings.increaseFactor());
    String explanation;
    if (!earlier.isEmpty()) {
      double mean = earlier.stream().mapToLong(Claim::increaseFen).average().orElse(0);
      values.put("historicalMeanIncreaseFen", Math.round(mean));
      values.put("historicalClaimIds", earlier.stream().map(Claim::claimId).toList());
      if (mean <= 0 || increase <= settings.increaseFactor() * mean) {
        return Optional.empty();
      }
      explanation = String.format(Locale.ROOT, "claimed increase %d fen is %.1f x the mean increase %d fen of %d earlier claim(s); limit %.1f x",
          increase, increase / mean, Math.round(mean), earlier.size(), settings.increaseFactor());
    } else {
      long last = claim.expenditureLastYearFen();
      if (last <= 0 || claim.expenditureThisYearFen() <= settings.increaseFactor() * last) {
        return Optional.empty();
      }
      explanation = String.format(Locale.ROOT, "no earlier claims: this year's R&D spend %d fen is %.1f x last year's %d fen; limit %.1f x",
          claim.expenditureThisYearFen(), (double) claim.expenditureThisYearFen() / last, last, settings.increaseFactor());
    }
    values.put("explanation", explanation);
    Subject org = Subject.organisation(claim.organisationCode());
    return Optional.of(new Flag(Ids.derived("flag", RULE.toString(), org.key(), "claim", claim.claimId()), RULE, org,
        Severity.MEDIUM, List.of(new Evidence(claim.eventId(), "fundflow.subsidy.expenditure-claim-submitted.v1",
            explanation, values)), now));
  }

  /** @param releasedTotalFen the organisation's released subsidies including this release */
  public Optional<Flag> evaluateRelease(Release release, long releasedTotalFen, Instant now) {
    if (releasedTotalFen <= settings.cumulativeCapFen()) {
      return Optional.empty();
    }
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("disbursementId", release.disbursementId());
    values.put("programId", release.programId());
    values.put("amountFen", release.amountFen());
    values.put("releasedTotalFen", releasedTotalFen);
    values.put("cumulativeCapFen", settings.cumulativeCapFen());
    String explanation = "subsidies released to " + release.organisationCode() + " across programs total "
        + releasedTotalFen + " fen, above the cap of " + settings.cumulativeCapFen() + " fen";
    values.put("explanation", explanation);
    Subject org = Subject.organisation(release.organisationCode());
    return Optional.of(new Flag(Ids.derived("flag", RULE.toString(), org.key(), "cumulative",
        String.valueOf(settings.cumulativeCapFen())), RULE, org, Severity.HIGH,
        List.of(new Evidence(release.eventId(), "fundflow.subsidy.disbursement-released.v1", explanation, values)), now));
  }
}
