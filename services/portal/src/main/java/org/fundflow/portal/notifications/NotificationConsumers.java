package org.fundflow.portal.notifications;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.fundflow.platform.events.EventDispatcher;
import org.fundflow.platform.events.EventReader;
import org.fundflow.platform.events.ReceivedEvent;
import org.fundflow.portal.notifications.EventMessages.ChangeRequestDecided;
import org.fundflow.portal.notifications.EventMessages.ChangeRequestSubmitted;
import org.fundflow.portal.notifications.EventMessages.DisbursementCreated;
import org.fundflow.portal.notifications.EventMessages.DisbursementPrepared;
import org.fundflow.portal.notifications.EventMessages.ExpertsAssigned;
import org.fundflow.portal.notifications.EventMessages.HoldExpiring;
import org.fundflow.portal.notifications.EventMessages.ProposalReviewed;
import org.fundflow.portal.notifications.EventMessages.DisbursementReleased;
import org.fundflow.portal.notifications.EventMessages.ExpertRecused;
import org.fundflow.portal.notifications.EventMessages.ReviewExpertRecused;
import org.fundflow.portal.notifications.EventMessages.FlagRaised;
import org.fundflow.portal.notifications.EventMessages.HoldLifted;
import org.fundflow.portal.notifications.EventMessages.HoldPlaced;
import org.fundflow.portal.notifications.EventMessages.MilestoneDue;
import org.fundflow.portal.notifications.EventMessages.MilestoneReviewCompleted;
import org.fundflow.portal.notifications.EventMessages.PerformanceEvaluated;
import org.fundflow.portal.notifications.EventMessages.ProposalAwarded;
import org.fundflow.portal.notifications.EventMessages.ProposalRejected;
import org.fundflow.portal.notifications.EventMessages.ProposalSubmitted;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The portal's consumers (consumer group {@code portal}), one per topic, with the platform's {@link EventDispatcher}:
 * routed by CloudEvents type, unknown types skipped, malformed data to {@code portal.dlq} with the reason while the
 * consumer goes on. Each event becomes one notification per inbox it concerns (unique on event id + inbox).
 */
@Configuration(proxyBeanMethods = false)
public class NotificationConsumers {

  static final String PROPOSAL_SUBMITTED = "fundflow.intake.proposal-submitted.v1";
  static final String PROPOSAL_AWARDED = "fundflow.intake.proposal-awarded.v1";
  static final String PROPOSAL_REJECTED = "fundflow.intake.proposal-rejected.v1";
  static final String REVIEW_COMPLETED = "fundflow.milestone.milestone-review-completed.v1";
  static final String EXPERT_RECUSED = "fundflow.milestone.expert-recused.v1";
  static final String REVIEW_EXPERT_RECUSED = "fundflow.milestone.review-expert-recused.v1";
  static final String DISBURSEMENT_CREATED = "fundflow.subsidy.disbursement-created.v1";
  static final String DISBURSEMENT_RELEASED = "fundflow.subsidy.disbursement-released.v1";
  static final String HOLD_PLACED = "fundflow.integrity.hold-placed.v1";
  static final String HOLD_LIFTED = "fundflow.integrity.hold-lifted.v1";
  static final String FLAG_RAISED = "fundflow.integrity.flag-raised.v1";
  static final String CHANGE_REQUEST_SUBMITTED = "fundflow.milestone.change-request-submitted.v1";
  static final String CHANGE_REQUEST_DECIDED = "fundflow.milestone.change-request-decided.v1";
  static final String MILESTONE_DUE_REMINDER = "fundflow.milestone.milestone-due-reminder.v1";
  static final String MILESTONE_OVERDUE = "fundflow.milestone.milestone-overdue.v1";
  static final String PERFORMANCE_EVALUATED = "fundflow.milestone.performance-evaluated.v1";
  static final String EXPERTS_ASSIGNED = "fundflow.milestone.experts-assigned.v1";
  static final String PROPOSAL_REVIEWED = "fundflow.milestone.proposal-reviewed.v1";
  static final String DISBURSEMENT_PREPARED = "fundflow.subsidy.disbursement-prepared.v1";
  static final String HOLD_EXPIRING = "fundflow.integrity.hold-expiring.v1";

  static final String PROGRAM_MANAGER = Recipients.role("PROGRAM_MANAGER");
  static final String FINANCE_OFFICER = Recipients.role("FINANCE_OFFICER");
  static final String FINANCE_APPROVER = Recipients.role("FINANCE_APPROVER");
  static final String INTEGRITY_OFFICER = Recipients.role("INTEGRITY_OFFICER");

