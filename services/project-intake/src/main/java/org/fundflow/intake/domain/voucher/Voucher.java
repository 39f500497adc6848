package org.fundflow.intake.domain.voucher;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fundflow.intake.domain.CallWindow;
import org.fundflow.intake.domain.CodeRules;
import org.fundflow.intake.domain.Hold;
import org.fundflow.intake.domain.HoldSubject;
import org.fundflow.intake.domain.IntakeEvent;
import org.fundflow.intake.domain.IntakeRefusal;
import org.fundflow.intake.domain.Pledge;
import org.fundflow.intake.domain.Program;
import org.fundflow.intake.domain.ProgramKind;
import org.fundflow.platform.domain.Change;

/**
 * An innovation voucher (创新券) issued to a small or medium enterprise by a VOUCHER program. Its id is derived from
 * program, enterprise, calendar year and sequence, so the per-enterprise annual cap holds under concurrent
 * applications (the n-th voucher of a year can be inserted once). Behaviour returns the next state and its events;
 * the voucher is read at a version (0 before it is stored), as every aggregate.
 *
 * @param faceValueFen, ratioBasisPoints, eligibleCategories the program's settings when the voucher was issued
 * @param legalRepresentativeIdHash the enterprise's legal representative as the application gave it: the suite-wide
 *     keyed hash of the national ID number (never the number), null when the application gave none
 */
