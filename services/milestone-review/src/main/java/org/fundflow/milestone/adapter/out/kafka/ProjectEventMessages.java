package org.fundflow.milestone.adapter.out.kafka;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.fundflow.milestone.domain.Project;
import org.fundflow.milestone.domain.ProjectEvent;
import org.fundflow.milestone.domain.ProjectEvent.ExpertEvaluationSubmitted;
import org.fundflow.milestone.domain.ProjectEvent.MilestoneAccepted;
import org.fundflow.milestone.domain.ProjectEvent.MilestoneReportSubmitted;
import org.fundflow.milestone.domain.ProjectEvent.MilestoneReviewCompleted;
import org.fundflow.milestone.domain.ProjectEvent.ProjectCompleted;
import org.fundflow.milestone.domain.ProjectEvent.ProjectTerminated;
import org.fundflow.milestone.domain.ProjectEvent.MilestoneDueReminder;
import org.fundflow.milestone.domain.ProjectEvent.MilestoneOverdue;
import org.fundflow.milestone.domain.ProjectEvent.ProjectResumed;
import org.fundflow.milestone.domain.ProjectEvent.ProjectSuspended;
import org.fundflow.platform.outbox.OutboxEvent;
import org.fundflow.platform.outbox.OutboxEvents;

/**
 * Domain events of a project -> integration events on {@code milestone.project-events}
 * (shared-schemas EVENTS.md), keyed by the project id so that one project's events keep order.
 */
public class ProjectEventMessages {

  public static final String TOPIC = "milestone.project-events";
  public static final String REPORT_SUBMITTED = "fundflow.milestone.milestone-report-submitted.v1";
  public static final String EVALUATION_SUBMITTED = "fundflow.milestone.expert-evaluation-submitted.v1";
  public static final String EXPERT_RECUSED = "fundflow.milestone.expert-recused.v1";
  public static final String REVIEW_COMPLETED = "fundflow.milestone.milestone-review-completed.v1";
  public static final String MILESTONE_ACCEPTED = "fundflow.milestone.milestone-accepted.v1";
  public static final String PROJECT_TERMINATED = "fundflow.milestone.project-terminated.v1";
  public static final String PROJECT_COMPLETED = "fundflow.milestone.project-completed.v1";
  public static final String PROJECT_SUSPENDED = "fundflow.milestone.project-suspended.v1";
  public static final String PROJECT_RESUMED = "fundflow.milestone.project-resumed.v1";
  public static final String MILESTONE_DUE_REMINDER = "fundflow.milestone.milestone-due-reminder.v1";
  public static final String MILESTONE_OVERDUE = "fundflow.milestone.milestone-overdue.v1";
  public static final String CHANGE_REQUEST_SUBMITTED = "fundflow.milestone.change-request-submitted.v1";
  public static final String CHANGE_REQUEST_DECIDED = "fundflow.milestone.change-request-decided.v1";
  public static final String EXPERTS_ASSIGNED = "fundflow.milestone.experts-assigned.v1";
  /** The two kinds of review panel an experts-assigned event names. */
  public static final String MILESTONE_REVIEW = "MILESTONE_REVIEW";
  public static final String PROPOSAL_REVIEW = "PROPOSAL_REVIEW";

  private final OutboxEvents events;

  public ProjectEventMessages(OutboxEvents events) {
    this.events = events;
  }

  public OutboxEvent toOutbox(Project project, ProjectEvent event) {
    Message message = toMessage(project, event);
    return events.create(TOPIC, message.type(), project.id(), project.id(), message);
  }

