package org.fundflow.milestone.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.fundflow.milestone.domain.ProjectEvent.ChangeRequestDecided;
import org.fundflow.milestone.domain.ProjectEvent.ChangeRequestSubmitted;
import org.fundflow.milestone.domain.ProjectEvent.MilestoneAccepted;
import org.fundflow.milestone.domain.ProjectEvent.MilestoneDueReminder;
import org.fundflow.milestone.domain.ProjectEvent.MilestoneOverdue;
import org.fundflow.milestone.domain.ProjectEvent.MilestoneReviewCompleted;
import org.fundflow.milestone.domain.ProjectEvent.ProjectCompleted;
import org.fundflow.milestone.domain.ProjectEvent.ProjectResumed;
import org.fundflow.milestone.domain.ProjectEvent.ProjectSuspended;
import org.fundflow.milestone.domain.ProjectEvent.ProjectTerminated;
import org.fundflow.milestone.domain.ProjectHistoryEntry.Action;
import org.fundflow.platform.domain.Change;

/**
 * An awarded proposal being carried out: its milestone plan, the reports on each milestone (each with its
 * {@link Panel} and decision), the integrity holds on its organisation and its post-award history. Project keeps the
 * lifecycle — which milestone is due, what a decision does to it, when the project completes, is suspended or is
 * terminated, what a hold holds back. A {@link MilestoneReport} and its {@link Panel}, a {@link Milestone} and a
 * {@link ChangeRequest} keep their own rules; the commands on reports and panels are the project's
 * {@link #milestoneReview()}, those on holds its {@link #integrityHolds()}.
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

  /** Opens the project of an award with its milestone plan ({@link Award#plan()}), held while holds are active. */
  public static Project open(Award award, Set<String> activeHoldIds) {
    return new Project(award.projectId(), award.proposalId(), award.programId(), award.programKind(),
        award.challengeId(), award.organisationCode(), award.organisationName(), award.title(),
        award.awardedAmountFen(), award.otherTeamOrganisations(), award.teamPersonIdHashes(), award.plan(), List.of(),
        List.copyOf(activeHoldIds), ProjectStatus.ACTIVE, null, award.awardedAt(), null, List.of(), List.of(),
        List.of(), 0);
  }

  /** The review of this project's milestones: reports, their panels and evaluations. */
  public MilestoneReview milestoneReview() {
    return new MilestoneReview(this);
  }

  /** The integrity holds on the project's organisation, as integrity-check places and lifts them. */
  public ProjectHolds integrityHolds() {
    return new ProjectHolds(this);
  }

  // ---------------------------------------------------------------- visibility

  /** Applicants see their organisation's projects, staff see all, experts only what they are assigned. */
  public void checkVisibleTo(Actor actor) {
    if (actor.seesAll() || isApplicantOf(actor)
        || (actor.is(Actor.EXPERT) && reports.stream().anyMatch(r -> r.seatOf(actor.id()).isPresent()))) {
      return;
    }
    throw DomainRuleException.notVisible("project", id);
  }

  public MilestoneReport report(String reportId) {
    return reports.stream().filter(r -> r.id().equals(reportId)).findFirst()
        .orElseThrow(() -> DomainRuleException.notVisible("report", reportId));
  }

  public Optional<Milestone> nextDueMilestone() {
    return milestones.stream().filter(m -> m.status() != MilestoneStatus.ACCEPTED).findFirst();
  }

  public Milestone milestone(String milestoneId) {
    return milestones.stream().filter(m -> m.id().equals(milestoneId)).findFirst()
        .orElseThrow(() -> DomainRuleException.notVisible("milestone", milestoneId));
  }

  public ChangeRequest changeRequest(String requestId) {
    return changeRequests.stream().filter(r -> r.id().equals(requestId)).findFirst()
        .orElseThrow(() -> DomainRuleException.notVisible("change request", requestId));
  }

  public boolean isHeld() {
    return !holds.isEmpty();
  }

  /** The reason of the suspension in force, if any (the last SUSPENDED entry). */
  public String suspensionReason() {
    return status == ProjectStatus.SUSPENDED ? ProjectHistoryEntry.lastReason(history, Action.SUSPENDED) : null;
  }

  boolean isApplicantOf(Actor actor) {
    return actor.is(Actor.APPLICANT) && organisationCode.equals(actor.organisationCode());
  }

  private boolean isLast(Milestone milestone) {
    return milestones.get(milestones.size() - 1).id().equals(milestone.id());
  }

  // ---------------------------------------------------------------- decisions and acceptance

  /**
   * The panel's decision on the report and what it does to the project: its milestone moves on as
   * {@link Milestone#reviewed} has it; an accepted milestone may complete the project, a finally failed one
   * terminates it.
   */
  Change<Project, ProjectEvent> decided(String reportId, DecisionPolicy policy, Instant now) {
    MilestoneReport report = report(reportId);
    Decision decision = policy.decide(report.currentPanel().totals(), now);
    Milestone milestone = milestone(report.milestoneId());
    boolean finalMilestone = isLast(milestone);
    Milestone reviewed = milestone.reviewed(decision, finalMilestone, isHeld(), now);
    Change<Project, ProjectEvent> completed = Change.of(withReport(report.decided(decision)),
        new MilestoneReviewCompleted(milestone.id(), milestone.sequence(), report.id(), decision, finalMilestone,
            report.currentPanel().expertIds()));
    return switch (reviewed.status()) {
      case ACCEPTED -> completed.then(p -> p.accept(milestone, now));
      case FAILED -> completed.then(p -> p.withMilestone(reviewed).terminated(ProjectHistoryEntry.SYSTEM,
          reviewed.failureReason(decision, finalMilestone), TerminationCause.MILESTONE_FAILED, milestone.id(), now));
      default -> completed.then(p -> Change.quiet(p.withMilestone(reviewed)));
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

  /** Milestones that PASSED while the project was held or suspended are accepted now, unless it is still held. */
  Change<Project, ProjectEvent> acceptAwaited(Instant now) {
    Change<Project, ProjectEvent> accepted = Change.quiet(this);
    if (isHeld() || status != ProjectStatus.ACTIVE) {
      return accepted;
    }
    for (Milestone m : milestones) {
      if (m.status() == MilestoneStatus.ACCEPTANCE_ON_HOLD) {
        accepted = accepted.then(p -> p.accept(p.milestone(m.id()), now));
      }
    }
    return accepted;
  }

  // ---------------------------------------------------------------- post-award management (issue 17 point 5)

  /** A program manager suspends an ACTIVE project with a reason: no reports, reviews or payments meanwhile. */
  public Change<Project, ProjectEvent> suspend(Actor manager, String reason, Instant now) {
    manager.requireProgramManager();
    ProjectHistoryEntry.requireReason(reason);
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
    manager.requireProgramManager();
    ProjectHistoryEntry.requireReason(reason);
    if (status != ProjectStatus.SUSPENDED) {
      throw DomainRuleException.illegal("project-not-suspended",
          "project " + id + " is " + status + ": only a SUSPENDED project can be resumed");
    }
    Project resumed = with(milestones, reports, holds, ProjectStatus.ACTIVE, terminationReason, closedAt)
        .recorded(new ProjectHistoryEntry(now, manager.id(), Action.RESUMED, reason, null, null));
    return Change.<Project, ProjectEvent>of(resumed, new ProjectResumed(reason, manager.id(), now))
        .then(p -> p.acceptAwaited(now));
  }

  /**
   * A program manager terminates an ACTIVE or SUSPENDED project with a reason: what is not paid yet is cancelled
   * (post-subsidy) and the unpaid award goes back to the program's budget (project-intake).
   */
  public Change<Project, ProjectEvent> terminate(Actor manager, String reason, Instant now) {
    manager.requireProgramManager();
    ProjectHistoryEntry.requireReason(reason);
    requireOpen();
    return terminated(manager.id(), reason, TerminationCause.MANAGER_DECISION, null, now);
  }

  /** The applicant's request to change the project, PENDING until a program manager decides it. */
  public Change<Project, ProjectEvent> requestChange(Actor applicant, ChangeRequest request) {
    if (!isApplicantOf(applicant)) {
      throw DomainRuleException.notVisible("project", id);
    }
    requireOpen();
    ProjectHistoryEntry.requireReason(request.justification());
    request.requireApplicableTo(this);
    return Change.of(withChangeRequests(appended(changeRequests, request))
        .recorded(ProjectHistoryEntry.changeRequested(request, applicant.id())), new ChangeRequestSubmitted(request));
  }

  /** A program manager approves (the change applies now) or refuses a PENDING change request, with a reason. */
  public Change<Project, ProjectEvent> decideChange(Actor manager, String requestId, boolean approve, String reason,
      Instant now) {
    manager.requireProgramManager();
    ProjectHistoryEntry.requireReason(reason);
    requireOpen();
    ChangeRequest decided = changeRequest(requestId).decided(approve, manager.id(), now, reason);
    Project next = withChangeRequests(replaced(changeRequests, decided, ChangeRequest::id));
    return Change.of((approve ? decided.appliedTo(next) : next).recorded(ProjectHistoryEntry.changeDecided(decided)),
        new ChangeRequestDecided(decided));
  }

  // ---------------------------------------------------------------- due dates (the overdue sweep)

  /**
   * The sweep's one step on this project at {@code now}: the first milestone waiting for its report whose due date
   * (end of the day in {@code zone}) has passed becomes OVERDUE with a warning; otherwise the first one due within
   * {@code remindBefore} days and not reminded yet gets its reminder. Nothing to do (or a project not ACTIVE): no
   * events, and the caller writes nothing — so two sweeps racing on one project change it once.
   */
  public Change<Project, ProjectEvent> sweepDueDates(Instant now, ZoneId zone, int remindBefore) {
    if (status != ProjectStatus.ACTIVE) {
      return Change.quiet(this);
    }
    LocalDate today = now.atZone(zone).toLocalDate();
    Optional<Milestone> overdue = milestones.stream().filter(m -> m.overdueOn(today)).findFirst();
    if (overdue.isPresent()) {
      Milestone m = overdue.get();
      return Change.of(withMilestone(m.overdue(now)).recorded(ProjectHistoryEntry.overdue(m, now)),
          new MilestoneOverdue(m.id(), m.sequence(), m.dueDate(), now));
    }
    return milestones.stream().filter(m -> m.dueForReminderOn(today, remindBefore)).findFirst()
        .map(m -> Change.<Project, ProjectEvent>of(withMilestone(m.reminded(now))
            .recorded(ProjectHistoryEntry.reminded(m, now)), new MilestoneDueReminder(m.id(), m.sequence(),
            m.dueDate(), now)))
        .orElseGet(() -> Change.quiet(this));
  }

  // ---------------------------------------------------------------- refusals

  void requireActive() {
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

  // ---------------------------------------------------------------- next states

  private Change<Project, ProjectEvent> terminated(String by, String reason, TerminationCause cause,
      String failedMilestoneId, Instant now) {
    return Change.of(closed(ProjectStatus.TERMINATED, reason, now)
            .recorded(ProjectHistoryEntry.terminated(now, by, reason, failedMilestoneId, cause)),
        new ProjectTerminated(reason, now, cause, by));
  }

  /** The project with a new report on its due milestone, now under review. */
  Project reported(Milestone underReview, MilestoneReport report) {
    return with(replaced(milestones, underReview, Milestone::id), appended(reports, report), holds, status,
        terminationReason, closedAt);
  }

  Project withReport(MilestoneReport report) {
    return with(milestones, replaced(reports, report, MilestoneReport::id), holds, status, terminationReason,
        closedAt);
  }

  Project withMilestone(Milestone milestone) {
    return with(replaced(milestones, milestone, Milestone::id), reports, holds, status, terminationReason,
        closedAt);
  }

  private Project closed(ProjectStatus closedAs, String reason, Instant at) {
    return with(milestones, reports, holds, closedAs, reason, at);
  }

  /** The project with these holds in force (see {@link ProjectHolds}). */
  Project withHolds(List<String> holds) {
    return with(milestones, reports, holds, status, terminationReason, closedAt);
  }

  private Project with(List<Milestone> milestones, List<MilestoneReport> reports, List<String> holds,
      ProjectStatus status, String terminationReason, Instant closedAt) {
    return new Project(id, proposalId, programId, programKind, challengeId, organisationCode, organisationName, title,
        awardedAmountFen, teamOrganisationCodes, teamPersonIdHashes, milestones, reports, holds, status,
        terminationReason, awardedAt, closedAt, budgetLines, changeRequests, history, version);
  }

  /** The project with its team's other organisations and its budget lines as an approved change request has them. */
  Project withTeamAndBudget(List<String> teamOrganisationCodes, List<BudgetLine> budgetLines) {
    return withPostAward(teamOrganisationCodes, budgetLines, changeRequests, history);
  }

  private Project withChangeRequests(List<ChangeRequest> next) {
    return withPostAward(teamOrganisationCodes, budgetLines, next, history);
  }

  private Project recorded(ProjectHistoryEntry entry) {
    return withPostAward(teamOrganisationCodes, budgetLines, changeRequests, appended(history, entry));
  }

  private Project withPostAward(List<String> teamOrganisationCodes, List<BudgetLine> budgetLines,
      List<ChangeRequest> changeRequests, List<ProjectHistoryEntry> history) {
    return new Project(id, proposalId, programId, programKind, challengeId, organisationCode, organisationName, title,
        awardedAmountFen, teamOrganisationCodes, teamPersonIdHashes, milestones, reports, holds, status,
        terminationReason, awardedAt, closedAt, budgetLines, changeRequests, history, version);
  }

  private static <T> List<T> appended(List<T> items, T item) {
    List<T> next = new ArrayList<>(items);
    next.add(item);
    return next;
  }

  private static <T> List<T> replaced(List<T> items, T replacement, Function<T, String> id) {
    String replacedId = id.apply(replacement);
    return items.stream().map(i -> id.apply(i).equals(replacedId) ? replacement : i).toList();
  }
}
