package org.fundflow.milestone.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.fundflow.milestone.domain.Actor;
import org.fundflow.milestone.domain.Decision;
import org.fundflow.milestone.domain.Evaluation;
import org.fundflow.milestone.domain.Evidence;
import org.fundflow.milestone.domain.Milestone;
import org.fundflow.milestone.domain.MilestoneReport;
import org.fundflow.milestone.domain.PanelSeat;
import org.fundflow.milestone.domain.Project;

/**
 * Response bodies. What a report shows depends on who asks: no expert sees another expert's
 * scores before the decision; applicants see the decision, not the panel.
 */
public final class Views {

  private Views() {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ProjectView(String projectId, String proposalId, String programId, String programKind,
      String challengeId, String organisationCode, String organisationName, String title, long awardedAmountFen,
      String status, String terminationReason, String suspensionReason, boolean onHold, String nextDueMilestoneId, List<MilestoneView> milestones,
      List<ReportSummary> reports, Instant awardedAt, Instant closedAt) {

    static ProjectView of(Project p, Actor actor) {
      boolean staffOrOwner = actor.seesAll() || actor.is(Actor.APPLICANT);
      return new ProjectView(p.id(), p.proposalId(), p.programId(), p.programKind().name(),
          p.challengeId(), p.organisationCode(), p.organisationName(), p.title(), p.awardedAmountFen(),
          p.status().name(), p.terminationReason(), p.suspensionReason(), p.isHeld(),
          p.nextDueMilestone().map(Milestone::id).orElse(null),
          p.milestones().stream().map(MilestoneView::of).toList(),
          p.reports().stream()
              .filter(r -> staffOrOwner || r.seatOf(actor.id()).isPresent())
              .map(r -> ReportSummary.of(r)).toList(),
          p.awardedAt(), p.closedAt());
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record MilestoneView(String milestoneId, int sequence, String title, List<String> deliverables,
      LocalDate dueDate, int tranchePercent, String status, int failedReviews, Instant rectifyBy, Instant acceptedAt) {
    static MilestoneView of(Milestone m) {
      return new MilestoneView(m.id(), m.sequence(), m.title(), m.deliverables(), m.dueDate(),
          m.tranchePercent(), m.status().name(), m.failedReviews(), m.rectifyBy(), m.acceptedAt());
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ReportSummary(String reportId, String milestoneId, int attempt, String status, String outcome,
      Instant submittedAt) {
    static ReportSummary of(MilestoneReport r) {
      return new ReportSummary(r.id(), r.milestoneId(), r.attempt(), r.status().name(),
          r.decision() == null ? null : r.decision().outcome().name(), r.submittedAt());
    }
  }

  public record EvaluationView(int deliverables, int technicalQuality, int budgetExecution, int management, int total,
      String recommendation, String comments, Instant submittedAt) {
    static EvaluationView of(Evaluation e) {
      return e == null ? null : new EvaluationView(e.scores().deliverables(), e.scores().technicalQuality(),
          e.scores().budgetExecution(), e.scores().management(), e.total(), e.recommendation().name(), e.comments(),
          e.submittedAt());
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record SeatView(String expertId, String expertOrganisationCode, boolean declaredNoConflict, boolean scored,
      EvaluationView evaluation) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record DecisionView(String outcome, BigDecimal meanScore, List<Integer> totalsUsed, List<Integer> totalsDropped,
      String rule, Instant rectifyBy, Instant decidedAt) {
    static DecisionView of(Decision d) {
      return d == null ? null : new DecisionView(d.outcome().name(), d.mean(), d.totalsUsed(), d.totalsDropped(),
          d.rule(), d.rectifyBy(), d.decidedAt());
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ReportView(String reportId, String projectId, String milestoneId, int attempt, String status,
      List<String> deliverablesMet, List<Evidence> evidence, long spendingToDateFen, String submittedBy,
      Instant submittedAt, Integer panelSize, List<SeatView> panel, List<RecusalView> recusedExperts,
      EvaluationView myEvaluation, DecisionView decision, List<EvidenceController.EvidenceFileView> evidenceFiles) {

    static ReportView of(Project p, MilestoneReport r, Actor actor) {
      boolean decided = r.isDecided();
      List<SeatView> panel = null;
      List<RecusalView> recused = null;
      EvaluationView mine = null;
      if (actor.seesAll() || actor.is(Actor.EXPERT)) {
        // scores of the whole panel only once decided; before that an expert sees its own only
        panel = r.panel().stream().map(s -> seat(s, decided)).toList();
        if (actor.is(Actor.EXPERT) && !actor.seesAll()) {
          mine = r.seatOf(actor.id()).map(PanelSeat::evaluation).map(EvaluationView::of).orElse(null);
          if (!decided) {
            panel = null;
          }
        }
        if (actor.seesAll()) {
          recused = r.recusals().stream().map(x -> new RecusalView(x.expertId(), x.reason(), x.declaredAt())).toList();
        }
      }
      return new ReportView(r.id(), p.id(), r.milestoneId(), r.attempt(), r.status().name(),
          r.deliverablesMet(), r.evidence(), r.spendingToDateFen(), r.submittedBy(), r.submittedAt(),
          r.panelSize() == 0 ? null : r.panelSize(), panel, recused, mine, DecisionView.of(r.decision()),
          r.evidenceFiles().stream().map(f -> EvidenceController.EvidenceFileView.of(f, p.id(), r.id())).toList());
    }

    private static SeatView seat(PanelSeat s, boolean decided) {
      return new SeatView(s.expertId(), s.expertOrganisationCode(), s.hasDeclared(), s.hasScored(),
          decided ? EvaluationView.of(s.evaluation()) : null);
    }
  }

  /** A project's post-award history and its change requests (issue 17 point 5). */
  public record HistoryView(String projectId, String status, List<org.fundflow.milestone.domain.ProjectHistoryEntry> history,
      List<ChangeRequestView> changeRequests) {
    static HistoryView of(Project p) {
      return new HistoryView(p.id(), p.status().name(), p.history(),
          p.changeRequests().stream().map(ChangeRequestView::of).toList());
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ChangeRequestView(String changeRequestId, String kind, String milestoneId, LocalDate newDueDate,
      List<org.fundflow.milestone.domain.BudgetLine> budgetLines, List<String> teamOrganisationCodes,
      String justification, String requestedBy, Instant requestedAt, String status, String decidedBy,
      Instant decidedAt, String decisionReason) {
    static ChangeRequestView of(org.fundflow.milestone.domain.ChangeRequest r) {
      return new ChangeRequestView(r.id(), r.kind().name(), r.milestoneId(), r.newDueDate(), r.budgetLines(),
          r.teamOrganisationCodes(), r.justification(), r.requestedBy(), r.requestedAt(), r.status().name(),
          r.decidedBy(), r.decidedAt(), r.decisionReason());
    }
  }

  /** An expert who declared a conflict of interest (回避) on this report, with the reason it gave. */
  public record RecusalView(String expertId, String reason, Instant declaredAt) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record AssignmentView(String projectId, String projectTitle, String reportId, String milestoneId,
      String milestoneTitle, int attempt, String reportStatus, boolean declaredNoConflict, boolean scored,
      boolean recused, Instant recusedAt) {}

  /** One page of an expert's assignments; {@code nextCursor} is null on the last page. */
  public record AssignmentPage(List<AssignmentView> items, String nextCursor) {}

  public record ExpertView(String expertId, String name, String organisationCode, String maskedId,
      List<String> declaredConflicts) {}
}
