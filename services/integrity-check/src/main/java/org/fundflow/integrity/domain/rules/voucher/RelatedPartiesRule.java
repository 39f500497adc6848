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
 * VOUCHER_RELATED_PARTIES v1: the provider a voucher is used with is the enterprise itself (the same unified social
 * credit code), so the voucher would pay the enterprise its own invoice. HIGH. The legal representatives are not
 * compared: no event carries them yet (see the service README).
 */
public final class RelatedPartiesRule {

  public static final RuleRef RULE = RuleRef.VOUCHER_RELATED_PARTIES;

  public Optional<Flag> evaluate(VoucherFacts.Contract c, Instant now) {
    if (c.providerCode() == null || !c.providerCode().equals(c.enterpriseCode())) {
      return Optional.empty();
    }
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("voucherId", c.voucherId());
    values.put("programId", c.programId());
    values.put("enterpriseOrganisationCode", c.enterpriseCode());
    values.put("providerId", c.providerId());
    values.put("providerOrganisationCode", c.providerCode());
    values.put("relation", "same organisation code");
    Subject provider = Subject.organisation(c.providerCode());
    Evidence evidence = new Evidence(c.eventId(), c.eventType(), "voucher " + c.voucherId() + " was contracted with "
        + "provider " + c.providerName() + " (" + c.providerCode() + "), which is the enterprise itself", values);
    return Optional.of(new Flag(Ids.derived("flag", RULE.toString(), provider.key(), c.voucherId()), RULE, provider,
        Severity.HIGH, List.of(evidence), now));
  }
}