  @Bean
  EventReader portalEventReader(ObjectProvider<JsonMapper> mapper, Validator validator) {
    return new EventReader(mapper.getIfAvailable(JsonMapper::new), validator);
  }

  @Bean
  Notifier notifier(Inbox inbox, NotificationMailer mailer, Clock clock) {
    return new Notifier(inbox, mailer, clock);
  }

  @Bean
  Consumer<Message<byte[]>> onProposalEvent(EventReader reader, MeterRegistry meters, Notifier notifier) {
    return EventDispatcher.builder("portal/proposal-events", reader, meters)
        .on(PROPOSAL_SUBMITTED, ProposalSubmitted.class, e -> {
          ProposalSubmitted m = e.data();
          Map<String, String> details = details("title", m.title(), "proposalId", m.proposalId(),
              "programId", m.programId());
          return notifier.notify(e, Recipients.organisation(m.organisationCode()), NotificationKind.PROPOSAL_SUBMITTED,
                  details)
              .then(notifier.notify(e, PROGRAM_MANAGER, NotificationKind.PROPOSAL_RECEIVED, details));
        })
        .on(PROPOSAL_AWARDED, ProposalAwarded.class, e -> {
          ProposalAwarded m = e.data();
          return notifier.notify(e, Recipients.organisation(m.organisationCode()), NotificationKind.PROPOSAL_AWARDED,
              details("title", m.title(), "proposalId", m.proposalId(), "projectId", m.projectId(),
                  "awardedAmountFen", String.valueOf(m.awardedAmountFen())));
        })
        .on(PROPOSAL_REJECTED, ProposalRejected.class, e -> {
          ProposalRejected m = e.data();
          return notifier.notify(e, Recipients.organisation(m.organisationCode()), NotificationKind.PROPOSAL_REJECTED,
              details("proposalId", m.proposalId(), "reason", m.reason()));
        })
        .build();
  }

