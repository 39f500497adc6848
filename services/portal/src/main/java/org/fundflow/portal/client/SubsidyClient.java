package org.fundflow.portal.client;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fundflow.portal.config.ClientsConfig.ServiceClients;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * post-subsidy's REST API as the portal reads it: an applicant its own organisation's payments only; finance staff the
 * queues, a payment with its ETag, prepare and release (If-Match and Idempotency-Key from the form), program budgets,
 * expenditure claims and the released payments of a date range.
 */
@Component
public class SubsidyClient {

  public static final String SERVICE = "post-subsidy";

  private final ServiceClient client;

  public SubsidyClient(ServiceClients clients) {
    this.client = clients.get(SERVICE);
  }

  /** One page of a project's payments (keyset: pass {@link DisbursementPage#nextAfter()} as {@code after}). */
  public Mono<DisbursementPage> disbursementsOfProject(String projectId, String after, int limit) {
    return client.get(u -> u.path("/disbursements").queryParam("projectId", projectId)
        .queryParamIfPresent("after", Optional.ofNullable(after)).queryParam("limit", limit).build(),
        DisbursementPage.class);
  }

  // ------------------------------------------------------------------ finance staff

  /** Finance queues: a page of one status (and program), with the totals of all that match, computed by the service. */
  public Mono<PaymentPage> payments(String status, String programId, String after, int limit) {
    return client.get(u -> u.path("/disbursements")
        .queryParamIfPresent("status", Optional.ofNullable(status).map(x -> "{status}"))
        .queryParamIfPresent("programId", Optional.ofNullable(programId).map(x -> "{programId}"))
        .queryParamIfPresent("after", Optional.ofNullable(after).map(x -> "{after}"))
        .queryParam("limit", limit).build(values("status", status, "programId", programId, "after", after)),
        PaymentPage.class);
  }

  /** A payment with its ETag (sent back as If-Match with the next step). */
  public Mono<Tagged<Payment>> payment(String id) {
    return client.getTagged(u -> u.path("/disbursements/{id}").build(id), Payment.class);
  }

