package org.fundflow.milestone.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.fundflow.milestone.adapter.out.kafka.ProjectEventMessages;
import org.fundflow.milestone.domain.Actor;
import org.fundflow.milestone.domain.Award;
import org.fundflow.milestone.domain.ChangeRequest;
import org.fundflow.milestone.domain.DecisionPolicy;
import org.fundflow.milestone.domain.Evidence;
import org.fundflow.milestone.domain.ExpertProfile;
import org.fundflow.milestone.domain.ProgramKind;
import org.fundflow.milestone.domain.ProjectUnderTest;
import org.fundflow.milestone.domain.Project;
import org.fundflow.milestone.domain.ProjectEvent;
import org.fundflow.milestone.domain.Recommendation;
import org.fundflow.milestone.domain.Scores;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every kind of event this service publishes, as mapped for the outbox, validates against its
 * shared schema (the service ITs also validate every record that really reaches Kafka).
 */
class PublishedEventContractTest {

  static final String ORG = "12120112EXH9BL324R";
  static final String EXPERT_ORG = "12310115AMBRCN372R";
  static final Instant T0 = Instant.parse("2027-01-20T02:00:00.123456Z");
  static final JsonMapper JSON = JsonMapper.builder().build();
  final List<String> checked = new ArrayList<>();

  public ProjectUnderTest project(String id, ProgramKind kind) {
    List<Award.PlannedMilestone> plan = kind == ProgramKind.GENERAL
        ? List.of(new Award.PlannedMilestone(id + "-final", 1, "结题验收", List.of("结题报告"), LocalDate.parse("2027-12-31"), 100))
        : List.of(new Award.PlannedMilestone(id + "-m1", 1, "一", List.of("a"), LocalDate.parse("2027-01-31"), 30),
            new Award.PlannedMilestone(id + "-m2", 2, "二", List.of("b"), LocalDate.parse("2027-09-30"), 70));
    return new ProjectUnderTest(Project.open(new Award(id, "prp-" + id, "prg-1", kind, kind == ProgramKind.CHALLENGE ? "chl-1" : null, ORG,
        "机构", "题目", 280_000_000L, plan, List.of(ORG, "12120116800HQW767H"), List.of("0d".repeat(32)),
        T0), Set.of()));
  }

  void validate(ProjectUnderTest p, List<ProjectEvent> events) {
    for (ProjectEvent e : events) {
      ProjectEventMessages.Message message = ProjectEventMessages.toMessage(p.current(), e);
      String json = JSON.writeValueAsString(message);
      assertThat(Schemas.errors(message.type(), json)).as(message.type() + " " + json).isEmpty();
      checked.add(message.type());
    }
  }

  public List<ProjectEvent> review(ProjectUnderTest p, String reportId, Instant at, int... totals) {
    List<ExpertProfile> experts = new ArrayList<>();
    for (int i = 0; i < totals.length; i++) {
      experts.add(new ExpertProfile(reportId + "-e" + i, "专家", EXPERT_ORG, "75".repeat(32), "1101**********824X",
          List.of()));
    }
    List<ProjectEvent> events = new ArrayList<>(p.formPanel(reportId, experts, at));
    for (int i = 0; i < totals.length; i++) {
      Actor expert = new Actor(reportId + "-e" + i, Set.of(Actor.EXPERT), EXPERT_ORG);
      p.declare(reportId, expert, false, null, at);
      int t = totals[i];
      int d = Math.min(40, t), q = Math.min(30, t - d), b = Math.min(20, t - d - q);
      events.addAll(p.evaluate(reportId, expert, new Scores(d, q, b, t - d - q - b),
          t >= 80 ? Recommendation.PASSED : t >= 60 ? Recommendation.CONDITIONAL : Recommendation.FAILED, "意见",
          DecisionPolicy.DEFAULT, at));
    }
    return events;
  }

  static ExpertProfile profile(String id) {
    return new ExpertProfile(id, "专家", EXPERT_ORG, "75".repeat(32), "1101**********824X", List.of());
  }

  public List<ProjectEvent> submit(ProjectUnderTest p, String reportId, Instant at) {
    return p.submitReport(new Actor("alice", Set.of(Actor.APPLICANT), ORG), reportId, null, List.of("交付物"),
        List.of(new Evidence("报告.pdf", "9f".repeat(32))), 12_345_600L, at);
  }

