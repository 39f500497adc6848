package org.fundflow.milestone.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.fundflow.milestone.domain.ProjectEvent.ExpertEvaluationSubmitted;
import org.fundflow.milestone.domain.ProjectEvent.MilestoneDueReminder;
import org.fundflow.milestone.domain.ProjectEvent.MilestoneOverdue;
import org.fundflow.milestone.domain.ProjectEvent.ProjectResumed;
import org.fundflow.milestone.domain.ProjectEvent.ProjectSuspended;
import org.fundflow.milestone.domain.ProjectHistoryEntry.Action;
import org.fundflow.milestone.domain.ProjectEvent.MilestoneAccepted;
import org.fundflow.milestone.domain.ProjectEvent.MilestoneReportSubmitted;
import org.fundflow.milestone.domain.ProjectEvent.MilestoneReviewCompleted;
import org.fundflow.milestone.domain.ProjectEvent.ProjectCompleted;
import org.fundflow.milestone.domain.ProjectEvent.ProjectTerminated;
import org.fundflow.platform.domain.Change;

/**
 * An awarded proposal being carried out: its milestone plan, the reports on each milestone (each with its
 * {@link Panel} and decision), and the integrity holds on its organisation. Project keeps the lifecycle — which
 * milestone is due, what a decision does to it, when the project completes or is terminated, what a hold holds
 * back; a {@link MilestoneReport} and its {@link Panel} keep their own rules.
 *
 * <p>Immutable and read at a version: every command returns a {@link Change} with the next state (same version)
 * and the events it caused; the caller stores both in one write conditional on the version.
 */
