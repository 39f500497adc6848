package org.fundflow.milestone.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.fundflow.milestone.domain.ProjectEvent.ExpertEvaluationSubmitted;
import org.fundflow.milestone.domain.ProjectEvent.MilestoneAccepted;
import org.fundflow.milestone.domain.ProjectEvent.MilestoneReportSubmitted;
import org.fundflow.milestone.domain.ProjectEvent.MilestoneReviewCompleted;
import org.fundflow.milestone.domain.ProjectEvent.ProjectCompleted;
import org.fundflow.milestone.domain.ProjectEvent.ProjectTerminated;

/**
 * An awarded proposal being carried out: its milestone plan, the reports on each milestone with
 * their panels and decisions, and the integrity holds on its organisation. Every command returns
 * the events it produced; the caller stores state and events in one write.
 */
public class Project {

  public static final int MIN_PANEL = 3;

  private final String id;
  private final String proposalId;
  private final String programId;
  private final ProgramKind programKind;
  private final String challengeId;
  private final String organisationCode;
  private final String organisationName;
  private final String title;
  private final long awardedAmountFen;
  private final List<String> teamOrganisationCodes;
  private final List<String> teamPersonIdHashes;
  private final List<Milestone> milestones;
  private final List<MilestoneReport> reports;
  private final List<String> holds;
  private ProjectStatus status;
  private String terminationReason;
  private final Instant awardedAt;
  private Instant closedAt;
  private final long version;

  public Project(String id, String proposalId, String programId, ProgramKind programKind, String challengeId,
      String organisationCode, String organisationName, String title, long awardedAmountFen,
      List<String> teamOrganisationCodes, List<String> teamPersonIdHashes, List<Milestone> milestones, List<MilestoneReport> reports,
      List<String> holds, ProjectStatus status, String terminationReason, Instant awardedAt, Instant closedAt,
      long version) {
    this.id = id;
    this.proposalId = proposalId;
    this.programId = programId;
    this.programKind = programKind;
    this.challengeId = challengeId;
    this.organisationCode = organisationCode;
    this.organisationName = organisationName;
    this.title = title;
    this.awardedAmountFen = awardedAmountFen;
    this.teamOrganisationCodes = teamOrganisationCodes == null ? List.of() : List.copyOf(teamOrganisationCodes);
    this.teamPersonIdHashes = teamPersonIdHashes == null ? List.of() : List.copyOf(teamPersonIdHashes);
    this.milestones = milestones == null ? new ArrayList<>() : new ArrayList<>(milestones);
    this.milestones.sort(Comparator.comparingInt(Milestone::getSequence));
    this.reports = reports == null ? new ArrayList<>() : new ArrayList<>(reports);
    this.holds = holds == null ? new ArrayList<>() : new ArrayList<>(holds);
    this.status = status;
    this.terminationReason = terminationReason;
    this.awardedAt = awardedAt;
    this.closedAt = closedAt;
    this.version = version;
  }

  /**
   * Opens the project of an award. GENERAL projects get exactly one final-acceptance milestone
   * (100 %); CHALLENGE plans must have tranche percentages adding up to 100.
   */
  public static Project open(Award award, Set<String> activeHoldIds) {
    if (award.awardedAmountFen() < 0) {
      throw DomainRuleException.rule("invalid-award", "awarded amount is negative");
    }
    List<Milestone> plan = new ArrayList<>();
    if (award.programKind() == ProgramKind.GENERAL) {
      Award.PlannedMilestone given = award.milestones().size() == 1 ? award.milestones().get(0) : null;
      plan.add(Milestone.planned(
          given != null ? given.milestoneId() : award.projectId() + "-final",
          1,
          given != null && given.title() != null ? given.title() : "Final acceptance",
          given != null ? given.deliverables() : List.of(),
          given != null ? given.dueDate()
              : award.milestones().stream().map(Award.PlannedMilestone::dueDate).filter(d -> d != null)
                  .max(Comparator.naturalOrder()).orElse(null),
          100));
    } else {
      if (award.milestones().isEmpty()) {
        throw DomainRuleException.rule("invalid-award", "a " + award.programKind() + " award needs a milestone plan");
      }
      int sum = 0;
      Set<Integer> sequences = new HashSet<>();
      Set<String> ids = new HashSet<>();
      for (Award.PlannedMilestone m : award.milestones()) {
        if (!sequences.add(m.sequence()) || !ids.add(m.milestoneId())) {
          throw DomainRuleException.rule("invalid-award", "milestone ids and sequences must be unique");
        }
        if (m.tranchePercent() < 0 || m.tranchePercent() > 100) {
          throw DomainRuleException.rule("invalid-award", "tranche percent out of range: " + m.tranchePercent());
        }
        sum += m.tranchePercent();
        plan.add(Milestone.planned(m.milestoneId(), m.sequence(), m.title(), m.deliverables(), m.dueDate(),
            m.tranchePercent()));
      }
      if (sum != 100) {
        throw DomainRuleException.rule("invalid-award", "tranche percentages add up to " + sum + ", not 100");
      }
    }
    // the applicant's own organisation is not a "team organisation" (the events list only the others)
    Set<String> team = new LinkedHashSet<>(award.teamOrganisationCodes());
    team.remove(award.organisationCode());
    return new Project(award.projectId(), award.proposalId(), award.programId(), award.programKind(),
        award.challengeId(), award.organisationCode(), award.organisationName(), award.title(),
        award.awardedAmountFen(), List.copyOf(team), award.teamPersonIdHashes(), plan, List.of(), List.copyOf(activeHoldIds),
        ProjectStatus.ACTIVE, null, award.awardedAt(), null, 0);
  }