  @Test
  void everyPublishedEventValidatesAgainstItsSchema() {
    ProjectUnderTest general = project("prj-g", ProgramKind.GENERAL);
    validate(general, submit(general, "r1", T0));
    validate(general, review(general, "r1", T0, 70, 65, 72)); // CONDITIONAL with rectifyBy
    validate(general, submit(general, "r2", T0.plus(Duration.ofDays(3))));
    validate(general, review(general, "r2", T0.plus(Duration.ofDays(4)), 100, 88, 93, 60, 85)); // accepted, completed

    ProjectUnderTest challenge = project("prj-c", ProgramKind.CHALLENGE);
    validate(challenge, submit(challenge, "r1", T0));
    validate(challenge, review(challenge, "r1", T0, 10, 0, 55)); // FAILED once
    validate(challenge, submit(challenge, "r2", T0));
    validate(challenge, review(challenge, "r2", T0, 50, 40, 59)); // FAILED twice: terminated

    ProjectUnderTest recusal = project("prj-x", ProgramKind.GENERAL);
    validate(recusal, submit(recusal, "r1", T0));
    recusal.formPanel("r1", List.of(profile("r1-x0"), profile("r1-x1"), profile("r1-x2")), T0);
    validate(recusal, recusal.declare("r1", new Actor("r1-x0", Set.of(Actor.EXPERT), EXPERT_ORG), true, "同单位", T0));
    validate(recusal, recusal.addExpert("r1", profile("r1-x3"), T0)); // issue 16: the seat filled, one expert told


    // post-award management (issue 17 point 5)
    Actor manager = new Actor("pm-1", Set.of(Actor.PROGRAM_MANAGER), null);
    ProjectUnderTest managed = project("prj-m", ProgramKind.CHALLENGE);
    java.time.ZoneId shanghai = java.time.ZoneId.of("Asia/Shanghai");
    validate(managed, managed.apply(managed.current().sweepDueDates(
        LocalDate.parse("2027-01-25").atStartOfDay(shanghai).toInstant(), shanghai, 7)));
    validate(managed, managed.apply(managed.current().sweepDueDates(
        LocalDate.parse("2027-02-01").atStartOfDay(shanghai).toInstant(), shanghai, 7)));
    validate(managed, managed.apply(managed.current().suspend(manager, "专项审计", T0)));
    validate(managed, managed.apply(managed.current().resume(manager, "审计结束", T0)));
    Actor applicant = new Actor("alice", Set.of(Actor.APPLICANT), ORG);
    validate(managed, managed.apply(managed.current().requestChange(applicant, new ChangeRequest("chg-1",
        ChangeRequest.Kind.MILESTONE_DUE_DATE, "prj-m-m2", LocalDate.parse("2027-11-30"), null, null, "设备延期到货",
        "alice", T0, ChangeRequest.Status.PENDING, null, null, null))));
    validate(managed, managed.apply(managed.current().decideChange(manager, "chg-1", true, "理由充分", T0)));
    validate(managed, managed.apply(managed.current().terminate(manager, "挪用专项资金", T0)));

    assertThat(new LinkedHashSet<>(checked)).containsExactlyInAnyOrder(ProjectEventMessages.EXPERT_RECUSED,
        ProjectEventMessages.REPORT_SUBMITTED, ProjectEventMessages.EVALUATION_SUBMITTED,
        ProjectEventMessages.REVIEW_COMPLETED, ProjectEventMessages.MILESTONE_ACCEPTED,
        ProjectEventMessages.PROJECT_COMPLETED, ProjectEventMessages.PROJECT_TERMINATED,
        ProjectEventMessages.PROJECT_SUSPENDED, ProjectEventMessages.PROJECT_RESUMED,
        ProjectEventMessages.MILESTONE_DUE_REMINDER, ProjectEventMessages.MILESTONE_OVERDUE,
        ProjectEventMessages.CHANGE_REQUEST_SUBMITTED, ProjectEventMessages.CHANGE_REQUEST_DECIDED,
        ProjectEventMessages.EXPERTS_ASSIGNED);
  }

  /** Issue 16: the experts on a panel are named when they are assigned and when their panel decides. */
  @Test
  void thePanelsExpertsAreNamedOnAssignmentAndOnTheDecision() {
    ProjectUnderTest p = project("prj-e", ProgramKind.GENERAL);
    submit(p, "r1", T0);
    List<ProjectEvent> events = review(p, "r1", T0, 90, 85, 80);
    assertThat(events.get(0)).isInstanceOfSatisfying(ProjectEvent.ExpertsAssigned.class,
        e -> assertThat(e.expertIds()).containsExactly("r1-e0", "r1-e1", "r1-e2"));
    ProjectEvent.MilestoneReviewCompleted completed = events.stream()
        .filter(ProjectEvent.MilestoneReviewCompleted.class::isInstance)
        .map(ProjectEvent.MilestoneReviewCompleted.class::cast).findFirst().orElseThrow();
    String json = JSON.writeValueAsString(ProjectEventMessages.toMessage(p.current(), completed));
    assertThat(json).contains("\"expertIds\":[\"r1-e0\",\"r1-e1\",\"r1-e2\"]");

    ProjectUnderTest recusal = project("prj-y", ProgramKind.GENERAL);
    submit(recusal, "r1", T0);
    recusal.formPanel("r1", List.of(profile("r1-x0"), profile("r1-x1"), profile("r1-x2")), T0);
    recusal.declare("r1", new Actor("r1-x0", Set.of(Actor.EXPERT), EXPERT_ORG), true, "同单位", T0);
    assertThat(recusal.addExpert("r1", profile("r1-x3"), T0)).singleElement()
        .isInstanceOfSatisfying(ProjectEvent.ExpertsAssigned.class,
            e -> assertThat(e.expertIds()).containsExactly("r1-x3"));
  }

  @Test
  void theSchemasBite() {
    assertThat(Schemas.errors(ProjectEventMessages.REVIEW_COMPLETED, "{\"projectId\":\"p\"}")).isNotEmpty();
  }
}
