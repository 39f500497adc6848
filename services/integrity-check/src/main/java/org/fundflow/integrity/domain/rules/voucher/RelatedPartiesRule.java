package org.fundflow.integrity.domain.rules.voucher;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fundflow.integrity.domain.Evidence;
import org.fundflow.integrity.domain.Flag;
import org.fundflow.integrity.domain.Ids;
import org.fundflow.integrity.domain.RuleRef;
import org.fundflow.integrity.domain.Severity;
import org.fundflow.integrity.domain.Subject;

/**
 * VOUCHER_RELATED_PARTIES v2 (创新券, issue 18 point 2): the provider a voucher is used with and the enterprise are
 * related parties, so the voucher would pay the enterprise's own side. HIGH.
 * <ul>
 *   <li>v1 compared the organisation codes only: the provider is the enterprise itself.</li>
 *   <li>v2 also flags the same legal representative (法定代表人): the provider's registration and the enterprise's
 *       voucher application named the same person, i.e. {@code voucher-contracted} carries two equal keyed hashes of
 *       the ID numbers. Absent on either side (it is optional), the relation is not evaluated; the number itself
 *       never reaches this service.</li>
 * </ul>
 * The evidence names the relation(s) that matched ({@code relations}: {@code SAME_ORGANISATION_CODE},
 * {@code SAME_LEGAL_REPRESENTATIVE}) and never carries an ID number nor its hash. Flagged: the provider (the payee)
 * and, when it is another organisation, the enterprise too, so that an officer can hold either. One flag per
 * organisation and voucher whatever the version: the id is derived as in v1.
 */
public final class RelatedPartiesRule {

  public static final RuleRef RULE = RuleRef.VOUCHER_RELATED_PARTIES;
  public static final String SAME_ORGANISATION_CODE = "SAME_ORGANISATION_CODE";
  public static final String SAME_LEGAL_REPRESENTATIVE = "SAME_LEGAL_REPRESENTATIVE";

  /** The v1 rule's name in flag ids: a replay under v2 finds the flag v1 raised for the same voucher. */
  private static final String FLAG_ID_RULE = "VOUCHER_RELATED_PARTIES v1";

  public List<Flag> evaluate(VoucherFacts.Contract c, Instant now) {
    List<String> relations = relations(c);
    if (relations.isEmpty()) {
      return List.of();
    }
    boolean sameCode = relations.contains(SAME_ORGANISATION_CODE);
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("voucherId", c.voucherId());
    values.put("programId", c.programId());
    values.put("enterpriseOrganisationCode", c.enterpriseCode());
    values.put("providerId", c.providerId());
    values.put("providerOrganisationCode", c.providerCode());
    values.put("relation", String.join(" and ", relations.stream().map(RelatedPartiesRule::describe).toList()));
    values.put("relations", relations);
    String why = sameCode
        ? "which is the enterprise itself" + (relations.size() > 1 ? " (and has the same legal representative)" : "")
        : "whose legal representative is also the legal representative of enterprise " + c.enterpriseCode()
            + " (as the provider's registration and the voucher application gave them)";
    Evidence evidence = new Evidence(c.eventId(), c.eventType(), "voucher " + c.voucherId() + " was contracted with "
        + "provider " + c.providerName() + " (" + c.providerCode() + "), " + why, values);
    List<Flag> flags = new ArrayList<>();
    Subject provider = Subject.organisation(c.providerCode());
    flags.add(flag(provider, c.voucherId(), evidence, now));
    if (!sameCode) {
      flags.add(flag(Subject.organisation(c.enterpriseCode()), c.voucherId(), evidence, now));
    }
    return flags;
  }

  /** The relations that hold between the contract's provider and enterprise, in a fixed order. */
  static List<String> relations(VoucherFacts.Contract c) {
    List<String> relations = new ArrayList<>();
    if (c.providerCode() != null && c.providerCode().equals(c.enterpriseCode())) {
      relations.add(SAME_ORGANISATION_CODE);
    }
    if (c.providerLegalRepresentativeHash() != null
        && c.providerLegalRepresentativeHash().equals(c.enterpriseLegalRepresentativeHash())) {
      relations.add(SAME_LEGAL_REPRESENTATIVE);
    }
    return relations;
  }

  private static String describe(String relation) {
    return SAME_ORGANISATION_CODE.equals(relation) ? "same organisation code" : "same legal representative";
  }

  private static Flag flag(Subject subject, String voucherId, Evidence evidence, Instant now) {
    return new Flag(Ids.derived("flag", FLAG_ID_RULE, subject.key(), voucherId), RULE, subject, Severity.HIGH,
        List.of(evidence), now);
  }
}