  /** The integration message of a domain event (public for the contract tests). */
  public static Message toMessage(Project p, ProjectEvent event) {
    if (event instanceof MilestoneReportSubmitted e) {
      return new MilestoneReportSubmittedV1(p.id(), p.programId(), e.milestoneId(),
          e.sequence(), e.reportId(), e.attempt(), p.organisationCode(), e.deliverablesMet(),
          e.evidence().stream().map(x -> new EvidenceV1(x.name(), x.sha256())).toList(), e.spendingToDateFen(),
          e.submittedAt(), e.evidenceFiles().stream().map(f -> new EvidenceFileV1(f.fileId(), f.name(), f.mediaType(),
              f.sizeBytes(), f.sha256(), f.uploadedAt())).toList());
    }
    if (event instanceof ExpertEvaluationSubmitted e) {
      return new ExpertEvaluationSubmittedV1(p.id(), p.programId(), e.milestoneId(),
          e.reportId(), e.expertId(), e.expertPersonIdHash(), e.expertOrganisationCode(), p.organisationCode(),
          p.teamOrganisationCodes(),
          new ScoresV1(e.scores().deliverables(), e.scores().technicalQuality(), e.scores().budgetExecution(),
              e.scores().management()),
          e.total(), e.recommendation().name(), e.submittedAt());
    }
    if (event instanceof ProjectEvent.ExpertRecused e) {
      return new ExpertRecusedV1(p.id(), p.programId(), e.milestoneId(), e.reportId(), e.expertId(), e.reason(),
          e.declaredAt());
    }
    if (event instanceof MilestoneReviewCompleted e) {
      return new MilestoneReviewCompletedV1(p.id(), p.programId(), e.milestoneId(),
          e.sequence(), e.reportId(), p.organisationCode(), e.decision().outcome().name(), e.decision().meanScore(),
          e.decision().totalsUsed(), e.decision().totalsDropped(), e.decision().rule(), e.finalMilestone(),
          e.decision().rectifyBy(), e.decision().decidedAt(), e.expertIds());
    }
    if (event instanceof ProjectEvent.ExpertsAssigned e) {
      return new ExpertsAssignedV1(MILESTONE_REVIEW, p.programId(), p.id(), e.milestoneId(), e.sequence(),
          e.reportId(), null, e.expertIds(), e.assignedAt());
    }
    if (event instanceof MilestoneAccepted e) {
      return new MilestoneAcceptedV1(p.id(), p.programId(), p.programKind().name(),
          e.milestoneId(), e.sequence(), e.tranchePercent(), p.awardedAmountFen(), p.organisationCode(),
          e.lastMilestone(), e.acceptedAt());
    }
    if (event instanceof ProjectTerminated e) {
      return new ProjectTerminatedV1(p.id(), p.programId(), p.organisationCode(),
          e.reason(), e.terminatedAt(), e.cause().name(), e.terminatedBy(), p.awardedAmountFen());
    }
    if (event instanceof ProjectSuspended e) {
      return new ProjectSuspendedV1(p.id(), p.programId(), p.organisationCode(), e.reason(), e.suspendedBy(),
          e.suspendedAt());
    }
    if (event instanceof ProjectResumed e) {
      return new ProjectResumedV1(p.id(), p.programId(), p.organisationCode(), e.reason(), e.resumedBy(),
          e.resumedAt());
    }
    if (event instanceof MilestoneDueReminder e) {
      return new MilestoneDueReminderV1(p.id(), p.programId(), p.organisationCode(), e.milestoneId(), e.sequence(),
          e.dueDate(), e.remindedAt());
    }
    if (event instanceof MilestoneOverdue e) {
      return new MilestoneOverdueV1(p.id(), p.programId(), p.organisationCode(), e.milestoneId(), e.sequence(),
          e.dueDate(), e.overdueAt());
    }
    if (event instanceof ProjectCompleted e) {
      return new ProjectCompletedV1(p.id(), p.programId(), p.programKind().name(),
          p.organisationCode(), p.awardedAmountFen(), e.completedAt());
    }
    if (event instanceof ProjectEvent.ChangeRequestSubmitted e) {
      var r = e.request();
      return new ChangeRequestSubmittedV1(p.id(), p.programId(), p.organisationCode(), p.title(), r.id(),
          r.kind().name(), r.milestoneId(), r.newDueDate(), r.describe(), r.justification(), r.requestedBy(),
          r.requestedAt());
    }
    if (event instanceof ProjectEvent.ChangeRequestDecided e) {
      var r = e.request();
      return new ChangeRequestDecidedV1(p.id(), p.programId(), p.organisationCode(), p.title(), r.id(),
          r.kind().name(), r.milestoneId(), r.newDueDate(), r.describe(),
          r.status() == org.fundflow.milestone.domain.ChangeRequest.Status.APPROVED, r.decisionReason(),
          r.requestedBy(), r.decidedBy(), r.decidedAt());
    }
    throw new IllegalArgumentException("no integration event for " + event.getClass().getSimpleName());
  }

  /** An integration message and its CloudEvents type. */
  public sealed interface Message {
    @com.fasterxml.jackson.annotation.JsonIgnore
    String type();
  }

  public record EvidenceV1(String name, String sha256) {}

  /** A stored evidence file's metadata (issue 15), never its bytes. */
  public record EvidenceFileV1(String fileId, String name, String mediaType, long sizeBytes, String sha256,
      Instant uploadedAt) {}

  public record ScoresV1(int deliverables, int technicalQuality, int budgetExecution, int management) {}

  public record MilestoneReportSubmittedV1(String projectId, String programId, String milestoneId, int sequence,
      String reportId, int attempt, String organisationCode, List<String> deliverablesMet, List<EvidenceV1> evidence,
      long spendingToDateFen, Instant submittedAt, List<EvidenceFileV1> evidenceFiles) implements Message {
    @Override
    public String type() {
      return REPORT_SUBMITTED;
    }
  }

