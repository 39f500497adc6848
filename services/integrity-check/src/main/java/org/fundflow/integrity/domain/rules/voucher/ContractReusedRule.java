package org.fundflow.integrity.domain.rules.voucher;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fundflow.integrity.domain.Evidence;
import org.fundflow.integrity.domain.Flag;
import org.fundflow.integrity.domain.Ids;
import org.fundflow.integrity.domain.RuleRef;
import org.fundflow.integrity.domain.Severity;
import org.fundflow.integrity.domain.Subject;

/**
 * VOUCHER_CONTRACT_REUSED v1: one contract document (the same SHA-256) backs two or more vouchers. The provider and
 * the enterprise of every voucher after the first are flagged (HIGH), each flag naming all vouchers of that document.
 */
public final class ContractReusedRule {

  public static final RuleRef RULE = RuleRef.VOUCHER_CONTRACT_REUSED;

  /** One voucher contracted with the document. */
  public record Use(String voucherId, String enterpriseCode, String providerCode) {}

  /**
   * @param uses every voucher contracted with this contract's document so far, in the order they were recorded,
   *     this one included
   */
  public List<Flag> evaluate(VoucherFacts.Contract c, List<Use> uses, Instant now) {
    if (c.contractSha256() == null || uses.stream().map(Use::voucherId).distinct().count() < 2
        || uses.get(0).voucherId().equals(c.voucherId())) {
      return List.of();
    }
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("contractDocumentSha256", c.contractSha256());
    values.put("voucherId", c.voucherId());
    values.put("programId", c.programId());
    values.put("vouchers", uses.stream().map(u -> Map.of("voucherId", u.voucherId(),
        "enterpriseOrganisationCode", u.enterpriseCode(), "providerOrganisationCode", u.providerCode())).toList());
    Evidence evidence = new Evidence(c.eventId(), c.eventType(), "the contract document of voucher " + c.voucherId()
        + " (SHA-256 " + c.contractSha256() + ") was already used for voucher " + uses.get(0).voucherId(), values);
    Set<Subject> subjects = new LinkedHashSet<>();
    subjects.add(Subject.organisation(c.providerCode()));
    subjects.add(Subject.organisation(c.enterpriseCode()));
    List<Flag> flags = new ArrayList<>();
    for (Subject s : subjects) {
      flags.add(new Flag(Ids.derived("flag", RULE.toString(), s.key(), c.voucherId()), RULE, s, Severity.HIGH,
          List.of(evidence), now));
    }
    return flags;
  }
}
