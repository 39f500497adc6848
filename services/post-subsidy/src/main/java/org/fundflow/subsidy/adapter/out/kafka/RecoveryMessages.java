package org.fundflow.subsidy.adapter.out.kafka;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.fundflow.platform.outbox.OutboxEvent;
import org.fundflow.platform.outbox.OutboxEvents;
import org.fundflow.subsidy.domain.RecoveryEvent;
import org.fundflow.subsidy.domain.RecoveryOrder;

/**
 * Recovery events (追回) -> {@code recovery-opened} / {@code recovery-settled} on {@code subsidy.disbursement-events},
 * keyed by the project id like the project's disbursements (shared-schemas post-subsidy/recovery-*.v1).
 */
public final class RecoveryMessages {

  public static final String RECOVERY_OPENED = "fundflow.subsidy.recovery-opened.v1";
  public static final String RECOVERY_SETTLED = "fundflow.subsidy.recovery-settled.v1";

  private final OutboxEvents events;

  public RecoveryMessages(OutboxEvents events) {
    this.events = events;
  }

  public OutboxEvent toOutbox(RecoveryEvent event) {
    Message m = toMessage(event);
    String key = event.order().projectId();
    return events.create(IntegrationEvents.DISBURSEMENT_TOPIC, m.type(), key, key, m);
  }

  /** The integration message of a recovery event; a new event without one fails here, loudly. */
  public static Message toMessage(RecoveryEvent event) {
    RecoveryOrder o = event.order();
    if (event instanceof RecoveryEvent.Opened) {
      return new RecoveryOpenedV1(o.id(), o.caseId(), o.projectId(), o.programId(), o.organisationCode(),
          o.amountFen(), o.releasedFen(), o.basis().name(), o.openedAt());
    }
    if (event instanceof RecoveryEvent.Settled) {
      return new RecoverySettledV1(o.id(), o.caseId(), o.projectId(), o.organisationCode(), o.amountFen(),
          o.status().name(), o.paymentReference(), o.note(), o.recordedBy(), o.approvedBy(), o.settledAt());
    }
    throw new IllegalArgumentException("no integration event for " + event.getClass().getSimpleName());
  }

  public sealed interface Message {
    @JsonIgnore
    String type();
  }

  public record RecoveryOpenedV1(String recoveryId, String caseId, String projectId, String programId,
      String organisationCode, long amountFen, long releasedFen, String basis, Instant openedAt) implements Message {
    @Override
    public String type() {
      return RECOVERY_OPENED;
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RecoverySettledV1(String recoveryId, String caseId, String projectId, String organisationCode,
      long amountFen, String outcome, String paymentReference, String note, String recordedBy, String approvedBy,
      Instant settledAt) implements Message {
    @Override
    public String type() {
      return RECOVERY_SETTLED;
    }
  }
}
