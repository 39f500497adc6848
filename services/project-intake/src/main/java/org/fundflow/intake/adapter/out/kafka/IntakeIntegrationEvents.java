package org.fundflow.intake.adapter.out.kafka;

import java.util.ArrayList;
import java.util.List;
import org.fundflow.intake.adapter.out.kafka.IntakeEventMessages.ChallengePublishedV1;
import org.fundflow.intake.adapter.out.kafka.IntakeEventMessages.Message;
import org.fundflow.intake.adapter.out.kafka.IntakeEventMessages.ProgramChangedV1;
import org.fundflow.intake.adapter.out.kafka.IntakeEventMessages.ProgramPublishedV1;
import org.fundflow.intake.adapter.out.kafka.IntakeEventMessages.ProposalAwardedV1;
import org.fundflow.intake.adapter.out.kafka.IntakeEventMessages.ProposalRejectedV1;
import org.fundflow.intake.adapter.out.kafka.IntakeEventMessages.ProposalScreenedV1;
import org.fundflow.intake.adapter.out.kafka.IntakeEventMessages.ProposalSubmittedV1;
import org.fundflow.intake.adapter.out.kafka.IntakeEventMessages.ProposalWithdrawnV1;
import org.fundflow.intake.domain.IntakeEvent;
import org.fundflow.intake.domain.Proposal;
import org.fundflow.platform.outbox.OutboxEvent;
import org.fundflow.platform.outbox.OutboxEvents;

/**
 * Domain events -> integration events (shared-schemas/EVENTS.md): topic, CloudEvents type, key and exactly the data
 * consumers need, as the typed, versioned records of {@link IntakeEventMessages}. A domain event without an
 * integration event is a programming error and fails loudly.
 */
public final class IntakeIntegrationEvents {

  public static final String PROGRAM_TOPIC = "intake.program-events";
  public static final String PROPOSAL_TOPIC = "intake.proposal-events";
  public static final String PROGRAM_PUBLISHED = "fundflow.intake.program-published.v1";
  public static final String PROGRAM_CHANGED = "fundflow.intake.program-changed.v1";
  public static final String CHALLENGE_PUBLISHED = "fundflow.intake.challenge-published.v1";
  public static final String PROPOSAL_SUBMITTED = "fundflow.intake.proposal-submitted.v1";
  public static final String PROPOSAL_WITHDRAWN = "fundflow.intake.proposal-withdrawn.v1";
  public static final String PROPOSAL_AWARDED = "fundflow.intake.proposal-awarded.v1";
  public static final String PROPOSAL_REJECTED = "fundflow.intake.proposal-rejected.v1";
  public static final String PROPOSAL_SCREENED = "fundflow.intake.proposal-screened.v1";
  public static final String AWARD_NOTICE_STARTED = "fundflow.intake.award-notice-started.v1";
  public static final String AWARD_OBJECTION_LODGED = "fundflow.intake.award-objection-lodged.v1";
  public static final String AWARD_OBJECTION_DECIDED = "fundflow.intake.award-objection-decided.v1";
  public static final String AWARD_WITHDRAWN = "fundflow.intake.award-withdrawn.v1";
  public static final String VOUCHER_ISSUED = "fundflow.intake.voucher-issued.v1";
  public static final String VOUCHER_CONTRACTED = "fundflow.intake.voucher-contracted.v1";
  public static final String VOUCHER_REDEEMED = "fundflow.intake.voucher-redeemed.v1";
  public static final String SERVICE_PROVIDER_APPROVED = "fundflow.intake.service-provider-approved.v1";

  private final OutboxEvents events;

  public IntakeIntegrationEvents(OutboxEvents events) {
    this.events = events;
  }

  public List<OutboxEvent> toOutbox(List<IntakeEvent> domainEvents) {
    List<OutboxEvent> out = new ArrayList<>();
    for (IntakeEvent e : domainEvents) {
      out.add(toOutbox(e));
    }
    return out;
  }