  // ---------------------------------------------------------------- visibility

  /** Applicants see their organisation's projects, staff see all, experts only what they are assigned. */
  public void checkVisibleTo(Actor actor) {
    if (actor.seesAll()) {
      return;
    }
    if (actor.is(Actor.APPLICANT) && organisationCode.equals(actor.organisationCode())) {
      return;
    }
    if (actor.is(Actor.EXPERT) && reports.stream().anyMatch(r -> r.seatOf(actor.id()).isPresent())) {
      return;
    }
    throw DomainRuleException.notVisible("project", id);
  }

  public MilestoneReport report(String reportId) {
    return reports.stream().filter(r -> r.getId().equals(reportId)).findFirst()
        .orElseThrow(() -> DomainRuleException.notVisible("report", reportId));
  }

  /** The report as the actor may see it; an expert must be assigned and must have declared no conflict. */
  public MilestoneReport reportFor(Actor actor, String reportId) {
    MilestoneReport report = report(reportId);
    if (actor.seesAll() || (actor.is(Actor.APPLICANT) && organisationCode.equals(actor.organisationCode()))) {
      return report;
    }
    if (actor.is(Actor.EXPERT)) {
      PanelSeat seat = report.seatOf(actor.id()).orElseThrow(() -> DomainRuleException.notVisible("report", reportId));
      if (!seat.hasDeclared()) {
        throw DomainRuleException.notAllowed("declaration-required",
            "declare that you have no conflict of interest (回避声明) before seeing report " + reportId);
      }
      return report;
    }
    throw DomainRuleException.notVisible("report", reportId);
  }

  public Optional<Milestone> nextDueMilestone() {
    return milestones.stream().filter(m -> m.getStatus() != MilestoneStatus.ACCEPTED).findFirst();
  }

  public Milestone milestone(String milestoneId) {
    return milestones.stream().filter(m -> m.getId().equals(milestoneId)).findFirst()
        .orElseThrow(() -> DomainRuleException.notVisible("milestone", milestoneId));
  }

  private boolean isLast(Milestone milestone) {
    return milestones.get(milestones.size() - 1).getId().equals(milestone.getId());
  }

  public boolean isHeld() {
    return !holds.isEmpty();
  }

  // ---------------------------------------------------------------- reports

  public List<ProjectEvent> submitReport(Actor applicant, String reportId, String milestoneId,
      List<String> deliverablesMet, List<Evidence> evidence, long spendingToDateFen, Instant now) {
    return submitReport(applicant, reportId, milestoneId, deliverablesMet, evidence, spendingToDateFen, null, now);
  }

  /** What identifies the content of a report submission, for Idempotency-Key replays. */
  public static String requestFingerprint(String milestoneId, List<String> deliverablesMet, List<Evidence> evidence,
      long spendingToDateFen) {
    return Integer.toHexString(java.util.Objects.hash(milestoneId, deliverablesMet, evidence, spendingToDateFen));
  }

  /** The fingerprint of a submission that also names stored evidence files (the same as before when it names none). */
  public static String requestFingerprint(String milestoneId, List<String> deliverablesMet, List<Evidence> evidence,
      long spendingToDateFen, List<String> evidenceFileIds) {
    String base = requestFingerprint(milestoneId, deliverablesMet, evidence, spendingToDateFen);
    return evidenceFileIds == null || evidenceFileIds.isEmpty() ? base
        : base + "-" + Integer.toHexString(evidenceFileIds.hashCode());
  }

