package org.fundflow.milestone.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fundflow.milestone.domain.ProjectTest.APPLICANT;
import static org.fundflow.milestone.domain.ProjectTest.ORG;
import static org.fundflow.milestone.domain.ProjectTest.TEAM_ORG;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.fundflow.milestone.domain.ProjectEvent.MilestoneDueReminder;
import org.fundflow.milestone.domain.ProjectEvent.MilestoneOverdue;
import org.fundflow.milestone.domain.ProjectEvent.ProjectResumed;
import org.fundflow.milestone.domain.ProjectEvent.ProjectSuspended;
import org.fundflow.milestone.domain.ProjectEvent.ProjectTerminated;
import org.fundflow.milestone.domain.ProjectHistoryEntry.Action;
import org.fundflow.platform.domain.Change;
import org.junit.jupiter.api.Test;

/** Post-award management (issue 17 point 5): suspension, termination, change requests, due dates. */
class PostAwardTest {

  static final Actor MANAGER = new Actor("pm-1", Set.of(Actor.PROGRAM_MANAGER), null);
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final Instant T = Instant.parse("2027-01-02T02:00:00Z");

  Project project = ProjectTest.open(); // m1 due 2027-01-31, m2 due 2027-09-30, awarded 280,000,000 fen

  @Test
  void aSuspendedProjectAcceptsNoReportUntilResumed() {
    Change<Project, ProjectEvent> suspended = project.suspend(MANAGER, "audit of spending", T);

    assertThat(suspended.next().status()).isEqualTo(ProjectStatus.SUSPENDED);
    assertThat(suspended.next().suspensionReason()).isEqualTo("audit of spending");
    assertThat(suspended.events()).containsExactly(new ProjectSuspended("audit of spending", "pm-1", T));
    assertThatThrownBy(() -> suspended.next().milestoneReview().submitReport(APPLICANT, "r1", null, List.of("d"),
        List.of(), 0L, T))
        .hasMessageContaining("SUSPENDED");

    Change<Project, ProjectEvent> resumed = suspended.next().resume(MANAGER, "audit closed", T.plusSeconds(60));
    assertThat(resumed.next().status()).isEqualTo(ProjectStatus.ACTIVE);
    assertThat(resumed.events()).containsExactly(new ProjectResumed("audit closed", "pm-1", T.plusSeconds(60)));
    assertThat(resumed.next().milestoneReview().submitReport(APPLICANT, "r1", null, List.of("d"), List.of(), 0L, T)
        .next().reports())
        .hasSize(1);
    assertThat(resumed.next().history()).extracting(ProjectHistoryEntry::action)
        .containsExactly(Action.SUSPENDED, Action.RESUMED);
  }

  @Test
  void onlyAProgramManagerDecidesAndAlwaysWithAReason() {
    assertThatThrownBy(() -> project.suspend(APPLICANT, "x", T)).hasMessageContaining("PROGRAM_MANAGER");
    assertThatThrownBy(() -> project.terminate(MANAGER, " ", T)).hasMessageContaining("reason");
    assertThatThrownBy(() -> project.resume(MANAGER, "x", T)).hasMessageContaining("only a SUSPENDED project");
  }

  @Test
  void theManagerTerminatesAnActiveOrSuspendedProjectOnce() {
    Project suspended = project.suspend(MANAGER, "audit", T).next();
    Change<Project, ProjectEvent> terminated = suspended.terminate(MANAGER, "misuse of funds", T);

    assertThat(terminated.next().status()).isEqualTo(ProjectStatus.TERMINATED);
    assertThat(terminated.next().terminationReason()).isEqualTo("misuse of funds");
    assertThat(terminated.events()).containsExactly(
        new ProjectTerminated("misuse of funds", T, TerminationCause.MANAGER_DECISION, "pm-1"));
    assertThatThrownBy(() -> terminated.next().terminate(MANAGER, "again", T)).hasMessageContaining("TERMINATED");
    assertThatThrownBy(() -> terminated.next().suspend(MANAGER, "again", T)).hasMessageContaining("TERMINATED");
  }

