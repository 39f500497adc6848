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
 * VOUCHER_CLAIMED_AFTER_EXPIRY v1: a provider's settlement claim dated at or after the voucher's expiry (exclusive end,
 * an Asia/Shanghai day boundary). project-intake refuses such a claim; the rule is the second line, should one pass
 * (a clock, a migration, a bug). MEDIUM, on the provider.
 */
public final class ClaimedAfterExpiryRule {

  public static final RuleRef RULE = RuleRef.VOUCHER_CLAIMED_AFTER_EXPIRY;

  public Optional<Flag> evaluate(VoucherFacts.Redemption r, Instant now) {
    if (r.expiresAt() == null || r.settlementClaimedAt() == null || r.settlementClaimedAt().isBefore(r.expiresAt())) {
      return Optional.empty();
    }
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("voucherId", r.voucherId());
    values.put("programId", r.programId());
    values.put("providerOrganisationCode", r.providerCode());
    values.put("enterpriseOrganisationCode", r.enterpriseCode());
    values.put("expiresAt", r.expiresAt().toString());
    values.put("settlementClaimedAt", r.settlementClaimedAt().toString());
    Subject provider = Subject.organisation(r.providerCode());
    Evidence evidence = new Evidence(r.eventId(), r.eventType(), "provider " + r.providerName() + " claimed the "
        + "settlement of voucher " + r.voucherId() + " at " + r.settlementClaimedAt() + ", after its expiry at "
        + r.expiresAt(), values);
    return Optional.of(new Flag(Ids.derived("flag", RULE.toString(), provider.key(), r.voucherId()), RULE, provider,
        Severity.MEDIUM, List.of(evidence), now));
  }
}