  /**
   * The report an earlier submission with this Idempotency-Key created, if any; the same key with
   * a different body is refused.
   */
  public Optional<MilestoneReport> replayOf(String requestKey, String fingerprint) {
    if (requestKey == null) {
      return Optional.empty();
    }
    Optional<MilestoneReport> earlier = reports.stream().filter(r -> requestKey.equals(r.getRequestKey())).findFirst();
    earlier.ifPresent(r -> {
      if (!r.getRequestFingerprint().equals(fingerprint)) {
        throw DomainRuleException.rule("idempotency-key-reused",
            "Idempotency-Key " + requestKey + " was used for a different report (" + r.getId() + ")");
      }
    });
    return earlier;
  }

  public List<ProjectEvent> submitReport(Actor applicant, String reportId, String milestoneId,
      List<String> deliverablesMet, List<Evidence> evidence, long spendingToDateFen, String requestKey, Instant now) {
    return submitReport(applicant, reportId, milestoneId, deliverablesMet, evidence, List.of(), spendingToDateFen,
        requestKey, now);
  }

  /** {@code evidenceFiles}: stored files of the due milestone the report names (frozen with it, docs/adr/0006). */
  public List<ProjectEvent> submitReport(Actor applicant, String reportId, String milestoneId,
      List<String> deliverablesMet, List<Evidence> evidence, List<EvidenceFile> evidenceFiles, long spendingToDateFen,
      String requestKey, Instant now) {
    if (!applicant.is(Actor.APPLICANT) || !organisationCode.equals(applicant.organisationCode())) {
      throw DomainRuleException.notVisible("project", id);
    }
    requireActive();
    if (spendingToDateFen < 0) {
      throw DomainRuleException.rule("invalid-report", "spending to date cannot be negative");
    }
    if (deliverablesMet == null || deliverablesMet.isEmpty()) {
      throw DomainRuleException.rule("invalid-report", "name at least one deliverable met");
    }
    Milestone due = nextDueMilestone()
        .orElseThrow(() -> DomainRuleException.illegal("no-milestone-due", "every milestone is accepted"));
    if (milestoneId != null && !milestoneId.equals(due.getId())) {
      throw DomainRuleException.illegal("not-next-milestone",
          "the next due milestone is " + due.getId() + " (sequence " + due.getSequence() + "), not " + milestoneId);
    }
    switch (due.getStatus()) {
      case OPEN -> { }
      case RECTIFYING -> {
        if (now.isAfter(due.getRectifyBy())) {
          throw DomainRuleException.illegal("rectification-period-over",
              "the rectification period of milestone " + due.getId() + " ended at " + due.getRectifyBy());
        }
      }
      default -> throw DomainRuleException.illegal("milestone-not-open",
          "milestone " + due.getId() + " is " + due.getStatus() + ": no report can be submitted now");
    }
    int attempt = (int) reports.stream().filter(r -> r.getMilestoneId().equals(due.getId())).count() + 1;
    MilestoneReport report = new MilestoneReport(reportId, due.getId(), attempt, deliverablesMet, evidence,
        spendingToDateFen, applicant.id(), now, ReportStatus.SUBMITTED, 0, List.of(), List.of(), null, requestKey,
        requestKey == null ? null : requestFingerprint(milestoneId, deliverablesMet, evidence, spendingToDateFen,
            evidenceFiles.stream().map(EvidenceFile::fileId).toList()),
        evidenceFiles);
    if (evidenceFiles.stream().map(EvidenceFile::fileId).distinct().count() != evidenceFiles.size()) {
      throw DomainRuleException.rule("invalid-evidence", "a file can be named once per report");
    }
    reports.add(report);
    due.underReview();
    return List.of(new MilestoneReportSubmitted(due.getId(), due.getSequence(), reportId, attempt,
        report.getDeliverablesMet(), report.getEvidence(), spendingToDateFen, now, report.getEvidenceFiles()));
  }

  // ---------------------------------------------------------------- panels