  public Mono<Payment> prepare(String id, String payeeName, String bank, String accountNumber, String etag,
      String idempotencyKey) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("payeeName", payeeName == null ? "" : payeeName);
    body.put("bank", bank == null ? "" : bank);
    body.put("accountNumber", accountNumber == null ? "" : accountNumber);
    return client.send(HttpMethod.POST, u -> u.path("/disbursements/{id}/preparation").build(id), body,
        headers(etag, idempotencyKey), Payment.class);
  }

  public Mono<Payment> release(String id, String paymentReference, String etag, String idempotencyKey) {
    return client.send(HttpMethod.POST, u -> u.path("/disbursements/{id}/release").build(id),
        Map.of("paymentReference", paymentReference == null ? "" : paymentReference), headers(etag, idempotencyKey),
        Payment.class);
  }

  /** The released payments of a range of Beijing dates (both inclusive), one page, totals of the whole range. */
  public Mono<PaymentPage> released(LocalDate from, LocalDate to, String after, int limit) {
    return client.get(u -> u.path("/disbursements/export").queryParam("from", from.toString())
        .queryParam("to", to.toString())
        .queryParamIfPresent("after", Optional.ofNullable(after).map(x -> "{after}"))
        .queryParam("limit", limit).build(values("after", after)), PaymentPage.class);
  }

  public Mono<Budget> budget(String programId) {
    return client.get(u -> u.path("/programs/{id}/budget").build(programId), Budget.class);
  }

  public Mono<ClaimPage> claims(String programId, String status, String after, int limit) {
    return client.get(u -> u.path("/claims")
        .queryParamIfPresent("programId", Optional.ofNullable(programId).map(x -> "{programId}"))
        .queryParamIfPresent("status", Optional.ofNullable(status).map(x -> "{status}"))
        .queryParamIfPresent("after", Optional.ofNullable(after).map(x -> "{after}"))
        .queryParam("limit", limit).build(values("programId", programId, "status", status, "after", after)),
        ClaimPage.class);
  }

  public Mono<Tagged<Claim>> claim(String id) {
    return client.getTagged(u -> u.path("/claims/{id}").build(id), Claim.class);
  }

  /** What verifying the claim now would grant, with its explanation; nothing changes. */
  public Mono<Computation> computation(String id) {
    return client.get(u -> u.path("/claims/{id}/computation").build(id), Computation.class);
  }

  public Mono<Claim> verify(String id, String outcome, String reason, String etag) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("outcome", outcome == null ? "" : outcome);
    if (reason != null && !reason.isBlank()) {
      body.put("reason", reason);
    }
    return client.send(HttpMethod.POST, u -> u.path("/claims/{id}/verification").build(id), body,
        headers(etag, null), Claim.class);
  }

  private static Map<String, String> headers(String etag, String idempotencyKey) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put(HttpHeaders.IF_MATCH, etag);
    h.put("Idempotency-Key", idempotencyKey);
    return h;
  }

  private static Map<String, Object> values(String... namesAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      m.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return m;
  }

  public record Totals(long count, long totalFen) {}

  public record Payee(String name, String bank, String accountNumberMasked) {}

  /**
   * A sentence of post-subsidy as data: {@code code} names it, {@code args} are its arguments in order, each an amount
   * in fen ({@code FEN}, an integer or an exact decimal) or a text ({@code TEXT}); the portal says it in the user's
   * language (finance bundle, {@code finance.note.<code>}).
   */
  public record Note(String code, List<Arg> args) {
    public Note {
      args = args == null ? List.of() : args;
    }
  }

  public record Arg(String kind, String value) {}

  /** One state change; {@code noteCode} the note as data (null for older entries and free-text notes). */
  public record HistoryEntry(Instant at, String by, String from, String to, String note, Note noteCode) {}

  /** A payment as finance staff see it (post-subsidy's DisbursementView). */
  public record Payment(String id, Trigger trigger, String programId, String projectId, String claimId,
      String organisationCode, long amountFen, String explanation, String status, String statusBeforeHold,
      String holdId, Payee payee, String preparedBy, Instant preparedAt, String releasedBy, Instant releasedAt,
      String paymentReference, String cancelReason, Instant createdAt, long version, List<HistoryEntry> history,
      Note explanationNote) {
    public Payment {
      history = history == null ? List.of() : history;
    }
  }

  public record PaymentPage(List<Payment> items, String nextAfter, long count, long totalFen,
      Map<String, Totals> byStatus) {
    public PaymentPage {
      items = items == null ? List.of() : items;
      byStatus = byStatus == null ? Map.of() : byStatus;
    }
  }

  /** post-subsidy's budget figures of a program (paid, reserved for release); awarded is project-intake's. */
  public record Budget(String programId, String kind, String name, long revision, long budgetFen,
      long reservedForReleaseFen, long paidFen, long remainingToPayFen) {}

  public record Claim(String id, String programId, String organisationCode, String organisationName, int fiscalYear,
      long expenditureThisYearFen, long expenditureLastYearFen, long increaseFen, String auditReportReference,
      String status, String submittedBy, Instant submittedAt, String verifiedBy, Instant verifiedAt, String reason,
      long subsidyFen, String explanation, List<String> explanationSteps, long version, List<HistoryEntry> history) {
    public Claim {
      explanationSteps = explanationSteps == null ? List.of() : explanationSteps;
      history = history == null ? List.of() : history;
    }
  }

  public record ClaimPage(List<Claim> items, String nextAfter, long count, long subsidyTotalFen) {
    public ClaimPage {
      items = items == null ? List.of() : items;
    }
  }

  public record Computation(String claimId, long subsidyFen, String explanation, List<String> explanationSteps,
      List<Note> explanationNotes) {
    public Computation {
      explanationSteps = explanationSteps == null ? List.of() : explanationSteps;
      explanationNotes = explanationNotes == null ? List.of() : explanationNotes;
    }
  }

  /** A page of payments with the totals over the whole filter (not only this page). */
  public record DisbursementPage(List<Disbursement> items, String nextAfter, long count, long totalFen) {
    public DisbursementPage {
      items = items == null ? List.of() : items;
    }
  }

  public record Trigger(String kind, String reference) {}

  public record Disbursement(String id, Trigger trigger, String projectId, long amountFen, String status,
      String holdId, Instant releasedAt, String cancelReason, Instant createdAt) {}

  // ---------------------------------------------------------------- recovery orders (追回, issue 17 point 4)

  public record RecoveryStep(Instant at, String by, String from, String to, String note) {}

  /** A recovery order: {@code amountFen} what is owed, {@code status} OPEN, AWAITING_APPROVAL, REPAID, WRITTEN_OFF. */
  public record Recovery(String recoveryId, String caseId, String projectId, String programId, String organisationCode,
      long amountFen, long releasedFen, String basis, String status, String recordedOutcome, String paymentReference,
      String note, String recordedBy, Instant recordedAt, String approvedBy, Instant settledAt, Instant openedAt,
      List<RecoveryStep> history) {
    public Recovery {
      history = history == null ? List.of() : history;
    }

    public boolean owed() {
      return "OPEN".equals(status) || "AWAITING_APPROVAL".equals(status);
    }
  }

  /** The recovery orders the caller may read (an applicant: its own organisation's). */
  public Mono<List<Recovery>> recoveries() {
    return client.get(u -> u.path("/recoveries").build(),
        new org.springframework.core.ParameterizedTypeReference<List<Recovery>>() {});
  }
}
