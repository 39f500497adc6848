package org.fundflow.subsidy.adapter.out.kafka;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
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
  public static final String DISBURSEMENT_HELD = "fundflow.subsidy.disbursement-held.v1";
  public static final String DISBURSEMENT_RELEASED = "fundflow.subsidy.disbursement-released.v1";
  public static final String DISBURSEMENT_CANCELLED = "fundflow.subsidy.disbursement-cancelled.v1";
  public static final String CLAIM_SUBMITTED = "fundflow.subsidy.expenditure-claim-submitted.v1";
  public static final String CLAIM_VERIFIED = "fundflow.subsidy.expenditure-claim-verified.v1";

  private final OutboxEvents events;

  public IntegrationEvents(OutboxEvents events) {
    this.events = events;
  }

  public OutboxEvent of(DisbursementEvent e, String correlationId) {
    Disbursement d = e.disbursement();
    String key = d.projectId() != null ? d.projectId() : d.claimId() != null ? d.claimId() : d.id();
    return events.create(DISBURSEMENT_TOPIC, typeOf(e), key, key, correlationId, data(e));
  }

  public OutboxEvent of(ClaimEvent e, String correlationId) {
    ExpenditureClaim c = e.claim();
    return events.create(CLAIM_TOPIC, typeOf(e), c.id(), c.id(), correlationId, data(e));
  }

  public static String typeOf(DisbursementEvent e) {
    if (e instanceof DisbursementEvent.Created) {
      return DISBURSEMENT_CREATED;
    } else if (e instanceof DisbursementEvent.Held) {
      return DISBURSEMENT_HELD;
    } else if (e instanceof DisbursementEvent.Released) {
      return DISBURSEMENT_RELEASED;
    }
    return DISBURSEMENT_CANCELLED;
  }

  public static String typeOf(ClaimEvent e) {
    return e instanceof ClaimEvent.Submitted ? CLAIM_SUBMITTED : CLAIM_VERIFIED;
  }

  public static Map<String, Object> data(DisbursementEvent e) {
    Disbursement d = e.disbursement();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("disbursementId", d.id());
    if (e instanceof DisbursementEvent.Created c) {
        Map<String, Object> trigger = new LinkedHashMap<>();
        trigger.put("kind", d.trigger().kind().name());
        put(trigger, "eventId", d.trigger().eventId());
        trigger.put("reference", d.trigger().reference());
        m.put("trigger", trigger);
        m.put("programId", d.programId());
        put(m, "projectId", d.projectId());
        put(m, "claimId", d.claimId());
        m.put("organisationCode", d.organisationCode());
        m.put("amountFen", d.amountFen());
        m.put("explanation", d.explanation());
        m.put("createdAt", time(c.at()));
    } else if (e instanceof DisbursementEvent.Held h) {
        m.put("programId", d.programId());
        m.put("organisationCode", d.organisationCode());
        m.put("holdId", h.holdId());
        m.put("heldAt", time(h.at()));
    } else if (e instanceof DisbursementEvent.Released r) {
        m.put("programId", d.programId());
        put(m, "projectId", d.projectId());
        m.put("organisationCode", d.organisationCode());
        m.put("amountFen", d.amountFen());
        Map<String, Object> payee = new LinkedHashMap<>();
        payee.put("name", d.payee().name());
        payee.put("bank", d.payee().bank());
        payee.put("accountNumberMasked", d.payee().accountNumberMasked());
        m.put("payee", payee);
        m.put("paymentReference", d.paymentReference());
        m.put("preparedBy", d.preparedBy());
        m.put("releasedBy", d.releasedBy());
        m.put("releasedAt", time(r.at()));
    } else if (e instanceof DisbursementEvent.Cancelled x) {
        m.put("programId", d.programId());
        put(m, "projectId", d.projectId());
        m.put("organisationCode", d.organisationCode());
        m.put("amountFen", d.amountFen());
        m.put("reason", x.reason());
        m.put("cancelledAt", time(x.at()));
    }
    return m;
  }

  public static Map<String, Object> data(ClaimEvent e) {
    ExpenditureClaim c = e.claim();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("claimId", c.id());
    m.put("programId", c.programId());
    m.put("organisationCode", c.organisationCode());
    if (e instanceof ClaimEvent.Submitted s) {
        put(m, "organisationName", c.organisationName());
        m.put("fiscalYear", c.fiscalYear());
        m.put("expenditureThisYearFen", c.expenditureThisYearFen());
        m.put("expenditureLastYearFen", c.expenditureLastYearFen());
        m.put("auditReportReference", c.auditReportReference());
        m.put("submittedAt", time(s.at()));
    } else if (e instanceof ClaimEvent.Verified v) {
        m.put("fiscalYear", c.fiscalYear());
        m.put("outcome", c.status().name());
        put(m, "reason", c.reason());
        m.put("subsidyFen", c.subsidyFen());
        m.put("explanation", c.explanation());
        m.put("verifiedBy", c.verifiedBy());
        m.put("verifiedAt", time(v.at()));
    }
    return m;
  }

  private static void put(Map<String, Object> m, String key, Object value) {
    if (value != null) {
      m.put(key, value);
    }
  }

  private static String time(Instant t) {
    return t.toString();
  }
}