  /**
   * On its topic, keyed so that one program's (its challenges' too), proposal's or awarded project's events keep
   * their order.
   */
  public OutboxEvent toOutbox(IntakeEvent e) {
    Message message = toMessage(e);
    String voucherKey = VoucherEventMessages.key(e);
    if (voucherKey != null) {
      // innovation vouchers (issue 18): on the proposal topic, keyed by voucher (or provider) id, docs/adr/0009
      return events.create(PROPOSAL_TOPIC, message.type(), voucherKey, voucherKey, message);
    }
    if (e instanceof IntakeEvent.ProgramPublished p) {
      return events.create(PROGRAM_TOPIC, message.type(), p.program().id(), p.program().id(), message);
    }
    if (e instanceof IntakeEvent.ProgramChanged p) {
      return events.create(PROGRAM_TOPIC, message.type(), p.program().id(), p.program().id(), message);
    }
    if (e instanceof IntakeEvent.ChallengePublished c) {
      return events.create(PROGRAM_TOPIC, message.type(), c.challenge().programId(), c.challenge().id(), message);
    }
    if (e instanceof IntakeEvent.ProposalAwarded a) {
      String projectId = a.proposal().projectId();
      return events.create(PROPOSAL_TOPIC, message.type(), projectId, projectId, message);
    }
    String proposalId = proposalOf(e).id();
    return events.create(PROPOSAL_TOPIC, message.type(), proposalId, proposalId, message);
  }

  private static Proposal proposalOf(IntakeEvent e) {
    if (e instanceof IntakeEvent.ProposalSubmitted s) {
      return s.proposal();
    }
    if (e instanceof IntakeEvent.ProposalWithdrawn w) {
      return w.proposal();
    }
    if (e instanceof IntakeEvent.ProposalRejected r) {
      return r.proposal();
    }
    if (e instanceof IntakeEvent.ProposalScreened s) {
      return s.proposal();
    }
    if (e instanceof IntakeEvent.AwardNoticeStarted n) {
      return n.proposal();
    }
    if (e instanceof IntakeEvent.ObjectionLodged o) {
      return o.proposal();
    }
    if (e instanceof IntakeEvent.ObjectionDecided o) {
      return o.proposal();
    }
    if (e instanceof IntakeEvent.AwardWithdrawn w) {
      return w.proposal();
    }
    throw new IllegalArgumentException("no integration event for " + e.getClass().getSimpleName());
  }

  /** The integration message of a domain event (public for the contract tests). */
  public static Message toMessage(IntakeEvent e) {
    Message voucherMessage = VoucherEventMessages.toMessage(e);
    if (voucherMessage != null) {
      return voucherMessage;
    }
    if (e instanceof IntakeEvent.ProgramPublished p) {
      return ProgramPublishedV1.of(p.program());
    }
    if (e instanceof IntakeEvent.ProgramChanged p) {
      return ProgramChangedV1.of(p.program(), p.at());
    }
    if (e instanceof IntakeEvent.ChallengePublished c) {
      return ChallengePublishedV1.of(c.challenge());
    }
    if (e instanceof IntakeEvent.ProposalSubmitted s) {
      return ProposalSubmittedV1.of(s.proposal(), s.at(), s.files());
    }
    if (e instanceof IntakeEvent.ProposalWithdrawn w) {
      return ProposalWithdrawnV1.of(w.proposal(), w.at());
    }
    if (e instanceof IntakeEvent.ProposalAwarded a) {
      return ProposalAwardedV1.of(a.proposal(), a.program(), a.at());
    }
    if (e instanceof IntakeEvent.ProposalRejected r) {
      return ProposalRejectedV1.of(r.proposal(), r.at());
    }
    if (e instanceof IntakeEvent.ProposalScreened s) {
      return ProposalScreenedV1.of(s.proposal(), s.review(), s.at());
    }
    if (e instanceof IntakeEvent.AwardNoticeStarted n) {
      return IntakeEventMessages.AwardNoticeStartedV1.of(n.proposal());
    }
    if (e instanceof IntakeEvent.ObjectionLodged o) {
      return IntakeEventMessages.AwardObjectionLodgedV1.of(o.proposal(), o.objection());
    }
    if (e instanceof IntakeEvent.ObjectionDecided o) {
      return IntakeEventMessages.AwardObjectionDecidedV1.of(o.proposal(), o.objection());
    }
    if (e instanceof IntakeEvent.AwardWithdrawn w) {
      return IntakeEventMessages.AwardWithdrawnV1.of(w.proposal(), w.upheld(), w.at());
    }
    throw new IllegalArgumentException("no integration event for " + e.getClass().getSimpleName());
  }
}
