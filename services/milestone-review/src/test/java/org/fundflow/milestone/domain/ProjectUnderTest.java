package org.fundflow.milestone.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.fundflow.platform.domain.Change;

/**
 * A project under test that moves on: every command's next state becomes the current one (as a store would keep
 * it) and the command's events are answered. Commands never change the state they were called on.
 */
public final class ProjectUnderTest {

  private Project current;

  public ProjectUnderTest(Project opened) {
    this.current = opened;
  }

  public Project current() {
    return current;
  }

  /** Any command's change, applied (post-award commands, issue 17). */
  public List<ProjectEvent> apply(Change<Project, ProjectEvent> change) {
    current = change.next();
    return change.events();
  }

  public List<ProjectEvent> submitReport(Actor applicant, String reportId, String milestoneId,
      List<String> deliverablesMet, List<Evidence> evidence, long spendingToDateFen, Instant now) {
    return apply(current.milestoneReview().submitReport(applicant, reportId, milestoneId, deliverablesMet, evidence,
        spendingToDateFen, now));
  }

  public List<ProjectEvent> submitReport(Actor applicant, String reportId, String milestoneId,
      List<String> deliverablesMet, List<Evidence> evidence, List<EvidenceFile> evidenceFiles, long spendingToDateFen,
      String requestKey, Instant now) {
    return apply(current.milestoneReview().submitReport(applicant, reportId, milestoneId, deliverablesMet, evidence,
        evidenceFiles, spendingToDateFen, requestKey, now));
  }

  public List<ProjectEvent> formPanel(String reportId, List<ExpertProfile> experts, Instant now) {
    return apply(current.milestoneReview().formPanel(reportId, experts, now));
  }

  public List<ProjectEvent> addExpert(String reportId, ExpertProfile expert, Instant now) {
    return apply(current.milestoneReview().addExpert(reportId, expert, now));
  }

  public List<ProjectEvent> declare(String reportId, Actor expert, boolean conflict, String reason, Instant now) {
    return apply(current.milestoneReview().declare(reportId, expert, conflict, reason, now));
  }

  public List<ProjectEvent> evaluate(String reportId, Actor expert, Scores scores, Recommendation recommendation,
      String comments, DecisionPolicy policy, Instant now) {
    return apply(current.milestoneReview().evaluate(reportId, expert, scores, recommendation, comments, policy, now));
  }

  public void placeHold(String holdId) {
    apply(current.integrityHolds().placeHold(holdId));
  }

  public List<ProjectEvent> liftHold(String holdId, Instant now) {
    return apply(current.integrityHolds().liftHold(holdId, now));
  }

  public MilestoneReport report(String reportId) {
    return current.report(reportId);
  }

  public MilestoneReport reportFor(Actor actor, String reportId) {
    return current.milestoneReview().reportFor(actor, reportId);
  }

  public Milestone milestone(String milestoneId) {
    return current.milestone(milestoneId);
  }

  public Optional<Milestone> nextDueMilestone() {
    return current.nextDueMilestone();
  }

  public ProjectStatus status() {
    return current.status();
  }
}