public record Project(String id, String proposalId, String programId, ProgramKind programKind, String challengeId,
    String organisationCode, String organisationName, String title, long awardedAmountFen,
    List<String> teamOrganisationCodes, List<String> teamPersonIdHashes, List<Milestone> milestones,
    List<MilestoneReport> reports, List<String> holds, ProjectStatus status, String terminationReason,
    Instant awardedAt, Instant closedAt, List<BudgetLine> budgetLines, List<ChangeRequest> changeRequests,
    List<ProjectHistoryEntry> history, long version) {

  public static final int MIN_PANEL = Panel.MIN_SIZE;

  public Project {
    teamOrganisationCodes = teamOrganisationCodes == null ? List.of() : List.copyOf(teamOrganisationCodes);
    teamPersonIdHashes = teamPersonIdHashes == null ? List.of() : List.copyOf(teamPersonIdHashes);
    milestones = milestones == null ? List.of()
        : milestones.stream().sorted(Comparator.comparingInt(Milestone::sequence)).toList();
    reports = reports == null ? List.of() : List.copyOf(reports);
    holds = holds == null ? List.of() : List.copyOf(holds);
    budgetLines = budgetLines == null ? List.of() : List.copyOf(budgetLines);
    changeRequests = changeRequests == null ? List.of() : List.copyOf(changeRequests);
    history = history == null ? List.of() : List.copyOf(history);
  }

  /** A project read without post-award state (tests, documents stored before issue 17). */
  public Project(String id, String proposalId, String programId, ProgramKind programKind, String challengeId,
      String organisationCode, String organisationName, String title, long awardedAmountFen,
      List<String> teamOrganisationCodes, List<String> teamPersonIdHashes, List<Milestone> milestones,
      List<MilestoneReport> reports, List<String> holds, ProjectStatus status, String terminationReason,
      Instant awardedAt, Instant closedAt, long version) {
    this(id, proposalId, programId, programKind, challengeId, organisationCode, organisationName, title,
        awardedAmountFen, teamOrganisationCodes, teamPersonIdHashes, milestones, reports, holds, status,
        terminationReason, awardedAt, closedAt, List.of(), List.of(), List.of(), version);
  }

  /** Opens the project of an award with its milestone plan ({@link Award#plan()}), held while holds are active. */
  public static Project open(Award award, Set<String> activeHoldIds) {
    List<Milestone> plan = award.plan();
    return new Project(award.projectId(), award.proposalId(), award.programId(), award.programKind(),
        award.challengeId(), award.organisationCode(), award.organisationName(), award.title(),
        award.awardedAmountFen(), award.otherTeamOrganisations(), award.teamPersonIdHashes(), plan, List.of(),
        List.copyOf(activeHoldIds), ProjectStatus.ACTIVE, null, award.awardedAt(), null, List.of(), List.of(),
        List.of(), 0);
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
    return reports.stream().filter(r -> r.id().equals(reportId)).findFirst()
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
    return milestones.stream().filter(m -> m.status() != MilestoneStatus.ACCEPTED).findFirst();
  }

  public Milestone milestone(String milestoneId) {
    return milestones.stream().filter(m -> m.id().equals(milestoneId)).findFirst()
        .orElseThrow(() -> DomainRuleException.notVisible("milestone", milestoneId));
  }

  private boolean isLast(Milestone milestone) {
    return milestones.get(milestones.size() - 1).id().equals(milestone.id());
  }

  public boolean isHeld() {
    return !holds.isEmpty();
  }

  // ---------------------------------------------------------------- reports

  public Change<Project, ProjectEvent> submitReport(Actor applicant, String reportId, String milestoneId,
      List<String> deliverablesMet, List<Evidence> evidence, long spendingToDateFen, Instant now) {
    return submitReport(applicant, reportId, milestoneId, deliverablesMet, evidence, spendingToDateFen, null, now);
  }

  /**
   * The report an earlier submission with this Idempotency-Key created, if any; the same key with
   * a different body ({@link MilestoneReport#fingerprint}) is refused.
   */
  public Optional<MilestoneReport> replayOf(String requestKey, String fingerprint) {
    if (requestKey == null) {
      return Optional.empty();
    }
    Optional<MilestoneReport> earlier = reports.stream().filter(r -> requestKey.equals(r.requestKey())).findFirst();
    earlier.ifPresent(r -> {
      if (!r.requestFingerprint().equals(fingerprint)) {
        throw DomainRuleException.rule("idempotency-key-reused",
            "Idempotency-Key " + requestKey + " was used for a different report (" + r.id() + ")");
      }
    });
    return earlier;
  }

  public Change<Project, ProjectEvent> submitReport(Actor applicant, String reportId, String milestoneId,
      List<String> deliverablesMet, List<Evidence> evidence, long spendingToDateFen, String requestKey, Instant now) {
    return submitReport(applicant, reportId, milestoneId, deliverablesMet, evidence, List.of(), spendingToDateFen,
        requestKey, now);
  }

  /**
   * The applicant's report on the next due milestone, while it is open or within its rectification period.
   * {@code evidenceFiles}: stored files of the due milestone the report names (frozen with it, docs/adr/0006).
   */
  public Change<Project, ProjectEvent> submitReport(Actor applicant, String reportId, String milestoneId,
      List<String> deliverablesMet, List<Evidence> evidence, List<EvidenceFile> evidenceFiles, long spendingToDateFen,
      String requestKey, Instant now) {
    if (!applicant.is(Actor.APPLICANT) || !organisationCode.equals(applicant.organisationCode())) {
      throw DomainRuleException.notVisible("project", id);
    }
    requireActive();
    MilestoneReport.requireContent(deliverablesMet, spendingToDateFen);
    Milestone due = nextDueMilestone()
        .orElseThrow(() -> DomainRuleException.illegal("no-milestone-due", "every milestone is accepted"));
    if (milestoneId != null && !milestoneId.equals(due.id())) {
      throw DomainRuleException.illegal("not-next-milestone",
          "the next due milestone is " + due.id() + " (sequence " + due.sequence() + "), not " + milestoneId);
    }
    due.requireReportableAt(now);
    int attempt = (int) reports.stream().filter(r -> r.milestoneId().equals(due.id())).count() + 1;
    MilestoneReport report = MilestoneReport.submitted(reportId, due, attempt, deliverablesMet, evidence,
        evidenceFiles == null ? List.of() : evidenceFiles, spendingToDateFen, applicant.id(), now, requestKey,
        milestoneId);
    List<MilestoneReport> nextReports = new ArrayList<>(reports);
    nextReports.add(report);
    Project next = with(replaced(milestones, due.underReview(), Milestone::id), nextReports, holds, status,
        terminationReason, closedAt);
    return Change.of(next, new MilestoneReportSubmitted(due.id(), due.sequence(), reportId, attempt,
        report.deliverablesMet(), report.evidence(), spendingToDateFen, now, report.evidenceFiles()));
  }

  // ---------------------------------------------------------------- panels

  /** A program manager forms the panel: at least 3 experts, an odd number, none in conflict. */
  public Change<Project, ProjectEvent> formPanel(String reportId, List<ExpertProfile> experts, Instant now) {
    requireActive();
    return Change.quiet(withReport(report(reportId).panelFormed(experts, e -> e.conflictWith(this), now)));
  }

  /** A program manager fills a seat left free by an expert who declared a conflict. */
  public Change<Project, ProjectEvent> addExpert(String reportId, ExpertProfile expert, Instant now) {
    requireActive();
    return Change.quiet(withReport(report(reportId).expertAdded(expert, e -> e.conflictWith(this), now)));
  }

  /** An assigned expert's 回避声明: no conflict (it may now see and score), or a conflict (it leaves). */
  public Change<Project, ProjectEvent> declare(String reportId, Actor expert, boolean conflict, String reason,
      Instant now) {
    requireActive();
    MilestoneReport before = report(reportId);
    MilestoneReport after = before.declared(expert.id(), conflict, reason, now);
    if (!conflict) {
      return Change.quiet(withReport(after));
    }
    // the program manager must fill the seat again: told by an event (the portal's notification)
    Recusal recusal = after.recusals().get(after.recusals().size() - 1);
    return Change.of(withReport(after), new ProjectEvent.ExpertRecused(after.milestoneId(), reportId, expert.id(),
        recusal.reason(), now));
  }

  // ---------------------------------------------------------------- evaluations and decision

  /** An expert's score; the last one of a complete panel decides the report. */
  public Change<Project, ProjectEvent> evaluate(String reportId, Actor expert, Scores scores,
      Recommendation recommendation, String comments, DecisionPolicy policy, Instant now) {
    requireActive();
    MilestoneReport report = report(reportId).evaluated(expert.id(),
        new Evaluation(scores, recommendation, comments, now));
    PanelSeat seat = report.seatOf(expert.id()).orElseThrow();
    Change<Project, ProjectEvent> evaluated = Change.of(withReport(report),
        new ExpertEvaluationSubmitted(report.milestoneId(), reportId, expert.id(), seat.expertOrganisationCode(),
            seat.expertPersonIdHash(), scores, scores.total(), recommendation, now));
    return report.readyForDecision() ? evaluated.then(p -> p.decide(reportId, policy, now)) : evaluated;
  }

  /**
   * The panel's decision and what it does to the milestone: PASSED accepts it (or waits while held), CONDITIONAL
   * opens the rectification period, FAILED opens it again — or terminates the project when it is the final
   * milestone or its second failed review.
   */
  private Change<Project, ProjectEvent> decide(String reportId, DecisionPolicy policy, Instant now) {
    MilestoneReport report = report(reportId);
    Decision decision = policy.decide(report.currentPanel().totals(), now);
    Project decided = withReport(report.decided(decision));
    Milestone milestone = milestone(report.milestoneId());
    boolean finalMilestone = isLast(milestone);
    Change<Project, ProjectEvent> completed = Change.of(decided, new MilestoneReviewCompleted(milestone.id(),
        milestone.sequence(), report.id(), decision, finalMilestone));
    return switch (decision.outcome()) {
      case PASSED -> isHeld()
          ? completed.then(p -> Change.quiet(p.withMilestone(milestone.awaitingAcceptance())))
          : completed.then(p -> p.accept(milestone, now));
      case CONDITIONAL -> completed.then(p -> Change.quiet(p.withMilestone(milestone.rectifying(decision.rectifyBy()))));
      case FAILED -> {
        Milestone failed = milestone.failed();
        if (!finalMilestone && failed.failedReviews() < 2) {
          yield completed.then(p -> Change.quiet(p.withMilestone(failed)));
        }
        String reason = finalMilestone
            ? "final milestone " + milestone.id() + " FAILED its review (mean " + decision.meanScore() + ")"
            : "milestone " + milestone.id() + " FAILED its review twice (last mean " + decision.meanScore() + ")";
        yield completed.then(p -> Change.of(
            p.withMilestone(failed.finallyFailed()).closed(ProjectStatus.TERMINATED, reason, now)
                .recorded(new ProjectHistoryEntry(now, ProjectHistoryEntry.SYSTEM, Action.TERMINATED, reason,
                    milestone.id(), TerminationCause.MILESTONE_FAILED.name())),
            new ProjectTerminated(reason, now, TerminationCause.MILESTONE_FAILED, ProjectHistoryEntry.SYSTEM)));
      }
    };
  }

  private Change<Project, ProjectEvent> accept(Milestone milestone, Instant now) {
    Project next = withMilestone(milestone.accepted(now));
    List<ProjectEvent> events = new ArrayList<>();
    events.add(new MilestoneAccepted(milestone.id(), milestone.sequence(), milestone.tranchePercent(),
        isLast(milestone), now));
    if (next.milestones.stream().allMatch(m -> m.status() == MilestoneStatus.ACCEPTED)) {
      next = next.closed(ProjectStatus.COMPLETED, null, now);
      events.add(new ProjectCompleted(now));
    }
    return Change.of(next, events);
  }

  // ---------------------------------------------------------------- integrity holds

  public Change<Project, ProjectEvent> placeHold(String holdId) {
    if (holds.contains(holdId)) {
      return Change.quiet(this);
    }
    List<String> next = new ArrayList<>(holds);
    next.add(holdId);
    return Change.quiet(with(milestones, reports, next, status, terminationReason, closedAt));
  }

  /** Lifts a hold; once none is left, milestones that PASSED meanwhile are accepted now. */
  public Change<Project, ProjectEvent> liftHold(String holdId, Instant now) {
    Change<Project, ProjectEvent> lifted = Change.quiet(with(milestones, reports,
        holds.stream().filter(h -> !h.equals(holdId)).toList(), status, terminationReason, closedAt));
    if (lifted.next().isHeld() || status != ProjectStatus.ACTIVE) {
      return lifted;
    }
    for (Milestone m : milestones) {
      if (m.status() == MilestoneStatus.ACCEPTANCE_ON_HOLD) {
        lifted = lifted.then(p -> p.accept(p.milestone(m.id()), now));
      }
    }
    return lifted;
  }

  /** The project's holds brought to the organisation's active ones (placed and lifted while it was opened). */
  public Change<Project, ProjectEvent> holdsNow(Set<String> active, Instant now) {
    Change<Project, ProjectEvent> change = Change.quiet(this);
    for (String placed : active) {
      change = change.then(p -> p.placeHold(placed));
    }
    for (String lifted : holds.stream().filter(h -> !active.contains(h)).toList()) {
      change = change.then(p -> p.liftHold(lifted, now));
    }
    return change;
  }

  private void requireActive() {
    if (status == ProjectStatus.SUSPENDED) {
      throw DomainRuleException.illegal("project-suspended", "project " + id + " is SUSPENDED: " + suspensionReason());
    }
    if (status != ProjectStatus.ACTIVE) {
      throw DomainRuleException.illegal("project-closed", "project " + id + " is " + status);
    }
  }

  private void requireOpen() {
    if (status != ProjectStatus.ACTIVE && status != ProjectStatus.SUSPENDED) {
      throw DomainRuleException.illegal("project-closed", "project " + id + " is " + status);
    }
  }

  /** The reason of the suspension in force, if any (the last SUSPENDED entry). */
  public String suspensionReason() {
    if (status != ProjectStatus.SUSPENDED) {
      return null;
    }
    for (int i = history.size() - 1; i >= 0; i--) {
      if (history.get(i).action() == Action.SUSPENDED) {
        return history.get(i).reason();
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- post-award management (issue 17 point 5)

  /** A program manager suspends an ACTIVE project with a reason: no reports, reviews or payments meanwhile. */
  public Change<Project, ProjectEvent> suspend(Actor manager, String reason, Instant now) {
    requireManager(manager);
    requireReason(reason);
    if (status != ProjectStatus.ACTIVE) {
      throw DomainRuleException.illegal(status == ProjectStatus.SUSPENDED ? "project-suspended" : "project-closed",
          "project " + id + " is " + status + ": only an ACTIVE project can be suspended");
    }
    Project next = with(milestones, reports, holds, ProjectStatus.SUSPENDED, terminationReason, closedAt)
        .recorded(new ProjectHistoryEntry(now, manager.id(), Action.SUSPENDED, reason, null, null));
    return Change.of(next, new ProjectSuspended(reason, manager.id(), now));
  }

  /** A program manager resumes a SUSPENDED project; milestones that PASSED meanwhile are accepted unless held. */
  public Change<Project, ProjectEvent> resume(Actor manager, String reason, Instant now) {
    requireManager(manager);
    requireReason(reason);
    if (status != ProjectStatus.SUSPENDED) {
      throw DomainRuleException.illegal("project-not-suspended",
          "project " + id + " is " + status + ": only a SUSPENDED project can be resumed");
    }
    Change<Project, ProjectEvent> resumed = Change.of(
        with(milestones, reports, holds, ProjectStatus.ACTIVE, terminationReason, closedAt)
            .recorded(new ProjectHistoryEntry(now, manager.id(), Action.RESUMED, reason, null, null)),
        new ProjectResumed(reason, manager.id(), now));
    if (isHeld()) {
      return resumed;
    }
    for (Milestone m : milestones) {
      if (m.status() == MilestoneStatus.ACCEPTANCE_ON_HOLD) {
        resumed = resumed.then(p -> p.accept(p.milestone(m.id()), now));
      }
    }
    return resumed;
  }

  /**
   * A program manager terminates an ACTIVE or SUSPENDED project with a reason: what is not paid yet is cancelled
   * (post-subsidy) and the unpaid award goes back to the program's budget (project-intake).
   */
  public Change<Project, ProjectEvent> terminate(Actor manager, String reason, Instant now) {
    requireManager(manager);
    requireReason(reason);
    requireOpen();
    Project next = closed(ProjectStatus.TERMINATED, reason, now)
        .recorded(new ProjectHistoryEntry(now, manager.id(), Action.TERMINATED, reason, null,
            TerminationCause.MANAGER_DECISION.name()));
    return Change.of(next, new ProjectTerminated(reason, now, TerminationCause.MANAGER_DECISION, manager.id()));
  }

  /** The applicant's request to change the project, PENDING until a program manager decides it. */
  public Change<Project, ProjectEvent> requestChange(Actor applicant, ChangeRequest request) {
    if (!applicant.is(Actor.APPLICANT) || !organisationCode.equals(applicant.organisationCode())) {
      throw DomainRuleException.notVisible("project", id);
    }
    requireOpen();
    requireReason(request.justification());
    request.requireApplicableTo(this);
    List<ChangeRequest> next = new ArrayList<>(changeRequests);
    next.add(request);
    return Change.of(withChangeRequests(next).recorded(new ProjectHistoryEntry(request.requestedAt(),
        applicant.id(), Action.CHANGE_REQUESTED, request.justification(), request.id(), request.describe())),
        new ProjectEvent.ChangeRequestSubmitted(request));
  }

  /** A program manager approves (the change applies now) or refuses a PENDING change request, with a reason. */
  public Change<Project, ProjectEvent> decideChange(Actor manager, String requestId, boolean approve, String reason,
      Instant now) {
    requireManager(manager);
    requireReason(reason);
    requireOpen();
    ChangeRequest request = changeRequest(requestId);
    if (request.status() != ChangeRequest.Status.PENDING) {
      throw DomainRuleException.illegal("change-request-decided",
          "change request " + requestId + " is " + request.status() + " already");
    }
    ChangeRequest decidedRequest = request.decided(approve, manager.id(), now, reason);
    Project decided = withChangeRequests(replaced(changeRequests, decidedRequest, ChangeRequest::id));
    if (approve) {
      request.requireApplicableTo(this); // the project may have moved on since the request (e.g. the milestone was accepted)
      decided = decided.applied(request);
    }
    return Change.of(decided.recorded(new ProjectHistoryEntry(now, manager.id(),
        approve ? Action.CHANGE_APPROVED : Action.CHANGE_REFUSED, reason, requestId, request.describe())),
        new ProjectEvent.ChangeRequestDecided(decidedRequest));
  }

  public ChangeRequest changeRequest(String requestId) {
    return changeRequests.stream().filter(r -> r.id().equals(requestId)).findFirst()
        .orElseThrow(() -> DomainRuleException.notVisible("change request", requestId));
  }

  private Project applied(ChangeRequest request) {
    return switch (request.kind()) {
      case MILESTONE_DUE_DATE -> withMilestone(milestone(request.milestoneId()).dueOn(request.newDueDate()));
      case BUDGET_REALLOCATION -> new Project(id, proposalId, programId, programKind, challengeId, organisationCode,
          organisationName, title, awardedAmountFen, teamOrganisationCodes, teamPersonIdHashes, milestones, reports,
          holds, status, terminationReason, awardedAt, closedAt, request.budgetLines(), changeRequests, history,
          version);
      case TEAM_CHANGE -> new Project(id, proposalId, programId, programKind, challengeId, organisationCode,
          organisationName, title, awardedAmountFen, request.teamOrganisationCodes(), teamPersonIdHashes, milestones,
          reports, holds, status, terminationReason, awardedAt, closedAt, budgetLines, changeRequests, history,
          version);
    };
  }

  // ---------------------------------------------------------------- due dates (the overdue sweep)

  /**
   * The sweep's one step on this project at {@code now}: the first milestone waiting for its report whose due date
   * (end of the day in {@code zone}) has passed becomes OVERDUE with a warning; otherwise the first one due within
   * {@code remindBefore} days and not reminded yet gets its reminder. Nothing to do (or a project not ACTIVE): no
   * events, and the caller writes nothing — so two sweeps racing on one project change it once.
   */
  public Change<Project, ProjectEvent> sweepDueDates(Instant now, java.time.ZoneId zone, int remindBefore) {
    if (status != ProjectStatus.ACTIVE) {
      return Change.quiet(this);
    }
    java.time.LocalDate today = now.atZone(zone).toLocalDate();
    for (Milestone m : milestones) {
      if (m.status() == MilestoneStatus.OPEN && m.dueDate() != null && today.isAfter(m.dueDate())) {
        return Change.of(withMilestone(m.overdue(now)).recorded(new ProjectHistoryEntry(now,
                ProjectHistoryEntry.SYSTEM, Action.MILESTONE_OVERDUE, "due " + m.dueDate() + ", no report", m.id(), null)),
            new MilestoneOverdue(m.id(), m.sequence(), m.dueDate(), now));
      }
    }
    for (Milestone m : milestones) {
      if (m.status() == MilestoneStatus.OPEN && m.remindedAt() == null && m.dueDate() != null
          && !today.isBefore(m.dueDate().minusDays(remindBefore))) {
        return Change.of(withMilestone(m.reminded(now)).recorded(new ProjectHistoryEntry(now,
                ProjectHistoryEntry.SYSTEM, Action.MILESTONE_DUE_REMINDER, "due " + m.dueDate(), m.id(), null)),
            new MilestoneDueReminder(m.id(), m.sequence(), m.dueDate(), now));
      }
    }
    return Change.quiet(this);
  }

  private static void requireManager(Actor actor) {
    if (!actor.is(Actor.PROGRAM_MANAGER)) {
      throw DomainRuleException.notAllowed("forbidden", "only a PROGRAM_MANAGER may do this");
    }
  }

  private static void requireReason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw DomainRuleException.rule("reason-required", "a reason is required");
    }
  }

  private Project recorded(ProjectHistoryEntry entry) {
    List<ProjectHistoryEntry> next = new ArrayList<>(history);
    next.add(entry);
    return new Project(id, proposalId, programId, programKind, challengeId, organisationCode, organisationName, title,
        awardedAmountFen, teamOrganisationCodes, teamPersonIdHashes, milestones, reports, holds, status,
        terminationReason, awardedAt, closedAt, budgetLines, changeRequests, next, version);
  }

  private Project withChangeRequests(List<ChangeRequest> next) {
    return new Project(id, proposalId, programId, programKind, challengeId, organisationCode, organisationName, title,
        awardedAmountFen, teamOrganisationCodes, teamPersonIdHashes, milestones, reports, holds, status,
        terminationReason, awardedAt, closedAt, budgetLines, next, history, version);
  }

  // ---------------------------------------------------------------- next states

  private Project withReport(MilestoneReport report) {
    return with(milestones, replaced(reports, report, MilestoneReport::id), holds, status, terminationReason,
        closedAt);
  }

  private Project withMilestone(Milestone milestone) {
    return with(replaced(milestones, milestone, Milestone::id), reports, holds, status, terminationReason,
        closedAt);
  }

  private Project closed(ProjectStatus closedAs, String reason, Instant at) {
    return with(milestones, reports, holds, closedAs, reason, at);
  }

  private Project with(List<Milestone> milestones, List<MilestoneReport> reports, List<String> holds,
      ProjectStatus status, String terminationReason, Instant closedAt) {
    return new Project(id, proposalId, programId, programKind, challengeId, organisationCode, organisationName, title,
        awardedAmountFen, teamOrganisationCodes, teamPersonIdHashes, milestones, reports, holds, status,
        terminationReason, awardedAt, closedAt, budgetLines, changeRequests, history, version);
  }

  private static <T> List<T> replaced(List<T> items, T replacement, Function<T, String> id) {
    String replacedId = id.apply(replacement);
    return items.stream().map(i -> id.apply(i).equals(replacedId) ? replacement : i).toList();
  }
}
