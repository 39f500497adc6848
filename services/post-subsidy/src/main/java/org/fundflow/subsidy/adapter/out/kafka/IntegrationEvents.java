package org.fundflow.subsidy.adapter.out.kafka;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.time.Instant;
import java.util.List;
import org.fundflow.platform.outbox.OutboxEvent;
import org.fundflow.platform.outbox.OutboxEvents;
import org.fundflow.subsidy.domain.ClaimEvent;
import org.fundflow.subsidy.domain.Disbursement;
import org.fundflow.subsidy.domain.DisbursementEvent;
import org.fundflow.subsidy.domain.ExpenditureClaim;

/**
 * Maps domain events to the integration events of shared-schemas/EVENTS.md (topics
 * {@code subsidy.disbursement-events} and {@code subsidy.claim-events}). Only what consumers need;
 * the payee's account number leaves this service masked.
 */
public final class IntegrationEvents {

  public static final String DISBURSEMENT_TOPIC = "subsidy.disbursement-events";
  public static final String CLAIM_TOPIC = "subsidy.claim-events";
  public static final String DISBURSEMENT_CREATED = "fundflow.subsidy.disbursement-created.v1";
  public static final String DISBURSEMENT_PREPARED = "fundflow.subsidy.disbursement-prepared.v1";
  public static final String DISBURSEMENT_HELD = "fundflow.subsidy.disbursement-held.v1";
  public static final String DISBURSEMENT_RELEASED = "fundflow.subsidy.disbursement-released.v1";
  public static final String DISBURSEMENT_CANCELLED = "fundflow.subsidy.disbursement-cancelled.v1";
  public static final String AWARD_REMAINDER_RELEASED = "fundflow.subsidy.award-remainder-released.v1";
  public static final String CLAIM_SUBMITTED = "fundflow.subsidy.expenditure-claim-submitted.v1";
  public static final String CLAIM_VERIFIED = "fundflow.subsidy.expenditure-claim-verified.v1";

  private final OutboxEvents events;

  public IntegrationEvents(OutboxEvents events) {
    this.events = events;
  }

  public OutboxEvent of(DisbursementEvent e) {
    Disbursement d = e.disbursement();
    String key = d.projectId() != null ? d.projectId() : d.claimId() != null ? d.claimId() : d.id();
    Message message = data(e);
    return events.create(DISBURSEMENT_TOPIC, message.type(), key, key, message);
  }

  public OutboxEvent of(ClaimEvent e) {
    ExpenditureClaim c = e.claim();
    Message message = data(e);
    return events.create(CLAIM_TOPIC, message.type(), c.id(), c.id(), message);
  }

  /** A terminated project's unpaid award (issue 17 point 5), keyed by the project like its disbursements. */
  public OutboxEvent of(org.fundflow.subsidy.domain.AwardRemainder r) {
    Message message = data(r);
    return events.create(DISBURSEMENT_TOPIC, message.type(), r.projectId(), r.projectId(), message);
  }

  public static Message data(org.fundflow.subsidy.domain.AwardRemainder r) {
    return new AwardRemainderReleasedV1(r.projectId(), r.programId(), r.organisationCode(), r.awardedFen(),
        r.paidFen(), r.remainderFen(), r.explanation(), r.terminationEventId(), time(r.releasedAt()));
  }

  /** The CloudEvents type of a disbursement event; an event without an integration event is an error, not a cancellation. */
  public static String typeOf(DisbursementEvent e) {
    return data(e).type();
  }

  public static String typeOf(ClaimEvent e) {
    return data(e).type();
  }

  /** The integration message of a disbursement event (public for the contract tests). */
  public static Message data(DisbursementEvent e) {
    Disbursement d = e.disbursement();
    if (e instanceof DisbursementEvent.Created c) {
      return new DisbursementCreatedV1(d.id(),
          new TriggerV1(d.trigger().kind().name(), d.trigger().eventId(), d.trigger().reference()),
          d.programId(), d.projectId(), d.claimId(), d.organisationCode(), d.amountFen(), d.explanation(), time(c.at()));
    }
    if (e instanceof DisbursementEvent.Prepared p) {
      return new DisbursementPreparedV1(d.id(), d.programId(), d.projectId(), d.claimId(), d.organisationCode(),
          d.amountFen(), new PayeeV1(d.payee().name(), d.payee().bank(), d.payee().accountNumberMasked()),
          d.preparedBy(), time(p.at()));
    }
    if (e instanceof DisbursementEvent.Held h) {
      return new DisbursementHeldV1(d.id(), d.programId(), d.organisationCode(), h.holdId(), time(h.at()));
    }
    if (e instanceof DisbursementEvent.Released r) {
      return new DisbursementReleasedV1(d.id(), d.programId(), d.projectId(), d.organisationCode(), d.amountFen(),
          new PayeeV1(d.payee().name(), d.payee().bank(), d.payee().accountNumberMasked()), d.paymentReference(),
          d.preparedBy(), d.releasedBy(), time(r.at()));
    }
    if (e instanceof DisbursementEvent.Cancelled x) {
      return new DisbursementCancelledV1(d.id(), d.programId(), d.projectId(), d.organisationCode(), d.amountFen(),
          x.reason(), time(x.at()));
    }
    throw new IllegalArgumentException("no integration event for " + e.getClass().getSimpleName());
  }