  @Bean
  Consumer<Message<byte[]>> onProjectEvent(EventReader reader, MeterRegistry meters, Notifier notifier) {
    return EventDispatcher.builder("portal/project-events", reader, meters)
        .on(REVIEW_COMPLETED, MilestoneReviewCompleted.class, e -> {
          MilestoneReviewCompleted m = e.data();
          Map<String, String> details = details("projectId", m.projectId(), "milestoneId", m.milestoneId(),
              "sequence", String.valueOf(m.sequence()), "outcome", m.outcome(), "meanScore", m.meanScore(),
              "rectifyBy", m.rectifyBy() == null ? null : m.rectifyBy().toString());
          NotificationKind applicant = m.rectifyBy() != null ? NotificationKind.MILESTONE_TO_RECTIFY
              : NotificationKind.MILESTONE_DECIDED;
          // issue 16: each expert of the panel hears the outcome (never another's score, nor the mean)
          Map<String, String> decided = details("projectId", m.projectId(), "sequence", String.valueOf(m.sequence()),
              "outcome", m.outcome());
          return notifier.notify(e, Recipients.organisation(m.organisationCode()), applicant, details)
              .then(notifier.notify(e, PROGRAM_MANAGER, NotificationKind.PANEL_COMPLETE, details))
              .then(notifier.notifyEach(e, m.expertIds(), NotificationKind.PANEL_DECIDED, decided));
        })
        // issue 16: each expert put on a panel is told in its own inbox (its expert id is its login subject)
        .on(EXPERTS_ASSIGNED, ExpertsAssigned.class, e -> {
          ExpertsAssigned m = e.data();
          return m.ofProposal()
              ? notifier.notifyEach(e, m.expertIds(), NotificationKind.PROPOSAL_PANEL_ASSIGNED,
                  details("proposalId", m.proposalId(), "programId", m.programId()))
              : notifier.notifyEach(e, m.expertIds(), NotificationKind.PANEL_ASSIGNED, details("projectId",
                  m.projectId(), "sequence", m.sequence() == null ? null : String.valueOf(m.sequence()),
                  "reportId", m.reportId()));
        })
        // 立项评审 done: each expert of the panel hears the panel's score (the mean, not another's score)
        .on(PROPOSAL_REVIEWED, ProposalReviewed.class, e -> {
          ProposalReviewed m = e.data();
          return notifier.notifyEach(e, m.expertIds(), NotificationKind.PROPOSAL_PANEL_DECIDED,
              details("proposalId", m.proposalId(), "score", m.score()));
        })
        // 回避: an expert left a panel; the program manager appoints another (its report page lists the recusal)
        .on(EXPERT_RECUSED, ExpertRecused.class, e -> {
          ExpertRecused m = e.data();
          return notifier.notify(e, PROGRAM_MANAGER, NotificationKind.EXPERT_RECUSED, details("expertId", m.expertId(),
              "projectId", m.projectId(), "milestoneId", m.milestoneId(), "reportId", m.reportId()));
        })
        .on(REVIEW_EXPERT_RECUSED, ReviewExpertRecused.class, e -> {
          ReviewExpertRecused m = e.data();
          return notifier.notify(e, PROGRAM_MANAGER, NotificationKind.REVIEW_EXPERT_RECUSED, details("expertId",
              m.expertId(), "proposalId", m.proposalId(), "reason", m.reason(), "programId", m.programId()));
        })
        // issue 17 point 5: change requests (program managers decide them, the applicant hears the decision)
        .on(CHANGE_REQUEST_SUBMITTED, ChangeRequestSubmitted.class, e -> {
          ChangeRequestSubmitted m = e.data();
          return notifier.notify(e, PROGRAM_MANAGER, NotificationKind.CHANGE_REQUESTED, details("projectId",
              m.projectId(), "summary", m.summary(), "changeRequestId", m.changeRequestId(), "kind", m.kind()));
        })
        .on(CHANGE_REQUEST_DECIDED, ChangeRequestDecided.class, e -> {
          ChangeRequestDecided m = e.data();
          return notifier.notify(e, Recipients.organisation(m.organisationCode()),
              m.approved() ? NotificationKind.CHANGE_APPROVED : NotificationKind.CHANGE_REFUSED,
              details("projectId", m.projectId(), "summary", m.summary(), "reason", m.reason(),
                  "changeRequestId", m.changeRequestId(), "kind", m.kind()));
        })
        // the due-date sweep: a reminder before (applicant), a warning after (applicant) and the overdue (managers)
        .on(MILESTONE_DUE_REMINDER, MilestoneDue.class, e -> {
          MilestoneDue m = e.data();
          return notifier.notify(e, Recipients.organisation(m.organisationCode()), NotificationKind.MILESTONE_DUE_SOON,
              due(m));
        })
        .on(MILESTONE_OVERDUE, MilestoneDue.class, e -> {
          MilestoneDue m = e.data();
          return notifier.notify(e, Recipients.organisation(m.organisationCode()), NotificationKind.MILESTONE_OVERDUE,
                  due(m))
              .then(notifier.notify(e, PROGRAM_MANAGER, NotificationKind.PROJECT_MILESTONE_OVERDUE, due(m)));
        })
        // 绩效评价: the applicant hears how its completed challenge project was rated
        .on(PERFORMANCE_EVALUATED, PerformanceEvaluated.class, e -> {
          PerformanceEvaluated m = e.data();
          return notifier.notify(e, Recipients.organisation(m.organisationCode()),
              NotificationKind.PERFORMANCE_EVALUATED, details("projectId", m.projectId(),
                  "met", String.valueOf(m.counts().met()), "partlyMet", String.valueOf(m.counts().partlyMet()),
                  "notMet", String.valueOf(m.counts().notMet())));
        })
        .build();
  }

  @Bean
  Consumer<Message<byte[]>> onDisbursementEvent(EventReader reader, MeterRegistry meters, Notifier notifier) {
    return EventDispatcher.builder("portal/disbursement-events", reader, meters)
        .on(DISBURSEMENT_CREATED, DisbursementCreated.class, e -> {
          DisbursementCreated m = e.data();
          return notifier.notify(e, FINANCE_OFFICER, NotificationKind.DISBURSEMENT_TO_PREPARE,
              details("disbursementId", m.disbursementId(), "amountFen", String.valueOf(m.amountFen()),
                  "projectId", m.projectId(), "programId", m.programId()));
        })
        // issue 16: prepared by a finance officer, to be released by an approver (not the preparer: the page says so)
        .on(DISBURSEMENT_PREPARED, DisbursementPrepared.class, e -> {
          DisbursementPrepared m = e.data();
          return notifier.notify(e, FINANCE_APPROVER, NotificationKind.DISBURSEMENT_TO_RELEASE,
              details("disbursementId", m.disbursementId(), "amountFen", String.valueOf(m.amountFen()),
                  "programId", m.programId(), "payFor", m.projectId() != null ? m.projectId() : m.claimId()));
        })
        .on(DISBURSEMENT_RELEASED, DisbursementReleased.class, e -> {
          DisbursementReleased m = e.data();
          return notifier.notify(e, Recipients.organisation(m.organisationCode()), NotificationKind.PAYMENT_RELEASED,
              details("disbursementId", m.disbursementId(), "amountFen", String.valueOf(m.amountFen()),
                  "projectId", m.projectId(), "paymentReference", m.paymentReference()));
        })
        .build();
  }

