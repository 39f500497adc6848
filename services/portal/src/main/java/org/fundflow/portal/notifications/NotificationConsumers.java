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
import org.fundflow.portal.notifications.EventMessages.DisbursementReleased;
import org.fundflow.portal.notifications.EventMessages.ExpertRecused;
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

  static final String PROGRAM_MANAGER = Recipients.role("PROGRAM_MANAGER");
  static final String FINANCE_OFFICER = Recipients.role("FINANCE_OFFICER");
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
          return notifier.notify(e, Recipients.organisation(m.organisationCode()), applicant, details)
              .then(notifier.notify(e, PROGRAM_MANAGER, NotificationKind.PANEL_COMPLETE, details));
        })
        // 回避: an expert left a panel; the program manager appoints another (its report page lists the recusal)
        .on(EXPERT_RECUSED, ExpertRecused.class, e -> {
          ExpertRecused m = e.data();
          return notifier.notify(e, PROGRAM_MANAGER, NotificationKind.EXPERT_RECUSED, details("expertId", m.expertId(),
              "projectId", m.projectId(), "milestoneId", m.milestoneId(), "reportId", m.reportId()));
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
          return notifier.notify(e, INTEGRITY_OFFICER, NotificationKind.FLAG_RAISED,
              details("flagId", m.flagId(), "rule", m.rule().name() + "@" + m.rule().version(),
                  "severity", m.severity(), "subject", subject));
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

    Mono<Void> notify(ReceivedEvent<?> event, String recipient, NotificationKind kind, Map<String, String> details) {
      return inbox.deliver(Notification.of(event.eventId(), recipient, kind, details, event.attributes().time(),
              clock.instant()))
          // the e-mails after the event is applied: a slow mail server does not hold up the consumer
          .doOnNext(stored -> mailer.mail(stored).subscribe())
          .then();
    }
  }

}