  /** A program manager forms the panel: at least 3 experts, an odd number, none in conflict. */
  public void formPanel(String reportId, List<ExpertProfile> experts, Instant now) {
    requireActive();
    MilestoneReport report = report(reportId);
    if (report.getStatus() != ReportStatus.SUBMITTED) {
      throw DomainRuleException.illegal("panel-exists", "report " + reportId + " is " + report.getStatus()
          + ": its panel was formed already");
    }
    Set<String> distinct = new HashSet<>();
    experts.forEach(e -> distinct.add(e.id()));
    if (distinct.size() != experts.size()) {
      throw DomainRuleException.rule("invalid-panel", "an expert can sit on a panel only once");
    }
    if (experts.size() < MIN_PANEL || experts.size() % 2 == 0) {
      throw DomainRuleException.rule("invalid-panel",
          "a panel needs at least " + MIN_PANEL + " experts and an odd number, not " + experts.size());
    }
    List<PanelSeat> seats = new ArrayList<>();
    for (ExpertProfile expert : experts) {
      refuseConflicted(report, expert);
      seats.add(new PanelSeat(expert.id(), expert.organisationCode(), expert.personIdHash(), now, null, null));
    }
    report.formPanel(seats);
  }

  /** A program manager fills a seat left free by an expert who declared a conflict. */
  public void addExpert(String reportId, ExpertProfile expert, Instant now) {
    requireActive();
    MilestoneReport report = report(reportId);
    if (report.getStatus() != ReportStatus.UNDER_REVIEW) {
      throw DomainRuleException.illegal("panel-not-open", "report " + reportId + " is " + report.getStatus());
    }
    if (report.getPanel().size() >= report.getPanelSize()) {
      throw DomainRuleException.illegal("panel-full", "the panel of report " + reportId + " has no free seat");
    }
    if (report.seatOf(expert.id()).isPresent()) {
      throw DomainRuleException.rule("invalid-panel", "expert " + expert.id() + " is on the panel already");
    }
    refuseConflicted(report, expert);
    report.addSeat(new PanelSeat(expert.id(), expert.organisationCode(), expert.personIdHash(), now, null, null));
  }

  private void refuseConflicted(MilestoneReport report, ExpertProfile expert) {
    Optional<String> conflict = expert.conflictWith(this);
    if (conflict.isPresent()) {
      throw DomainRuleException.rule("expert-conflict", conflict.get());
    }
    if (report.getRecusals().stream().anyMatch(r -> r.expertId().equals(expert.id()))) {
      throw DomainRuleException.rule("expert-conflict",
          "expert " + expert.id() + " declared a conflict of interest with report " + report.getId());
    }
  }

  /** An assigned expert's 回避声明: no conflict (it may now see and score), or a conflict (it leaves). */
  public void declare(String reportId, Actor expert, boolean conflict, String reason, Instant now) {
    requireActive();
    MilestoneReport report = report(reportId);
    PanelSeat seat = report.seatOf(expert.id()).orElseThrow(() -> DomainRuleException.notVisible("report", reportId));
    if (report.isDecided()) {
      throw DomainRuleException.illegal("panel-closed", "report " + reportId + " is decided");
    }
    if (conflict) {
      if (seat.hasScored()) {
        throw DomainRuleException.illegal("already-scored", "you scored report " + reportId + " already");
      }
      report.recuse(expert.id(), reason == null || reason.isBlank() ? "conflict of interest declared" : reason, now);
    } else if (!seat.hasDeclared()) {
      seat.declareNoConflict(now);
    }
  }

  // ---------------------------------------------------------------- evaluations and decision

  public List<ProjectEvent> evaluate(String reportId, Actor expert, Scores scores, Recommendation recommendation,
      String comments, DecisionPolicy policy, Instant now) {
    requireActive();
    MilestoneReport report = report(reportId);
    PanelSeat seat = report.seatOf(expert.id()).orElseThrow(() -> DomainRuleException.notVisible("report", reportId));
    if (!seat.hasDeclared()) {
      throw DomainRuleException.notAllowed("declaration-required",
          "declare that you have no conflict of interest (回避声明) before scoring report " + reportId);
    }
    if (report.getStatus() != ReportStatus.UNDER_REVIEW) {
      throw DomainRuleException.illegal("panel-closed", "report " + reportId + " is " + report.getStatus());
    }
    seat.evaluate(new Evaluation(scores, recommendation, comments, now));
    List<ProjectEvent> events = new ArrayList<>();
    events.add(new ExpertEvaluationSubmitted(report.getMilestoneId(), reportId, expert.id(),
        seat.getExpertOrganisationCode(), seat.getExpertPersonIdHash(), scores, scores.total(), recommendation, now));
    if (report.readyForDecision()) {
      events.addAll(decide(report, policy, now));
    }
    return events;
  }