  @Test
  void anApprovedDueDateChangeMovesTheMilestoneAndIsKeptInTheHistory() {
    Project requested = project.requestChange(APPLICANT, dueDateChange("cr-1", "m1", "2027-03-31")).next();
    assertThat(requested.changeRequest("cr-1").status()).isEqualTo(ChangeRequest.Status.PENDING);
    assertThat(requested.milestone("m1").dueDate()).isEqualTo(LocalDate.parse("2027-01-31"));

    Project approved = requested.decideChange(MANAGER, "cr-1", true, "equipment delivered late", T).next();

    assertThat(approved.milestone("m1").dueDate()).isEqualTo(LocalDate.parse("2027-03-31"));
    assertThat(approved.changeRequest("cr-1").status()).isEqualTo(ChangeRequest.Status.APPROVED);
    assertThat(approved.changeRequest("cr-1").decisionReason()).isEqualTo("equipment delivered late");
    assertThat(approved.history()).extracting(ProjectHistoryEntry::action)
        .containsExactly(Action.CHANGE_REQUESTED, Action.CHANGE_APPROVED);
    assertThatThrownBy(() -> approved.decideChange(MANAGER, "cr-1", false, "no", T))
        .hasMessageContaining("APPROVED already");
  }

  @Test
  void aRefusedChangeChangesNothingButTheRequest() {
    Project refused = project.requestChange(APPLICANT, teamChange("cr-2", List.of("91120116MA05KXYW7C"))).next()
        .decideChange(MANAGER, "cr-2", false, "the new partner has no lab", T).next();

    assertThat(refused.teamOrganisationCodes()).containsExactly(TEAM_ORG);
    assertThat(refused.changeRequest("cr-2").status()).isEqualTo(ChangeRequest.Status.REFUSED);
    assertThat(refused.history()).extracting(ProjectHistoryEntry::action)
        .containsExactly(Action.CHANGE_REQUESTED, Action.CHANGE_REFUSED);
  }

  @Test
  void anApprovedTeamChangeReplacesTheTeamsOtherOrganisations() {
    Project approved = project.requestChange(APPLICANT, teamChange("cr-3", List.of("91120116MA05KXYW7C"))).next()
        .decideChange(MANAGER, "cr-3", true, "ok", T).next();

    assertThat(approved.teamOrganisationCodes()).containsExactly("91120116MA05KXYW7C");
  }

  @Test
  void aBudgetReallocationKeepsTheAwardedAmount() {
    assertThatThrownBy(() -> project.requestChange(APPLICANT, budget("cr-4",
        List.of(new BudgetLine("equipment", 100_000_000L), new BudgetLine("staff", 100_000_000L)))))
        .hasMessageContaining("280000000");

    Project approved = project.requestChange(APPLICANT, budget("cr-5",
            List.of(new BudgetLine("equipment", 180_000_000L), new BudgetLine("staff", 100_000_000L)))).next()
        .decideChange(MANAGER, "cr-5", true, "within limits", T).next();
    assertThat(approved.budgetLines()).containsExactly(new BudgetLine("equipment", 180_000_000L),
        new BudgetLine("staff", 100_000_000L));
  }

  @Test
  void onlyTheProjectsOwnApplicantRequestsAChange() {
    Actor other = new Actor("bob", Set.of(Actor.APPLICANT), ProjectTest.OTHER_ORG);
    assertThatThrownBy(() -> project.requestChange(other, dueDateChange("cr-6", "m1", "2027-03-31")))
        .hasMessageContaining("not");
  }

