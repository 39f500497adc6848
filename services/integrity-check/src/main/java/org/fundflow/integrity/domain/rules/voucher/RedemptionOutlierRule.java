package org.fundflow.integrity.domain.rules.voucher;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fundflow.integrity.domain.Evidence;
import org.fundflow.integrity.domain.Flag;
import org.fundflow.integrity.domain.Ids;
import org.fundflow.integrity.domain.RuleRef;
import org.fundflow.integrity.domain.Severity;
import org.fundflow.integrity.domain.Subject;

/**
 * VOUCHER_REDEMPTION_OUTLIER v1: within one voucher program, a provider with at least {@code minRedemptions}
 * redeemed vouchers and at least {@code factor} times the median of its peers (the program's other providers with a
 * redemption; at least {@code minPeers} of them). MEDIUM, on the provider, once per provider and program.
 */
public final class RedemptionOutlierRule {

  public static final RuleRef RULE = RuleRef.VOUCHER_REDEMPTION_OUTLIER;

  public record Settings(int minRedemptions, int factor, int minPeers) {
    public Settings {
      if (minRedemptions < 2 || factor < 2 || minPeers < 1) {
        throw new IllegalArgumentException("at least 2 redemptions, a factor of at least 2 and 1 peer");
      }
    }

    public static Settings defaults() {
      return new Settings(5, 3, 2);
    }
  }

  private final Settings settings;

  public RedemptionOutlierRule(Settings settings) {
    this.settings = settings;
  }

  /** @param redemptionsByProvider the program's redeemed vouchers per provider id, this redemption counted */
  public Optional<Flag> evaluate(VoucherFacts.Redemption r, Map<String, Integer> redemptionsByProvider, Instant now) {
    int own = redemptionsByProvider.getOrDefault(r.providerId(), 0);
    List<Integer> peers = redemptionsByProvider.entrySet().stream()
        .filter(e -> !e.getKey().equals(r.providerId()) && e.getValue() > 0).map(Map.Entry::getValue).sorted().toList();
    if (own < settings.minRedemptions() || peers.size() < settings.minPeers()) {
      return Optional.empty();
    }
    // the median of whole counts, doubled so that an even number of peers needs no fraction
    int n = peers.size();
    int twiceMedian = n % 2 == 1 ? 2 * peers.get(n / 2) : peers.get(n / 2 - 1) + peers.get(n / 2);
    if (2L * own < (long) settings.factor() * twiceMedian) {
      return Optional.empty();
    }
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("programId", r.programId());
    values.put("providerId", r.providerId());
    values.put("providerOrganisationCode", r.providerCode());
    values.put("redemptions", own);
    values.put("peerMedianRedemptions", twiceMedian % 2 == 0 ? String.valueOf(twiceMedian / 2) : (twiceMedian / 2) + ".5");
    values.put("peers", n);
    values.put("factor", settings.factor());
    Subject provider = Subject.organisation(r.providerCode());
    Evidence evidence = new Evidence(r.eventId(), r.eventType(), "provider " + r.providerName() + " has redeemed "
        + own + " vouchers of program " + r.programId() + ", at least " + settings.factor() + " times the median of its "
        + n + " peers (" + values.get("peerMedianRedemptions") + ")", values);
    return Optional.of(new Flag(Ids.derived("flag", RULE.toString(), provider.key(), r.programId()), RULE, provider,
        Severity.MEDIUM, List.of(evidence), now));
  }
}