  @Bean
  Consumer<Message<byte[]>> onIntegrityEvent(EventReader reader, MeterRegistry meters, Notifier notifier) {
    return EventDispatcher.builder("portal/integrity-events", reader, meters)
        .on(HOLD_PLACED, HoldPlaced.class, e -> {
          HoldPlaced m = e.data();
          if (!m.subject().isOrganisation()) {
            return Mono.empty(); // a person's hold: the portal knows no inbox of a person
          }
          return notifier.notify(e, Recipients.organisation(m.subject().id()), NotificationKind.HOLD_PLACED,
              details("holdId", m.holdId(), "reason", m.reason(), "endsAt", m.endsAt().toString()));
        })
        .on(HOLD_LIFTED, HoldLifted.class, e -> {
          HoldLifted m = e.data();
          if (!m.subject().isOrganisation()) {
            return Mono.empty();
          }
          return notifier.notify(e, Recipients.organisation(m.subject().id()), NotificationKind.HOLD_LIFTED,
              details("holdId", m.holdId(), "reason", m.reason()));
        })
        .on(FLAG_RAISED, FlagRaised.class, e -> {
          FlagRaised m = e.data();
          // the subject's id is an organisation code or a person's hash: shown to integrity officers only
          String subject = m.subject().isOrganisation() ? m.subject().id() : m.subject().type();
          Mono<Void> officers = notifier.notify(e, INTEGRITY_OFFICER, NotificationKind.FLAG_RAISED,
              details("flagId", m.flagId(), "rule", m.rule().name() + "@" + m.rule().version(),
                  "severity", m.severity(), "subject", subject));
          // issue 16: the program managers hear of a flag on an organisation whose evidence names a proposal or
          // project (programs carry no manager: the role's inbox); never a person's flag
          if (!m.subject().isOrganisation() || m.proposalOrProject().isEmpty()) {
            return officers;
          }
          return officers.then(notifier.notify(e, PROGRAM_MANAGER, NotificationKind.FLAG_ON_PROPOSAL,
              details("flagId", m.flagId(), "rule", m.rule().name() + "@" + m.rule().version(),
                  "severity", m.severity(), "subject", subject,
                  "proposalOrProject", m.proposalOrProject().get().getValue())));
        })
        // issue 16: integrity-check's sweep says a hold ends by itself soon; the officers may extend or lift it
        .on(HOLD_EXPIRING, HoldExpiring.class, e -> {
          HoldExpiring m = e.data();
          String subject = m.subject().isOrganisation() ? m.subject().id() : m.subject().type();
          return notifier.notify(e, INTEGRITY_OFFICER, NotificationKind.HOLD_EXPIRING,
              details("holdId", m.holdId(), "subject", subject, "endsAt", m.endsAt().toString()));
        })
        .build();
  }

  private static Map<String, String> due(MilestoneDue m) {
    return details("projectId", m.projectId(), "milestoneId", m.milestoneId(), "sequence",
        String.valueOf(m.sequence()), "dueDate", m.dueDate().toString());
  }

  private static Map<String, String> details(String... pairs) {
    Map<String, String> details = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] != null) {
        details.put(pairs[i], pairs[i + 1]);
      }
    }
    return details;
  }

  /** Stores a notification for an inbox and mails it, once per event and inbox. */
  static final class Notifier {
    private final Inbox inbox;
    private final NotificationMailer mailer;
    private final Clock clock;

    Notifier(Inbox inbox, NotificationMailer mailer, Clock clock) {
      this.inbox = inbox;
      this.mailer = mailer;
      this.clock = clock;
    }

    /** One notification in each of these users' own inboxes (issue 16: the experts of a panel). */
    Mono<Void> notifyEach(ReceivedEvent<?> event, java.util.List<String> subjects, NotificationKind kind,
        Map<String, String> details) {
      return reactor.core.publisher.Flux.fromIterable(subjects)
          .concatMap(subject -> notify(event, Recipients.user(subject), kind, details))
          .then();
    }

    Mono<Void> notify(ReceivedEvent<?> event, String recipient, NotificationKind kind, Map<String, String> details) {
      return inbox.deliver(Notification.of(event.eventId(), recipient, kind, details, event.attributes().time(),
              clock.instant()))
          // the e-mails after the event is applied: a slow mail server does not hold up the consumer
          .doOnNext(stored -> mailer.mail(stored).subscribe())
          .then();
    }
  }

}