public record Voucher(String id, String programId, String organisationCode, String organisationName,
    String appliedBy, int year, int sequence, long faceValueFen, int ratioBasisPoints,
    List<ServiceCategory> eligibleCategories, Pledge pledge, boolean smeDeclared, String legalRepresentativeIdHash,
    String idempotencyKey, String requestHash, VoucherStatus status, Instant issuedAt, Instant expiresAt,
    VoucherContract contract, String settlementClaimedBy, Instant settlementClaimedAt, String deliveryConfirmedBy,
    Instant deliveryConfirmedAt, long version) {

  public Voucher {
    eligibleCategories = eligibleCategories == null ? List.of() : List.copyOf(eligibleCategories);
    LegalRepresentative.requireHash(legalRepresentativeIdHash);
  }

  /** The n-th voucher of an enterprise in a program and year. */
  public static String idOf(String programId, String organisationCode, int year, int sequence) {
    return "vch-" + programId + "-" + organisationCode + "-" + year + "-" + sequence;
  }

  /** The calendar year (Asia/Shanghai) the annual cap counts in. */
  public static int yearOf(Instant now) {
    return LocalDate.ofInstant(now, CallWindow.ZONE).getYear();
  }

  /**
   * Issues the {@code alreadyIssuedThisYear + 1}-th voucher of the year to the enterprise when it is eligible: the
   * program is a VOUCHER program taking applications now, the integrity pledge is accepted and small-and-medium
   * status declared with it, the organisation code is valid and registered in one of the program's districts, the
   * enterprise is under no integrity hold and the annual cap leaves room for one more face value.
   */
  public static Change<Voucher, IntakeEvent> issue(Program program, String organisationCode, String organisationName,
      String appliedBy, Pledge pledge, boolean smeDeclared, List<Hold> holds, int alreadyIssuedThisYear,
      String idempotencyKey, String requestHash, Instant now) {
    return issue(program, organisationCode, organisationName, appliedBy, pledge, smeDeclared, null, holds,
        alreadyIssuedThisYear, idempotencyKey, requestHash, now);
  }

  /**
   * As {@link #issue(Program, String, String, String, Pledge, boolean, List, int, String, String, Instant)}, with the
   * enterprise's legal representative as the keyed hash of the ID number (null: not given).
   */
  public static Change<Voucher, IntakeEvent> issue(Program program, String organisationCode, String organisationName,
      String appliedBy, Pledge pledge, boolean smeDeclared, String legalRepresentativeIdHash, List<Hold> holds,
      int alreadyIssuedThisYear, String idempotencyKey, String requestHash, Instant now) {
    if (program.kind() != ProgramKind.VOUCHER) {
      throw IntakeRefusal.rule("not-a-voucher-program", "Not a voucher program",
          "program " + program.id() + " is a " + program.kind() + " program: vouchers come from VOUCHER programs");
    }
    program.requireAcceptingSubmissions(now);
    VoucherRule rule = program.terms().voucherRule();
    if (organisationCode == null) {
      throw IntakeRefusal.forbidden("the caller's token names no organisation (org_code claim)");
    }
    CodeRules.requireOrganisationCode(organisationCode, "organisationCode");
    if (pledge == null) {
      throw IntakeRefusal.rule("pledge-required", "Integrity pledge required",
          "a voucher application needs the integrity pledge (事前承诺) accepted");
    }
    if (!smeDeclared) {
      throw IntakeRefusal.rule("sme-declaration-required", "Small-and-medium status not declared",
          "vouchers are for small and medium enterprises: declare the status with the pledge");
    }
    String district = organisationCode.substring(2, 8);
    if (!rule.districtCodes().contains(district)) {
      throw IntakeRefusal.rule("not-registered-in-district", "Not registered in the district",
          "organisation " + organisationCode + " is registered in " + district + ", program " + program.id()
              + " takes enterprises registered in " + rule.districtCodes(),
          Map.of("districtCode", district, "districtCodes", rule.districtCodes()));
    }
    refuseIfHeld(organisationCode, holds, now);
    int allowed = rule.vouchersPerEnterprisePerYear();
    int year = yearOf(now);
    if (alreadyIssuedThisYear >= allowed) {
      throw IntakeRefusal.rule("annual-cap-reached", "Annual voucher cap reached",
          "organisation " + organisationCode + " has received " + alreadyIssuedThisYear + " voucher(s) of "
              + rule.faceValueFen() + " fen in " + year + ": the cap is " + rule.annualCapPerEnterpriseFen()
              + " fen per enterprise and year",
          Map.of("year", year, "issued", alreadyIssuedThisYear, "annualCapPerEnterpriseFen",
              rule.annualCapPerEnterpriseFen()));
    }
    int sequence = alreadyIssuedThisYear + 1;
    Voucher issued = new Voucher(idOf(program.id(), organisationCode, year, sequence), program.id(), organisationCode,
        organisationName, appliedBy, year, sequence, rule.faceValueFen(), rule.ratioBasisPoints(),
        rule.eligibleCategories(), pledge, true, legalRepresentativeIdHash, idempotencyKey, requestHash,
        VoucherStatus.ISSUED, now, expiry(now, rule.validityDays()), null, null, null, null, null, 0);
    return Change.of(issued, new IntakeEvent.VoucherIssued(issued, now));
  }

  /**
   * Valid through the last day of its validity period: {@code validityDays} after the Asia/Shanghai day of issue,
   * ending at the start of the next day (exclusive), as the holds end.
   */
  static Instant expiry(Instant issuedAt, int validityDays) {
    LocalDateTime end = LocalDate.ofInstant(issuedAt, CallWindow.ZONE).plusDays(validityDays + 1L).atStartOfDay();
    return end.atZone(CallWindow.ZONE).toInstant();
  }

  public boolean expiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }

  /** The last Asia/Shanghai day the voucher can be used. */
  public LocalDate lastValidDay() {
    return LocalDate.ofInstant(expiresAt.minus(Duration.ofNanos(1)), CallWindow.ZONE);
  }

  /**
   * Uses the voucher on a service contract: only an ISSUED voucher that has not expired, with an approved provider
   * that offers the category, for a category the voucher is eligible for, never with the enterprise itself.
   */
  public Change<Voucher, IntakeEvent> contract(ServiceProvider provider, ServiceCategory category, long amountFen,
      String contractNumber, ContractDocument document, String by, Instant now) {
    requireStatus(VoucherStatus.ISSUED, "used on a contract");
    if (expiredAt(now)) {
      throw IntakeRefusal.rule("voucher-expired", "Voucher expired",
          "voucher " + id + " expired after " + lastValidDay() + " (Asia/Shanghai): it cannot be used",
          Map.of("expiresAt", expiresAt.toString(), "lastValidDay", lastValidDay().toString()));
    }
    if (category == null || !eligibleCategories.contains(category)) {
      throw IntakeRefusal.rule("category-not-eligible", "Service category not eligible",
          "voucher " + id + " pays for " + eligibleCategories + ", not " + category,
          Map.of("eligibleCategories", eligibleCategories.stream().map(Enum::name).toList()));
    }
    if (provider.organisationCode().equals(organisationCode)) {
      throw IntakeRefusal.rule("own-provider", "Own organisation as provider",
          "an enterprise cannot use its voucher on a contract with itself");
    }
    provider.requireContractable(category);
    if (amountFen <= 0) {
      throw IntakeRefusal.rule("invalid-contract", "Invalid contract", "the contract amount must be positive");
    }
    if (document == null) {
      throw IntakeRefusal.rule("contract-document-required", "Contract document required",
          "a voucher contract names its contract document (upload it to the voucher first)");
    }
    VoucherContract c = new VoucherContract(provider.id(), provider.organisationCode(), provider.name(), category,
        amountFen, contractNumber, document, by, now, provider.legalRepresentativeIdHash());
    Voucher next = with(VoucherStatus.CONTRACTED, c, null, null, null, null);
    return Change.of(next, new IntakeEvent.VoucherContracted(next, now));
  }

  /** Refuses (409) unless the voucher can still take a contract: checked before the contract's parts are looked up. */
  public void requireIssued() {
    requireStatus(VoucherStatus.ISSUED, "used on a contract");
  }

  /** The provider of the contract claims settlement after delivering (never the enterprise itself). */
  public Change<Voucher, IntakeEvent> claimSettlement(String providerOrganisationCode, String by, Instant now) {
    requireStatus(VoucherStatus.CONTRACTED, "claimed for settlement");
    if (providerOrganisationCode == null || providerOrganisationCode.equals(organisationCode)
        || !providerOrganisationCode.equals(contract.providerOrganisationCode())) {
      throw IntakeRefusal.forbidden("only the contract's provider claims settlement of voucher " + id);
    }
    return Change.quiet(with(VoucherStatus.SETTLEMENT_CLAIMED, contract, by, now, null, null));
  }

  /**
   * The enterprise confirms delivery of a claimed settlement: the voucher is redeemed, once (a second confirmation
   * is an illegal transition; the write is conditional on the version read).
   */
  public Change<Voucher, IntakeEvent> confirmDelivery(String enterpriseOrganisationCode, String by, Instant now) {
    requireStatus(VoucherStatus.SETTLEMENT_CLAIMED, "confirmed as delivered");
    if (!organisationCode.equals(enterpriseOrganisationCode)) {
      throw IntakeRefusal.forbidden("only the voucher's enterprise confirms delivery of voucher " + id);
    }
    Voucher redeemed = with(VoucherStatus.REDEEMED, contract, settlementClaimedBy, settlementClaimedAt, by, now);
    return Change.of(redeemed, new IntakeEvent.VoucherRedeemed(redeemed, now));
  }

  private Voucher with(VoucherStatus s, VoucherContract c, String claimedBy, Instant claimedAt, String confirmedBy,
      Instant confirmedAt) {
    return new Voucher(id, programId, organisationCode, organisationName, appliedBy, year, sequence, faceValueFen,
        ratioBasisPoints, eligibleCategories, pledge, smeDeclared, legalRepresentativeIdHash, idempotencyKey,
        requestHash, s, issuedAt, expiresAt, c, claimedBy, claimedAt, confirmedBy, confirmedAt, version);
  }

  /** This state as the store holds it at {@code storedVersion} (the store's answer to a write). */
  public Voucher atVersion(long storedVersion) {
    return new Voucher(id, programId, organisationCode, organisationName, appliedBy, year, sequence, faceValueFen,
        ratioBasisPoints, eligibleCategories, pledge, smeDeclared, legalRepresentativeIdHash, idempotencyKey,
        requestHash, status, issuedAt, expiresAt, contract, settlementClaimedBy, settlementClaimedAt,
        deliveryConfirmedBy, deliveryConfirmedAt, storedVersion);
  }

  private void requireStatus(VoucherStatus required, String action) {
    if (status != required) {
      throw IntakeRefusal.illegalTransition("Voucher", id, status, action);
    }
  }

  private static void refuseIfHeld(String organisationCode, List<Hold> holds, Instant now) {
    Optional<Hold> active = holds == null ? Optional.empty() : holds.stream()
        .filter(h -> h.subjectType() == HoldSubject.ORGANISATION && organisationCode.equals(h.subjectId()))
        .filter(h -> h.isActiveAt(now))
        .max(Comparator.comparing(Hold::endsAt, Comparator.nullsLast(Comparator.naturalOrder())));
    if (active.isPresent()) {
      Hold hold = active.get();
      Map<String, Object> props = new HashMap<>();
      props.put("holdId", hold.holdId());
      props.put("subjectType", hold.subjectType().name());
      props.put("holdEndsAt", hold.endsAt() == null ? null : hold.endsAt().toString());
      props.put("holdEndDate", hold.endDate() == null ? null : hold.endDate().toString());
      String until = hold.endDate() == null ? "until further notice" : "until " + hold.endDate();
      throw IntakeRefusal.rule("integrity-hold", "Under an integrity hold",
          "cannot receive a voucher: organisation " + organisationCode + " is under an integrity hold " + until
              + " (Asia/Shanghai)", props);
    }
  }
}