  private List<ProjectEvent> decide(MilestoneReport report, DecisionPolicy policy, Instant now) {
    List<Integer> totals = report.getPanel().stream().map(s -> s.getEvaluation().total()).toList();
    Decision decision = policy.decide(totals, now);
    report.decide(decision);
    Milestone milestone = milestone(report.getMilestoneId());
    boolean finalMilestone = isLast(milestone);
    List<ProjectEvent> events = new ArrayList<>();
    events.add(new MilestoneReviewCompleted(milestone.getId(), milestone.getSequence(), report.getId(), decision,
        finalMilestone));
    switch (decision.outcome()) {
      case PASSED -> {
        if (isHeld()) {
          milestone.awaitAcceptance();
        } else {
          events.addAll(accept(milestone, now));
        }
      }
      case CONDITIONAL -> milestone.rectify(decision.rectifyBy());
      case FAILED -> {
        int failed = milestone.fail();
        if (finalMilestone || failed >= 2) {
          milestone.finallyFailed();
          String reason = finalMilestone
              ? "final milestone " + milestone.getId() + " FAILED its review (mean " + decision.meanScore() + ")"
              : "milestone " + milestone.getId() + " FAILED its review twice (last mean " + decision.meanScore() + ")";
          status = ProjectStatus.TERMINATED;
          terminationReason = reason;
          closedAt = now;
          events.add(new ProjectTerminated(reason, now));
        }
      }
      default -> throw new IllegalStateException(decision.outcome().toString());
    }
    return events;
  }

  private List<ProjectEvent> accept(Milestone milestone, Instant now) {
    milestone.accept(now);
    boolean last = isLast(milestone);
    List<ProjectEvent> events = new ArrayList<>();
    events.add(new MilestoneAccepted(milestone.getId(), milestone.getSequence(), milestone.getTranchePercent(), last, now));
    if (milestones.stream().allMatch(m -> m.getStatus() == MilestoneStatus.ACCEPTED)) {
      status = ProjectStatus.COMPLETED;
      closedAt = now;
      events.add(new ProjectCompleted(now));
    }
    return events;
  }

  // ---------------------------------------------------------------- integrity holds

  public void placeHold(String holdId) {
    if (!holds.contains(holdId)) {
      holds.add(holdId);
    }
  }

  /** Lifts a hold; once none is left, milestones that PASSED meanwhile are accepted now. */
  public List<ProjectEvent> liftHold(String holdId, Instant now) {
    holds.remove(holdId);
    List<ProjectEvent> events = new ArrayList<>();
    if (!isHeld() && status == ProjectStatus.ACTIVE) {
      for (Milestone m : milestones) {
        if (m.getStatus() == MilestoneStatus.ACCEPTANCE_ON_HOLD) {
          events.addAll(accept(m, now));
        }
      }
    }
    return events;
  }

  private void requireActive() {
    if (status != ProjectStatus.ACTIVE) {
      throw DomainRuleException.illegal("project-closed", "project " + id + " is " + status);
    }
  }

  // ---------------------------------------------------------------- state

  public String getId() {
    return id;
  }

  public String getProposalId() {
    return proposalId;
  }

  public String getProgramId() {
    return programId;
  }

  public ProgramKind getProgramKind() {
    return programKind;
  }

  public String getChallengeId() {
    return challengeId;
  }

  public String getOrganisationCode() {
    return organisationCode;
  }

  public String getOrganisationName() {
    return organisationName;
  }

  public String getTitle() {
    return title;
  }

  public long getAwardedAmountFen() {
    return awardedAmountFen;
  }

  public List<String> getTeamOrganisationCodes() {
    return teamOrganisationCodes;
  }

  public List<String> getTeamPersonIdHashes() {
    return teamPersonIdHashes;
  }

  public List<Milestone> getMilestones() {
    return List.copyOf(milestones);
  }

  public List<MilestoneReport> getReports() {
    return List.copyOf(reports);
  }

  public List<String> getHolds() {
    return List.copyOf(holds);
  }

  public ProjectStatus getStatus() {
    return status;
  }

  public String getTerminationReason() {
    return terminationReason;
  }

  public Instant getAwardedAt() {
    return awardedAt;
  }

  public Instant getClosedAt() {
    return closedAt;
  }

  public long getVersion() {
    return version;
  }
}
