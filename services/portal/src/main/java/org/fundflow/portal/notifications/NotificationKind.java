package org.fundflow.portal.notifications;

import java.util.List;

/**
 * What a notification says: its text is {@code notification.<KIND>} (i18n/notifications) with the listed details
 * as arguments {0}, {1}, ... in this order. A detail named {@code *Fen} is shown as yuan, {@code *At}/{@code *By} as
 * Beijing time, {@code outcome} and {@code severity} through their own message keys.
 */
public enum NotificationKind {
  PROPOSAL_SUBMITTED("title", "proposalId"),
  PROPOSAL_RECEIVED("title", "proposalId", "programId"),
  PROPOSAL_AWARDED("title", "awardedAmountFen", "projectId"),
  PROPOSAL_REJECTED("proposalId", "reason"),
  MILESTONE_DECIDED("projectId", "sequence", "outcome", "meanScore"),
  MILESTONE_TO_RECTIFY("projectId", "sequence", "meanScore", "rectifyBy"),
  PANEL_COMPLETE("projectId", "sequence", "outcome"),
  EXPERT_RECUSED("expertId", "projectId", "milestoneId"),
  REVIEW_EXPERT_RECUSED("expertId", "proposalId", "reason"),
  PAYMENT_RELEASED("amountFen", "projectId", "paymentReference"),
  DISBURSEMENT_TO_PREPARE("disbursementId", "amountFen", "projectId"),
  HOLD_PLACED("holdId", "reason", "endsAt"),
  HOLD_LIFTED("holdId"),
  FLAG_RAISED("flagId", "rule", "severity", "subject"),
  CHANGE_REQUESTED("projectId", "summary", "changeRequestId"),
  CHANGE_APPROVED("projectId", "summary", "reason"),
  CHANGE_REFUSED("projectId", "summary", "reason"),
  MILESTONE_DUE_SOON("projectId", "sequence", "dueDate"),
  MILESTONE_OVERDUE("projectId", "sequence", "dueDate"),
  PROJECT_MILESTONE_OVERDUE("projectId", "sequence", "dueDate"),
  PERFORMANCE_EVALUATED("projectId", "met", "partlyMet", "notMet"),
  // issue 16 point 5: what no event carried before
  DISBURSEMENT_TO_RELEASE("disbursementId", "amountFen", "programId", "payFor"),
  PANEL_ASSIGNED("projectId", "sequence", "reportId"),
  PROPOSAL_PANEL_ASSIGNED("proposalId", "programId"),
  PANEL_DECIDED("projectId", "sequence", "outcome"),
  PROPOSAL_PANEL_DECIDED("proposalId", "score"),
  FLAG_ON_PROPOSAL("flagId", "rule", "severity", "subject", "proposalOrProject"),
  HOLD_EXPIRING("holdId", "subject", "endsAt");

  private final List<String> details;

  NotificationKind(String... details) {
    this.details = List.of(details);
  }

  public List<String> details() {
    return details;
  }

  public String messageKey() {
    return "notification." + name();
  }
}
