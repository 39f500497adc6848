package org.fundflow.intake.domain.voucher;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.fundflow.intake.domain.CodeRules;
import org.fundflow.intake.domain.IntakeEvent;
import org.fundflow.intake.domain.IntakeRefusal;
import org.fundflow.platform.domain.Change;

/**
 * A science-and-technology service provider (科技服务机构) that vouchers may pay: registered by a SERVICE_PROVIDER user
 * of the organisation, approved (or rejected) by a program manager, then listed publicly by category. One
 * registration per organisation: its id is derived from the organisation code. Read at a version (0 before it is
 * stored), as every aggregate.
 *
 * @param legalRepresentativeIdHash the suite-wide keyed hash of the legal representative's national ID number
 *     (法定代表人, GB 11643), null when the registration did not give it; the number itself is never kept
 */
public record ServiceProvider(String id, String organisationCode, String name, List<ServiceCategory> categories,
    String contact, String legalRepresentativeIdHash, String registeredBy, ProviderStatus status,
    Instant registeredAt, String decidedBy, Instant decidedAt, String decisionNote, long version) {

  public static final String ID_PREFIX = "spv-";

  public ServiceProvider {
    categories = categories == null ? List.of() : List.copyOf(categories);
    LegalRepresentative.requireHash(legalRepresentativeIdHash);
  }

  public static String idOf(String organisationCode) {
    return ID_PREFIX + organisationCode;
  }

  /** A registration without the legal representative (the related-party rule then compares organisation codes only). */
  public static ServiceProvider register(String organisationCode, String name, List<ServiceCategory> categories,
      String contact, String registeredBy, Instant now) {
    return register(organisationCode, name, categories, contact, null, registeredBy, now);
  }

  /**
   * A registration: the organisation code checked (GB 32100), at least one category; the legal representative only
   * as the keyed hash of the ID number (checked and hashed by the caller, never passed here in clear).
   */
  public static ServiceProvider register(String organisationCode, String name, List<ServiceCategory> categories,
      String contact, String legalRepresentativeIdHash, String registeredBy, Instant now) {
    CodeRules.requireOrganisationCode(organisationCode, "organisationCode");
    if (name == null || name.isBlank()) {
      throw IntakeRefusal.rule("invalid-provider", "Invalid service provider", "a service provider needs a name");
    }
    if (categories == null || categories.isEmpty() || categories.stream().anyMatch(java.util.Objects::isNull)) {
      throw IntakeRefusal.rule("invalid-provider", "Invalid service provider",
          "a service provider offers at least one service category");
    }
    return new ServiceProvider(idOf(organisationCode), organisationCode, name.strip(),
        List.copyOf(new java.util.LinkedHashSet<>(categories)), contact, legalRepresentativeIdHash, registeredBy,
        ProviderStatus.PENDING, now, null, null, null, 0);
  }

  public Change<ServiceProvider, IntakeEvent> approve(String by, Instant now) {
    requirePending("approved");
    ServiceProvider approved = new ServiceProvider(id, organisationCode, name, categories, contact,
        legalRepresentativeIdHash, registeredBy, ProviderStatus.APPROVED, registeredAt, by, now, null, version);
    return Change.of(approved, new IntakeEvent.ServiceProviderApproved(approved, now));
  }

  public Change<ServiceProvider, IntakeEvent> reject(String by, String reason, Instant now) {
    requirePending("rejected");
    if (reason == null || reason.isBlank()) {
      throw IntakeRefusal.rule("reason-required", "Reason required", "a rejection states its reason");
    }
    return Change.quiet(new ServiceProvider(id, organisationCode, name, categories, contact,
        legalRepresentativeIdHash, registeredBy, ProviderStatus.REJECTED, registeredAt, by, now, reason.strip(),
        version));
  }

  /** This state as the store holds it at {@code storedVersion} (the store's answer to a write). */
  public ServiceProvider atVersion(long storedVersion) {
    return new ServiceProvider(id, organisationCode, name, categories, contact, legalRepresentativeIdHash,
        registeredBy, status, registeredAt, decidedBy, decidedAt, decisionNote, storedVersion);
  }

  public boolean offers(ServiceCategory category) {
    return categories.contains(category);
  }

  /** Refuses a contract with this provider unless it is approved and offers the category. */
  public void requireContractable(ServiceCategory category) {
    if (status != ProviderStatus.APPROVED) {
      throw IntakeRefusal.rule("provider-not-approved", "Provider not approved",
          "service provider " + id + " is " + status + ": only approved providers take vouchers",
          Map.of("providerId", id, "providerStatus", status.name()));
    }
    if (!offers(category)) {
      throw IntakeRefusal.rule("category-not-offered", "Category not offered",
          "service provider " + id + " does not offer " + category, Map.of("providerId", id, "category", category.name()));
    }
  }

  private void requirePending(String action) {
    if (status != ProviderStatus.PENDING) {
      throw IntakeRefusal.illegalTransition("Service provider", id, status, action);
    }
  }
}
