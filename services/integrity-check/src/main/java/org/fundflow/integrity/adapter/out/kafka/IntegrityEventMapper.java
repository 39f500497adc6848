package org.fundflow.integrity.adapter.out.kafka;

import org.fundflow.integrity.adapter.out.kafka.IntegrityMessages.CaseDecided;
import org.fundflow.integrity.adapter.out.kafka.IntegrityMessages.EvidenceData;
import org.fundflow.integrity.adapter.out.kafka.IntegrityMessages.FlagRaised;
import org.fundflow.integrity.adapter.out.kafka.IntegrityMessages.HoldLifted;
import org.fundflow.integrity.adapter.out.kafka.IntegrityMessages.HoldPlaced;
import org.fundflow.integrity.adapter.out.kafka.IntegrityMessages.RuleData;
import org.fundflow.integrity.adapter.out.kafka.IntegrityMessages.SubjectData;
import org.fundflow.integrity.domain.Flag;
import org.fundflow.integrity.domain.Hold;
import org.fundflow.integrity.domain.IntegrityEvent;
import org.fundflow.integrity.domain.Subject;
import org.fundflow.platform.outbox.OutboxEvent;
import org.fundflow.platform.outbox.OutboxEvents;

/** Domain events -> integration events on {@code integrity.events}, keyed by the subject id. */
public final class IntegrityEventMapper {

  public static final String TOPIC = "integrity.events";
  public static final String FLAG_RAISED = "fundflow.integrity.flag-raised.v1";
  public static final String CASE_DECIDED = "fundflow.integrity.case-decided.v1";
  public static final String HOLD_PLACED = "fundflow.integrity.hold-placed.v1";
  public static final String HOLD_LIFTED = "fundflow.integrity.hold-lifted.v1";
  public static final String HOLD_EXPIRING = "fundflow.integrity.hold-expiring.v1";

  private final OutboxEvents events;

  public IntegrityEventMapper(OutboxEvents events) {
    this.events = events;
  }

  public OutboxEvent toOutbox(IntegrityEvent event) {
    if (event instanceof IntegrityEvent.FlagRaised e) {
      return create(FLAG_RAISED, e.subject(), data(e.flag()));
    }
    if (event instanceof IntegrityEvent.CaseDecided e) {
      return create(CASE_DECIDED, e.subject(), new CaseDecided(e.caseId(), subject(e.subject()),
          e.decision().name(), e.reason(), e.flagIds(), e.decidedBy(), e.decidedAt(),
          e.finding() == null ? null : e.finding().misconduct(), e.finding() == null ? null : e.finding().projectId(),
          e.finding() == null ? null : e.finding().recoveryAmountFen(),
          e.evidenceFiles().stream().map(f -> new IntegrityMessages.FileData(f.fileId(), f.name(), f.mediaType(),
              f.sizeBytes(), f.sha256(), f.uploadedBy(), f.uploadedAt())).toList()));
    }
    if (event instanceof IntegrityEvent.HoldPlaced e) {
      return create(HOLD_PLACED, e.subject(), data(e.hold()));
    }
    if (event instanceof IntegrityEvent.HoldExpiring e) {
      Hold h = e.hold();
      return create(HOLD_EXPIRING, e.subject(), new IntegrityMessages.HoldExpiring(h.holdId(), subject(h.subject()),
          h.reason() == null || h.reason().isBlank() ? null : h.reason(), h.caseId(), h.flagId(), h.endsAt(),
          e.announcedAt()));
    }
    if (event instanceof IntegrityEvent.HoldLifted e) {
      return create(HOLD_LIFTED, e.subject(),
          new HoldLifted(e.holdId(), subject(e.subject()), e.reason().name(), e.note(), e.liftedBy(), e.liftedAt()));
    }
    // a new domain event without its integration event is a programming error, said so (not a ClassCastException)
    throw new IllegalArgumentException("no integration event for " + event.getClass().getSimpleName());
  }

  public static FlagRaised data(Flag f) {
    return new FlagRaised(f.flagId(), new RuleData(f.rule().name(), f.rule().version()), subject(f.subject()),
        f.severity().name(), f.evidence().stream()
            .map(ev -> new EvidenceData(ev.eventId(), ev.eventType(), ev.description(), ev.values())).toList(),
        f.raisedAt());
  }

  public static HoldPlaced data(Hold h) {
    return new HoldPlaced(h.holdId(), subject(h.subject()), h.reason() == null ? "" : h.reason(), h.caseId(), h.flagId(),
        h.startsAt(), h.endsAt(), h.placedBy(), h.placedAt());
  }

  static SubjectData subject(Subject s) {
    return new SubjectData(s.type().name(), s.id());
  }

  private OutboxEvent create(String type, Subject subject, Object data) {
    return events.create(TOPIC, type, subject.id(), subject.id(), data);
  }
}