  public record ExpertEvaluationSubmittedV1(String projectId, String programId, String milestoneId, String reportId,
      String expertId, String expertPersonIdHash, String expertOrganisationCode, String applicantOrganisationCode,
      List<String> teamOrganisationCodes, ScoresV1 scores, int total, String recommendation, Instant submittedAt)
      implements Message {
    @Override
    public String type() {
      return EVALUATION_SUBMITTED;
    }
  }

  /** An expert left a panel (回避): the program manager is to appoint another. */
  public record ExpertRecusedV1(String projectId, String programId, String milestoneId, String reportId,
      String expertId, String reason, Instant declaredAt) implements Message {
    @Override
    public String type() {
      return EXPERT_RECUSED;
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record MilestoneReviewCompletedV1(String projectId, String programId, String milestoneId, int sequence,
      String reportId, String organisationCode, String outcome, String meanScore, List<Integer> totalsUsed, List<Integer> totalsDropped,
      String rule, boolean finalMilestone, Instant rectifyBy, Instant completedAt,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> expertIds) implements Message {
    @Override
    public String type() {
      return REVIEW_COMPLETED;
    }
  }

  /**
   * Issue 16: experts were put on a review panel — a milestone report's ({@code review} MILESTONE_REVIEW: projectId,
   * milestoneId, sequence, reportId) or a proposal's before award (PROPOSAL_REVIEW: proposalId); {@code expertIds}
   * only those assigned now (the formed panel, or the expert filling a recused one's seat).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ExpertsAssignedV1(String review, String programId, String projectId, String milestoneId,
      Integer sequence, String reportId, String proposalId, List<String> expertIds, Instant assignedAt)
      implements Message {
    @Override
    public String type() {
      return EXPERTS_ASSIGNED;
    }
  }

  public record MilestoneAcceptedV1(String projectId, String programId, String programKind, String milestoneId,
      int sequence, int tranchePercent, long awardedAmountFen, String organisationCode, boolean lastMilestone,
      Instant acceptedAt) implements Message {
    @Override
    public String type() {
      return MILESTONE_ACCEPTED;
    }
  }

  /**
   * {@code cause}: MILESTONE_FAILED (a panel's decision) or MANAGER_DECISION; {@code terminatedBy}: the program
   * manager or {@code system}; {@code awardedAmountFen}: the whole award (what was paid of it is post-subsidy's).
   */
  public record ProjectTerminatedV1(String projectId, String programId, String organisationCode, String reason,
      Instant terminatedAt, String cause, String terminatedBy, long awardedAmountFen) implements Message {
    @Override
    public String type() {
      return PROJECT_TERMINATED;
    }
  }

  public record ProjectSuspendedV1(String projectId, String programId, String organisationCode, String reason,
      String suspendedBy, Instant suspendedAt) implements Message {
    @Override
    public String type() {
      return PROJECT_SUSPENDED;
    }
  }

  public record ProjectResumedV1(String projectId, String programId, String organisationCode, String reason,
      String resumedBy, Instant resumedAt) implements Message {
    @Override
    public String type() {
      return PROJECT_RESUMED;
    }
  }

  /** The reminder before a milestone's due date (a calendar day in Asia/Shanghai). */
  public record MilestoneDueReminderV1(String projectId, String programId, String organisationCode,
      String milestoneId, int sequence, java.time.LocalDate dueDate, Instant remindedAt) implements Message {
    @Override
    public String type() {
      return MILESTONE_DUE_REMINDER;
    }
  }

  /** The warning after a milestone's due date passed without a report: the milestone is OVERDUE. */
  public record MilestoneOverdueV1(String projectId, String programId, String organisationCode, String milestoneId,
      int sequence, java.time.LocalDate dueDate, Instant overdueAt) implements Message {
    @Override
    public String type() {
      return MILESTONE_OVERDUE;
    }
  }

  public record ProjectCompletedV1(String projectId, String programId, String programKind, String organisationCode,
      long awardedAmountFen, Instant completedAt) implements Message {
    @Override
    public String type() {
      return PROJECT_COMPLETED;
    }
  }

  /** The applicant asked for a change of the project (issue 17 point 5). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ChangeRequestSubmittedV1(String projectId, String programId, String organisationCode,
      String projectTitle, String changeRequestId, String kind, String milestoneId, java.time.LocalDate newDueDate,
      String summary, String justification, String requestedBy, Instant requestedAt) implements Message {
    @Override
    public String type() {
      return CHANGE_REQUEST_SUBMITTED;
    }
  }

  /** A program manager approved or refused a change request. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ChangeRequestDecidedV1(String projectId, String programId, String organisationCode,
      String projectTitle, String changeRequestId, String kind, String milestoneId, java.time.LocalDate newDueDate,
      String summary, boolean approved, String reason, String requestedBy, String decidedBy, Instant decidedAt)
      implements Message {
    @Override
    public String type() {
      return CHANGE_REQUEST_DECIDED;
    }
  }
}
