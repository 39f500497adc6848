package org.fundflow.subsidy.adapter.in.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.fundflow.subsidy.domain.Disbursement;
import org.fundflow.subsidy.domain.ExpenditureClaim;
import org.fundflow.subsidy.domain.HistoryEntry;
import org.fundflow.subsidy.domain.Note;
import org.fundflow.subsidy.domain.Program;

/** Response bodies. The payee's account number is only ever shown masked. */
public final class Views {

  private Views() {}

  public record TriggerView(String kind, String reference, String eventId) {}

  public record PayeeView(String name, String bank, String accountNumberMasked) {}

  public record DisbursementView(String id, TriggerView trigger, String programId, String projectId, String claimId,
      String organisationCode, long amountFen, String explanation, String status, String statusBeforeHold,
      String holdId, PayeeView payee, String preparedBy, Instant preparedAt, String releasedBy, Instant releasedAt,
      String paymentReference, String cancelReason, Instant createdAt, long version, List<HistoryEntry> history,
      @Schema(description = "The explanation as data: a code and its arguments (amounts in fen), for readers in other "
          + "languages; null for disbursements created before it was kept")
      Note explanationNote) {

    static DisbursementView of(Disbursement d) {
      return new DisbursementView(d.id(),
          new TriggerView(d.trigger().kind().name(), d.trigger().reference(), d.trigger().eventId()),
          d.programId(), d.projectId(), d.claimId(), d.organisationCode(), d.amountFen(), d.explanation(),
          d.status().name(), d.statusBeforeHold() == null ? null : d.statusBeforeHold().name(), d.holdId(),
          d.payee() == null ? null : new PayeeView(d.payee().name(), d.payee().bank(), d.payee().accountNumberMasked()),
          d.preparedBy(), d.preparedAt(), d.releasedBy(), d.releasedAt(), d.paymentReference(), d.cancelReason(),
          d.createdAt(), d.version(), d.history(), d.explanationNote());
    }
  }

  public record Totals(long count, long totalFen) {}

  /** One page of a list (keyset paging on the id) with the totals of everything that matches the filter. */
  public record DisbursementPage(List<DisbursementView> items, String nextAfter, long count, long totalFen,
      Map<String, Totals> byStatus) {}

  public record ClaimView(String id, String programId, String organisationCode, String organisationName,
      int fiscalYear, long expenditureThisYearFen, long expenditureLastYearFen, long increaseFen,
      String auditReportReference, String status, String submittedBy, Instant submittedAt, String verifiedBy,
      Instant verifiedAt, String reason, long subsidyFen, String explanation, List<String> explanationSteps,
      long version, List<HistoryEntry> history) {

    static ClaimView of(ExpenditureClaim c) {
      return new ClaimView(c.id(), c.programId(), c.organisationCode(), c.organisationName(), c.fiscalYear(),
          c.expenditureThisYearFen(), c.expenditureLastYearFen(), c.expenditureThisYearFen() - c.expenditureLastYearFen(),
          c.auditReportReference(), c.status().name(), c.submittedBy(), c.submittedAt(), c.verifiedBy(),
          c.verifiedAt(), c.reason(), c.subsidyFen(), c.explanation(),
          c.explanation() == null ? List.of() : List.of(c.explanation().split("; ")), c.version(), c.history());
    }
  }

  /** One page of claims (keyset paging on the id, as DisbursementPage) with the totals of everything that matches the filter. */
  public record ClaimPage(List<ClaimView> items, String nextAfter, long count, long subsidyTotalFen) {}

  /**
   * This service's budget figures of a program. What intake awarded is intake's figure
   * ({@code awardedFen} of GET /programs/{id} there), not this one.
   */
  public record BudgetView(String programId, String kind, String name, long revision, long budgetFen,
      @Schema(description = "Reserved for releases in flight: approved payments being released, not yet confirmed")
      long reservedForReleaseFen,
      @Schema(description = "Paid: the sum of the released disbursements")
      long paidFen,
      @Schema(description = "Budget neither paid nor reserved for a release: budgetFen - paidFen - reservedForReleaseFen. "
          + "Disbursements created but not released yet are not subtracted")
      long remainingToPayFen) {

    static BudgetView of(Program p) {
      return new BudgetView(p.programId(), p.kind().name(), p.name(), p.revision(), p.budgetFen(),
          p.reservedForReleaseFen(), p.paidFen(), p.remainingToPayFen());
    }
  }
}
