package org.fundflow.subsidy.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.fundflow.platform.domain.Change;

/**
 * An organisation's claim on its audited R&D expenditure of one fiscal year in one POST_SUBSIDY
 * program. One claim per organisation, program and year: the id is derived from the three.
 */
public record ExpenditureClaim(
    String id,
    String programId,
    String organisationCode,
    String organisationName,
    int fiscalYear,
    long expenditureThisYearFen,
    long expenditureLastYearFen,
    String auditReportReference,
    ClaimStatus status,
    String submittedBy,
    Instant submittedAt,
    String verifiedBy,
    Instant verifiedAt,
    String reason,
    long subsidyFen,
    String explanation,
    List<HistoryEntry> history,
    long version) {

  public ExpenditureClaim {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
    history = List.copyOf(history == null ? List.of() : history);
  }

  public static String idOf(String programId, String organisationCode, int fiscalYear) {
    return "clm-" + programId + "-" + organisationCode + "-" + fiscalYear;
  }

  /** A claim as the enterprise submits it, with its audit report reference. */
  public static Change<ExpenditureClaim, ClaimEvent> submit(String programId, String organisationCode, String organisationName,
      int fiscalYear, long thisYearFen, long lastYearFen, String auditReportReference, String by, Instant now) {
    if (thisYearFen < 0 || lastYearFen < 0) {
      throw new ClaimRefused(ClaimRefused.Reason.INVALID, "expenditure must not be negative");
    }
    if (thisYearFen > Money.MAX_FEN || lastYearFen > Money.MAX_FEN) {
      throw new ClaimRefused(ClaimRefused.Reason.INVALID,
          "expenditure must not be above " + Money.format(Money.MAX_FEN) + " CNY");
    }
    if (fiscalYear < 2000 || fiscalYear > 2100) {
      throw new ClaimRefused(ClaimRefused.Reason.INVALID, "fiscal year " + fiscalYear + " is out of range");
    }
    if (auditReportReference == null || auditReportReference.isBlank()) {
      throw new ClaimRefused(ClaimRefused.Reason.INVALID, "the third-party audit report reference is required");
    }
    ExpenditureClaim submitted = new ExpenditureClaim(idOf(programId, organisationCode, fiscalYear), programId,
        organisationCode, organisationName, fiscalYear, thisYearFen, lastYearFen, auditReportReference,
        ClaimStatus.SUBMITTED, by, now, null, null, null, 0, null,
        List.of(new HistoryEntry(now, by, null, ClaimStatus.SUBMITTED.name(), "audit report " + auditReportReference)),
        0);
    return Change.of(submitted, new ClaimEvent.Submitted(submitted, now));
  }

  /** Verified: the subsidy the rule grants, within what the organisation was granted already and the budget left. */
  public Change<ExpenditureClaim, ClaimEvent> verify(SubsidyRule rule, long alreadyGrantedFen, long budgetRemainingFen, String by,
      Instant now) {
    return verify(rule, alreadyGrantedFen, budgetRemainingFen, by, now, List.of());
  }

  /** Verified on the given evidence files: the event names them (metadata only). */
  public Change<ExpenditureClaim, ClaimEvent> verify(SubsidyRule rule, long alreadyGrantedFen, long budgetRemainingFen, String by,
      Instant now, List<EvidenceFile> evidence) {
    requireSubmitted();
    SubsidyCalculation calculation =
        rule.calculate(expenditureThisYearFen, expenditureLastYearFen, alreadyGrantedFen, budgetRemainingFen);
    return decided(ClaimStatus.VERIFIED, by, now, null, calculation.subsidyFen(), calculation.explanation(), evidence);
  }

  /** Rejected with a reason (a decision too: published as verified with no subsidy). */
  public Change<ExpenditureClaim, ClaimEvent> reject(String reason, String by, Instant now) {
    return reject(reason, by, now, List.of());
  }

  /** Rejected on the given evidence files: the event names them (metadata only). */
  public Change<ExpenditureClaim, ClaimEvent> reject(String reason, String by, Instant now, List<EvidenceFile> evidence) {
    requireSubmitted();
    if (reason == null || reason.isBlank()) {
      throw new ClaimRefused(ClaimRefused.Reason.INVALID, "a rejection needs a reason");
    }
    return decided(ClaimStatus.REJECTED, by, now, reason, 0, "rejected: " + reason, evidence);
  }

  /**
   * Evidence (audited financial statements, tax forms) is attached while the claim waits for verification; once
   * decided, the claim's files are what finance decided on and nothing is added. Files are never removed or replaced.
   */
  public void requireEvidenceAttachable() {
    if (status != ClaimStatus.SUBMITTED) {
      throw new ClaimRefused(ClaimRefused.Reason.ALREADY_DECIDED, "claim " + id + " is " + status
          + ": its evidence is what finance decided on, nothing is added");
    }
  }

  private void requireSubmitted() {
    if (status != ClaimStatus.SUBMITTED) {
      throw new ClaimRefused(ClaimRefused.Reason.ALREADY_DECIDED, "claim " + id + " is already " + status);
    }
  }

  private Change<ExpenditureClaim, ClaimEvent> decided(ClaimStatus to, String by, Instant now, String why,
      long subsidy, String text, List<EvidenceFile> evidence) {
    List<HistoryEntry> h = new ArrayList<>(history);
    h.add(new HistoryEntry(now, by, status.name(), to.name(), text));
    ExpenditureClaim next = new ExpenditureClaim(id, programId, organisationCode, organisationName, fiscalYear,
        expenditureThisYearFen, expenditureLastYearFen, auditReportReference, to, submittedBy, submittedAt, by, now, why,
        subsidy, text, h, version);
    return Change.of(next, new ClaimEvent.Verified(next, now, evidence));
  }
}