  @Test
  void theSweepRemindsBeforeTheDueDateAndMarksOverdueAfterItOnce() {
    // m1 is due 2027-01-31 (Shanghai); 7 days before it is 2027-01-24
    Instant jan23Shanghai = LocalDate.parse("2027-01-23").atTime(23, 59).atZone(SHANGHAI).toInstant();
    assertThat(project.sweepDueDates(jan23Shanghai, SHANGHAI, 7).eventful()).isFalse();

    Instant jan24 = LocalDate.parse("2027-01-24").atStartOfDay(SHANGHAI).toInstant();
    Change<Project, ProjectEvent> reminded = project.sweepDueDates(jan24, SHANGHAI, 7);
    assertThat(reminded.events()).containsExactly(
        new MilestoneDueReminder("m1", 1, LocalDate.parse("2027-01-31"), jan24));
    assertThat(reminded.next().sweepDueDates(jan24.plusSeconds(3600), SHANGHAI, 7).eventful()).isFalse();

    Instant lastMinuteOfDueDate = LocalDate.parse("2027-01-31").atTime(23, 59).atZone(SHANGHAI).toInstant();
    assertThat(reminded.next().sweepDueDates(lastMinuteOfDueDate, SHANGHAI, 7).eventful()).isFalse();

    Instant feb1 = LocalDate.parse("2027-02-01").atStartOfDay(SHANGHAI).toInstant();
    Change<Project, ProjectEvent> overdue = reminded.next().sweepDueDates(feb1, SHANGHAI, 7);
    assertThat(overdue.events()).containsExactly(new MilestoneOverdue("m1", 1, LocalDate.parse("2027-01-31"), feb1));
    assertThat(overdue.next().milestone("m1").status()).isEqualTo(MilestoneStatus.OVERDUE);
    assertThat(overdue.next().sweepDueDates(feb1.plusSeconds(3600), SHANGHAI, 7).eventful()).isFalse();
    assertThat(overdue.next().history()).extracting(ProjectHistoryEntry::action)
        .containsExactly(Action.MILESTONE_DUE_REMINDER, Action.MILESTONE_OVERDUE);

    // a late report is still accepted
    assertThat(overdue.next().milestoneReview().submitReport(APPLICANT, "r1", "m1", List.of("d"), List.of(), 0L, feb1)
        .next()
        .milestone("m1").status()).isEqualTo(MilestoneStatus.UNDER_REVIEW);
  }

  @Test
  void theSweepLeavesSuspendedProjectsAndMilestonesWithAReportAlone() {
    Instant feb1 = LocalDate.parse("2027-02-01").atStartOfDay(SHANGHAI).toInstant();
    Project suspended = project.suspend(MANAGER, "audit", T).next();
    assertThat(suspended.sweepDueDates(feb1, SHANGHAI, 7).eventful()).isFalse();

    Project reported = project.milestoneReview().submitReport(APPLICANT, "r1", null, List.of("d"), List.of(), 0L, T)
        .next();
    assertThat(reported.sweepDueDates(feb1, SHANGHAI, 7).eventful()).isFalse();
  }

  @Test
  void anApprovedNewDueDateTakesAnOverdueMilestoneBackToOpen() {
    Instant feb1 = LocalDate.parse("2027-02-01").atStartOfDay(SHANGHAI).toInstant();
    Project overdue = project.sweepDueDates(feb1, SHANGHAI, 7).next();
    Project moved = overdue.requestChange(APPLICANT, dueDateChange("cr-7", "m1", "2027-04-30")).next()
        .decideChange(MANAGER, "cr-7", true, "ok", feb1).next();

    assertThat(moved.milestone("m1").status()).isEqualTo(MilestoneStatus.OPEN);
    assertThat(moved.sweepDueDates(feb1, SHANGHAI, 7).eventful()).isFalse();
  }

  static ChangeRequest dueDateChange(String id, String milestoneId, String date) {
    return new ChangeRequest(id, ChangeRequest.Kind.MILESTONE_DUE_DATE, milestoneId, LocalDate.parse(date), null, null,
        "supplier delay", "alice", T, ChangeRequest.Status.PENDING, null, null, null);
  }

  static ChangeRequest teamChange(String id, List<String> team) {
    return new ChangeRequest(id, ChangeRequest.Kind.TEAM_CHANGE, null, null, null, team, "partner left", "alice", T,
        ChangeRequest.Status.PENDING, null, null, null);
  }

  static ChangeRequest budget(String id, List<BudgetLine> lines) {
    return new ChangeRequest(id, ChangeRequest.Kind.BUDGET_REALLOCATION, null, null, lines, null, "more equipment",
        "alice", T, ChangeRequest.Status.PENDING, null, null, null);
  }
}