  /** The integration message of a claim event (public for the contract tests). */
  public static Message data(ClaimEvent e) {
    ExpenditureClaim c = e.claim();
    if (e instanceof ClaimEvent.Submitted s) {
      return new ExpenditureClaimSubmittedV1(c.id(), c.programId(), c.organisationCode(), c.organisationName(),
          c.fiscalYear(), c.expenditureThisYearFen(), c.expenditureLastYearFen(), c.auditReportReference(),
          time(s.at()));
    }
    if (e instanceof ClaimEvent.Verified v) {
      return new ExpenditureClaimVerifiedV1(c.id(), c.programId(), c.organisationCode(), c.fiscalYear(),
          c.status().name(), c.reason(), c.subsidyFen(), c.explanation(), c.verifiedBy(), time(v.at()),
          v.evidenceFiles().stream().map(f -> new EvidenceFileV1(f.fileId(), f.name(), f.mediaType(), f.sizeBytes(),
              f.sha256(), f.uploadedBy(), f.uploadedAt() == null ? null : time(f.uploadedAt()))).toList());
    }
    throw new IllegalArgumentException("no integration event for " + e.getClass().getSimpleName());
  }

  /**
   * An integration message and its CloudEvents type: one record per published event and version, the JSON of
   * shared-schemas/schemas/post-subsidy (components in the schema's order; optional ones left out when null,
   * times as ISO-8601 strings).
   */
  public sealed interface Message {
    @JsonIgnore
    String type();
  }

  /**
   * What a terminated project leaves of its award: {@code remainderFen} = awarded - released, returned to the
   * program's budget by project-intake. Published once per project.
   */
  public record AwardRemainderReleasedV1(String projectId, String programId, String organisationCode,
      long awardedFen, long paidFen, long remainderFen, String explanation, String terminationEventId,
      String releasedAt) implements Message {
    @Override
    public String type() {
      return AWARD_REMAINDER_RELEASED;
    }
  }

  public record TriggerV1(String kind, @JsonInclude(Include.NON_NULL) String eventId, String reference) {}

  public record PayeeV1(String name, String bank, String accountNumberMasked) {}

  public record DisbursementCreatedV1(String disbursementId, TriggerV1 trigger, String programId,
      @JsonInclude(Include.NON_NULL) String projectId, @JsonInclude(Include.NON_NULL) String claimId,
      String organisationCode, long amountFen, String explanation, String createdAt) implements Message {
    @Override
    public String type() {
      return DISBURSEMENT_CREATED;
    }
  }

  /**
   * A FINANCE_OFFICER checked the payee and prepared a disbursement: ready for a FINANCE_APPROVER (not the preparer)
   * to release. Again after a correction of the payee. The account number only masked.
   */
  public record DisbursementPreparedV1(String disbursementId, String programId,
      @JsonInclude(Include.NON_NULL) String projectId, @JsonInclude(Include.NON_NULL) String claimId,
      String organisationCode, long amountFen, PayeeV1 payee, String preparedBy, String preparedAt)
      implements Message {
    @Override
    public String type() {
      return DISBURSEMENT_PREPARED;
    }
  }

  public record DisbursementHeldV1(String disbursementId, String programId, String organisationCode, String holdId,
      String heldAt) implements Message {
    @Override
    public String type() {
      return DISBURSEMENT_HELD;
    }
  }

  public record DisbursementReleasedV1(String disbursementId, String programId,
      @JsonInclude(Include.NON_NULL) String projectId, String organisationCode, long amountFen, PayeeV1 payee,
      String paymentReference, String preparedBy, String releasedBy, String releasedAt) implements Message {
    @Override
    public String type() {
      return DISBURSEMENT_RELEASED;
    }
  }

  public record DisbursementCancelledV1(String disbursementId, String programId,
      @JsonInclude(Include.NON_NULL) String projectId, String organisationCode, long amountFen, String reason,
      String cancelledAt) implements Message {
    @Override
    public String type() {
      return DISBURSEMENT_CANCELLED;
    }
  }

  public record ExpenditureClaimSubmittedV1(String claimId, String programId, String organisationCode,
      @JsonInclude(Include.NON_NULL) String organisationName, int fiscalYear, long expenditureThisYearFen,
      long expenditureLastYearFen, String auditReportReference, String submittedAt) implements Message {
    @Override
    public String type() {
      return CLAIM_SUBMITTED;
    }
  }

  /** A stored evidence file's metadata (issue 15 point 4), never its bytes. */
  public record EvidenceFileV1(String fileId, String name, String mediaType, long sizeBytes, String sha256,
      @JsonInclude(Include.NON_NULL) String uploadedBy, @JsonInclude(Include.NON_NULL) String uploadedAt) {}

  public record ExpenditureClaimVerifiedV1(String claimId, String programId, String organisationCode, int fiscalYear,
      String outcome, @JsonInclude(Include.NON_NULL) String reason, long subsidyFen, String explanation,
      String verifiedBy, String verifiedAt, List<EvidenceFileV1> evidenceFiles) implements Message {
    @Override
    public String type() {
      return CLAIM_VERIFIED;
    }
  }

  private static String time(Instant t) {
    return t.toString();
  }
}
