package org.fundflow.milestone.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.fundflow.milestone.domain.ProjectEvent.ExpertEvaluationSubmitted;
import org.fundflow.milestone.domain.ProjectEvent.MilestoneReportSubmitted;
import org.fundflow.platform.domain.Change;

/**
 * The review of a project's milestones, over the project as it was read: the applicant reports on the due milestone,
 * a program manager forms the report's {@link Panel}, its experts declare (回避声明) and score. A
 * {@link MilestoneReport} and its panel keep their rules; the last score of a complete panel decides, and what the
 * decision does to the milestone and the project is the project's lifecycle ({@link Project#decided}). As the
 * project's own commands, every command returns the project's next state (same version) and the events it caused.
 */
public record MilestoneReview(Project project) {

  /** The report as the actor may see it; an expert must be assigned and must have declared no conflict. */
  public MilestoneReport reportFor(Actor actor, String reportId) {
    MilestoneReport report = project.report(reportId);
    if (actor.seesAll() || project.isApplicantOf(actor)) {
      return report;
    }
    if (actor.is(Actor.EXPERT)) {
      return report.seenBy(actor.id());
    }
    throw DomainRuleException.notVisible("report", reportId);
  }

  public Change<Project, ProjectEvent> submitReport(Actor applicant, String reportId, String milestoneId,
      List<String> deliverablesMet, List<Evidence> evidence, long spendingToDateFen, Instant now) {
    return submitReport(applicant, reportId, milestoneId, deliverablesMet, evidence, spendingToDateFen, null, now);
  }

  public Change<Project, ProjectEvent> submitReport(Actor applicant, String reportId, String milestoneId,
      List<String> deliverablesMet, List<Evidence> evidence, long spendingToDateFen, String requestKey, Instant now) {
    return submitReport(applicant, reportId, milestoneId, deliverablesMet, evidence, List.of(), spendingToDateFen,
        requestKey, now);
  }

  /**
   * The report an earlier submission with this Idempotency-Key created, if any; the same key with a different body
   * ({@link MilestoneReport#fingerprint}) is refused.
   */
  public Optional<MilestoneReport> replayOf(String requestKey, String fingerprint) {
    return project.reports().stream().filter(r -> r.createdBy(requestKey, fingerprint)).findFirst();
  }

  /**
   * The applicant's report on the next due milestone, while it is open or within its rectification period.
   * {@code evidenceFiles}: stored files of the due milestone the report names (frozen with it, docs/adr/0006).
   */
  public Change<Project, ProjectEvent> submitReport(Actor applicant, String reportId, String milestoneId,
      List<String> deliverablesMet, List<Evidence> evidence, List<EvidenceFile> evidenceFiles, long spendingToDateFen,
      String requestKey, Instant now) {
    if (!project.isApplicantOf(applicant)) {
      throw DomainRuleException.notVisible("project", project.id());
    }
    project.requireActive();
    MilestoneReport.requireContent(deliverablesMet, spendingToDateFen);
    Milestone due = project.nextDueMilestone()
        .orElseThrow(() -> DomainRuleException.illegal("no-milestone-due", "every milestone is accepted"));
    if (milestoneId != null && !milestoneId.equals(due.id())) {
      throw DomainRuleException.illegal("not-next-milestone",
          "the next due milestone is " + due.id() + " (sequence " + due.sequence() + "), not " + milestoneId);
    }
    due.requireReportableAt(now);
    int attempt = (int) project.reports().stream().filter(r -> r.milestoneId().equals(due.id())).count() + 1;
    MilestoneReport report = MilestoneReport.submitted(reportId, due, attempt, deliverablesMet, evidence,
        evidenceFiles == null ? List.of() : evidenceFiles, spendingToDateFen, applicant.id(), now, requestKey,
        milestoneId);
    return Change.of(project.reported(due.underReview(), report), new MilestoneReportSubmitted(due.id(),
        due.sequence(), reportId, attempt, report.deliverablesMet(), report.evidence(), spendingToDateFen, now,
        report.evidenceFiles()));
  }

  /** A program manager forms the panel: at least 3 experts, an odd number, none in conflict. */
  public Change<Project, ProjectEvent> formPanel(String reportId, List<ExpertProfile> experts, Instant now) {
    project.requireActive();
    MilestoneReport formed = project.report(reportId).panelFormed(experts, e -> e.conflictWith(project), now);
    return Change.of(project.withReport(formed), assigned(formed, formed.currentPanel().expertIds(), now));
  }

  /** A program manager fills a seat left free by an expert who declared a conflict. */
  public Change<Project, ProjectEvent> addExpert(String reportId, ExpertProfile expert, Instant now) {
    project.requireActive();
    MilestoneReport filled = project.report(reportId).expertAdded(expert, e -> e.conflictWith(project), now);
    return Change.of(project.withReport(filled), assigned(filled, List.of(expert.id()), now));
  }

  /** Issue 16: the experts now on the report's panel are told (the portal's per-user inbox). */
  private ProjectEvent.ExpertsAssigned assigned(MilestoneReport report, List<String> expertIds, Instant now) {
    int sequence = project.milestone(report.milestoneId()).sequence();
    return new ProjectEvent.ExpertsAssigned(report.milestoneId(), sequence, report.id(), expertIds, now);
  }

  /** An assigned expert's 回避声明: no conflict (it may now see and score), or a conflict (it leaves). */
  public Change<Project, ProjectEvent> declare(String reportId, Actor expert, boolean conflict, String reason,
      Instant now) {
    project.requireActive();
    MilestoneReport after = project.report(reportId).declared(expert.id(), conflict, reason, now);
    if (!conflict) {
      return Change.quiet(project.withReport(after));
    }
    // the program manager must fill the seat again: told by an event (the portal's notification)
    Recusal recusal = after.recusals().get(after.recusals().size() - 1);
    return Change.of(project.withReport(after), new ProjectEvent.ExpertRecused(after.milestoneId(), reportId,
        expert.id(), recusal.reason(), now));
  }

  /**
   * An expert's score; the last one of a complete panel decides the report. The score the expert's seat holds already
   * (the same request again: a client's retry, a second click), also once the panel has decided, changes nothing and
   * tells nobody: it is recorded.
   */
  public Change<Project, ProjectEvent> evaluate(String reportId, Actor expert, Scores scores,
      Recommendation recommendation, String comments, DecisionPolicy policy, Instant now) {
    if (project.report(reportId).scoredAlready(expert.id(), scores, recommendation, comments)) {
      return Change.quiet(project);
    }
    project.requireActive();
    MilestoneReport report = project.report(reportId).evaluated(expert.id(),
        new Evaluation(scores, recommendation, comments, now));
    PanelSeat seat = report.seatOf(expert.id()).orElseThrow();
    Change<Project, ProjectEvent> evaluated = Change.of(project.withReport(report),
        new ExpertEvaluationSubmitted(report.milestoneId(), reportId, expert.id(), seat.expertOrganisationCode(),
            seat.expertPersonIdHash(), scores, scores.total(), recommendation, now));
    return report.readyForDecision() ? evaluated.then(p -> p.decided(reportId, policy, now)) : evaluated;
  }
}
