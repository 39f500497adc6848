package org.fundflow.milestone.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.fundflow.milestone.it.MilestoneReviewIT.JSON;
import static org.fundflow.milestone.it.MilestoneReviewIT.ORG;
import static org.fundflow.milestone.it.MilestoneReviewIT.PM;
import static org.fundflow.milestone.it.MilestoneReviewIT.TEAM_ORG;
import static org.fundflow.milestone.it.MilestoneReviewIT.applicant;
import static org.fundflow.milestone.it.MilestoneReviewIT.challengeAward;
import static org.fundflow.milestone.it.MilestoneReviewIT.reportBody;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.fundflow.milestone.adapter.out.mongo.MongoProjects;
import org.fundflow.milestone.application.port.out.Projects;
import org.fundflow.milestone.application.service.PostAwardService;
import org.fundflow.milestone.domain.Project;
import org.fundflow.milestone.domain.ProjectEvent;
import org.fundflow.milestone.it.ServiceFixture.Published;
import org.fundflow.platform.test.FundflowTestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Issue 17 point 5 over HTTP, the real broker and the real store: the program manager suspends, resumes and
 * terminates; the applicant requests changes the manager decides; the history keeps it all; the due-date sweep
 * reminds and warns once even when two replicas sweep at the same time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FundflowTestInfrastructure.class)
class PostAwardIT {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @LocalServerPort int port;
  @Autowired MongoProjects projects;

  WebTestClient http;
  final ServiceFixture kafka = ServiceFixture.get();

  @BeforeEach
  void client() {
    http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
        .responseTimeout(Duration.ofSeconds(30)).build();
  }

  @Test
  void theManagerSuspendsResumesAndTerminatesWithReasonsAndTheHistoryKeepsIt() {
    String projectId = newProject();
    String path = "/projects/" + projectId;

    call(HttpMethod.POST, path + "/suspension", applicant(ORG), Map.of("reason", "x"), 403);
    call(HttpMethod.POST, path + "/suspension", PM, Map.of("reason", " "), 400);
    JsonNode suspended = call(HttpMethod.POST, path + "/suspension", PM, Map.of("reason", "专项审计期间暂停"), 200);
    assertThat(suspended.get("status").asString()).isEqualTo("SUSPENDED");
    assertThat(suspended.get("suspensionReason").asString()).isEqualTo("专项审计期间暂停");
    assertThat(call(HttpMethod.POST, path + "/reports", applicant(ORG), reportBody(), 409).get("type").asString())
        .endsWith("/project-suspended");
    assertThat(call(HttpMethod.POST, path + "/suspension", PM, Map.of("reason", "again"), 409).get("type")
        .asString()).endsWith("/project-suspended");

    assertThat(call(HttpMethod.POST, path + "/resumption", PM, Map.of("reason", "审计结束"), 200).get("status")
        .asString()).isEqualTo("ACTIVE");
    call(HttpMethod.POST, path + "/reports", applicant(ORG), reportBody(), 201);

    JsonNode terminated = call(HttpMethod.POST, path + "/termination", PM, Map.of("reason", "挪用专项资金"), 200);
    assertThat(terminated.get("status").asString()).isEqualTo("TERMINATED");
    assertThat(call(HttpMethod.POST, path + "/termination", PM, Map.of("reason", "again"), 409).get("type")
        .asString()).endsWith("/project-closed");

    assertThat(kafka.awaitEvents(projectId, "project-suspended.v1", 1)).hasSize(1);
    assertThat(kafka.awaitEvents(projectId, "project-resumed.v1", 1)).hasSize(1);
    JsonNode event = JSON.readTree(kafka.awaitEvents(projectId, "project-terminated.v1", 1).get(0).json());
    assertThat(event.get("cause").asString()).isEqualTo("MANAGER_DECISION");
    assertThat(event.get("terminatedBy").asString()).isEqualTo("pm-zhao");
    assertThat(event.get("awardedAmountFen").asLong()).isEqualTo(280_000_000L);
    assertThat(event.get("reason").asString()).isEqualTo("挪用专项资金");

    JsonNode history = call(HttpMethod.GET, path + "/history", applicant(ORG), null, 200).get("history");
    assertThat(history.findValuesAsString("action")).containsExactly("SUSPENDED", "RESUMED", "TERMINATED");
    assertThat(history.get(0).get("by").asString()).isEqualTo("pm-zhao");
    assertThat(history.get(0).get("reason").asString()).isEqualTo("专项审计期间暂停");
    call(HttpMethod.GET, path + "/history", applicant(TEAM_ORG), null, 404);
  }

  @Test
  void theApplicantRequestsChangesAndTheManagerApprovesOrRefusesThemWithAReason() {
    String projectId = newProject();
    String path = "/projects/" + projectId + "/change-requests";

    call(HttpMethod.POST, path, PM, dueDate(projectId), 403);
    call(HttpMethod.POST, path, applicant(TEAM_ORG), dueDate(projectId), 404);
    assertThat(call(HttpMethod.POST, path, applicant(ORG), Map.of("kind", "BUDGET_REALLOCATION",
            "budgetLines", List.of(Map.of("category", "设备费", "amountFen", 1)), "justification", "调整"), 422)
        .get("type").asString()).endsWith("/budget-not-balanced");

    JsonNode request = call(HttpMethod.POST, path, applicant(ORG), dueDate(projectId), 201);
    assertThat(request.get("status").asString()).isEqualTo("PENDING");
    String requestId = request.get("changeRequestId").asString();

    call(HttpMethod.POST, path + "/" + requestId + "/decision", applicant(ORG),
        Map.of("approve", true, "reason", "x"), 403);
    JsonNode approved = call(HttpMethod.POST, path + "/" + requestId + "/decision", PM,
        Map.of("approve", true, "reason", "设备到货延迟属实"), 200);
    assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
    assertThat(call(HttpMethod.POST, path + "/" + requestId + "/decision", PM,
        Map.of("approve", false, "reason", "again"), 409).get("type").asString()).endsWith("/change-request-decided");
    assertThat(call(HttpMethod.GET, "/projects/" + projectId, applicant(ORG), null, 200).get("milestones").get(0)
        .get("dueDate").asString()).isEqualTo("2027-03-31");

    String team = call(HttpMethod.POST, path, applicant(ORG), Map.of("kind", "TEAM_CHANGE",
        "teamOrganisationCodes", List.of("91120112DA1KCGYFXP"), "justification", "合作单位退出"), 201)
        .get("changeRequestId").asString();
    assertThat(call(HttpMethod.POST, path + "/" + team + "/decision", PM,
        Map.of("approve", false, "reason", "新合作单位资质不足"), 200).get("status").asString()).isEqualTo("REFUSED");

    JsonNode history = call(HttpMethod.GET, "/projects/" + projectId + "/history", PM, null, 200);
    assertThat(history.get("history").findValuesAsString("action")).containsExactly("CHANGE_REQUESTED",
        "CHANGE_APPROVED", "CHANGE_REQUESTED", "CHANGE_REFUSED");
    assertThat(history.get("changeRequests").findValuesAsString("decisionReason"))
        .containsExactly("设备到货延迟属实", "新合作单位资质不足");

    // each request and each decision is published (the portal notifies the managers, then the applicant)
    List<Published> submitted = kafka.awaitEvents(projectId, "change-request-submitted.v1", 2);
    assertThat(submitted).extracting(e -> JSON.readTree(e.json()).get("kind").asString())
        .containsExactly("MILESTONE_DUE_DATE", "TEAM_CHANGE");
    List<Published> decided = kafka.awaitEvents(projectId, "change-request-decided.v1", 2);
    assertThat(decided).extracting(e -> JSON.readTree(e.json()).get("approved").asBoolean()).containsExactly(true, false);
    assertThat(JSON.readTree(decided.get(1).json()).get("reason").asString()).isEqualTo("新合作单位资质不足");
    assertThat(JSON.readTree(decided.get(0).json()).get("changeRequestId").asString()).isEqualTo(requestId);
  }

  @Test
  void twoReplicasSweepingAtTheSameTimeRemindOnceAndWarnOnce() {
    String projectId = newProject(); // m1 due 2027-01-31 (Asia/Shanghai)
    Projects onlyThis = only(projectId);
    Clock reminderDay = Clock.fixed(LocalDate.parse("2027-01-24").atTime(9, 0).atZone(SHANGHAI).toInstant(),
        ZoneOffset.UTC);
    sweepTwice(onlyThis, reminderDay);
    Clock dayAfterDue = Clock.fixed(LocalDate.parse("2027-02-01").atTime(0, 1).atZone(SHANGHAI).toInstant(),
        ZoneOffset.UTC);
    sweepTwice(onlyThis, dayAfterDue);
    sweepTwice(onlyThis, dayAfterDue);

    Published reminder = kafka.awaitEvents(projectId, "milestone-due-reminder.v1", 1).get(0);
    assertThat(JSON.readTree(reminder.json()).get("dueDate").asString()).isEqualTo("2027-01-31");
    kafka.awaitEvents(projectId, "milestone-overdue.v1", 1);
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
        kafka.events(projectId, "milestone-due-reminder.v1").size() == 1
            && kafka.events(projectId, "milestone-overdue.v1").size() == 1);

    JsonNode project = call(HttpMethod.GET, "/projects/" + projectId, applicant(ORG), null, 200);
    assertThat(project.get("milestones").get(0).get("status").asString()).isEqualTo("OVERDUE");
    // a late report is still taken
    call(HttpMethod.POST, "/projects/" + projectId + "/reports", applicant(ORG), reportBody(), 201);
    assertThat(call(HttpMethod.GET, "/projects/" + projectId + "/history", PM, null, 200).get("history")
        .findValuesAsString("action")).containsExactly("MILESTONE_DUE_REMINDER", "MILESTONE_OVERDUE");
  }

  /** Two service instances (replicas) sweep the same store at the same moment. */
  void sweepTwice(Projects store, Clock clock) {
    PostAwardService one = new PostAwardService(store, clock, 7);
    PostAwardService two = new PostAwardService(store, clock, 7);
    Flux.merge(one.sweep(), two.sweep()).collectList().block(Duration.ofSeconds(30));
  }

  /** The real store, but the sweep sees only this test's project (other tests' projects are left alone). */
  Projects only(String projectId) {
    return new Projects() {
      @Override
      public Mono<Project> find(String id) {
        return projects.find(id);
      }

      @Override
      public Flux<Project> findPage(String organisationCode, String assignedExpertId,
          org.fundflow.milestone.domain.ProjectCursor after, int limit) {
        return projects.findPage(organisationCode, assignedExpertId, after, limit);
      }

      @Override
      public Flux<Project> findByOrganisation(String organisationCode) {
        return projects.findByOrganisation(organisationCode);
      }

      @Override
      public Flux<Project> findAssignedTo(String expertId) {
        return projects.findAssignedTo(expertId);
      }

      @Override
      public Flux<Project> findAssignedTo(String expertId, String fromProjectId, int limit) {
        return projects.findAssignedTo(expertId, fromProjectId, limit);
      }

      @Override
      public Flux<Project> findWithMilestonesAwaitingReport() {
        return projects.findWithMilestonesAwaitingReport().filter(p -> Set.of(projectId).contains(p.id()));
      }

      @Override
      public Mono<Boolean> create(Project project, List<ProjectEvent> events, String eventId) {
        return projects.create(project, events, eventId);
      }

      @Override
      public Mono<Boolean> save(Project project, List<ProjectEvent> events, String eventId) {
        return projects.save(project, events, eventId);
      }
    };
  }

  static Map<String, Object> dueDate(String projectId) {
    return Map.of("kind", "MILESTONE_DUE_DATE", "milestoneId", projectId + "-m1", "newDueDate", "2027-03-31",
        "justification", "关键设备到货延迟两个月");
  }

  String newProject() {
    String projectId = ServiceFixture.newId("prj");
    kafka.send("intake.proposal-events", projectId, MilestoneReviewIT.AWARDED, UUID.randomUUID().toString(),
        challengeAward(projectId, ORG));
    await().atMost(Duration.ofSeconds(30)).until(() -> http.get().uri("/projects/" + projectId)
        .headers(h -> h.setBearerAuth(applicant(ORG))).exchange().returnResult(String.class).getStatus().value() == 200);
    return projectId;
  }

  JsonNode call(HttpMethod method, String path, String token, Object body, int status) {
    WebTestClient.RequestBodySpec spec = http.method(method).uri(path).headers(h -> h.setBearerAuth(token));
    WebTestClient.ResponseSpec response = body == null ? spec.exchange()
        : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    byte[] bytes = response.expectStatus().isEqualTo(status).expectBody().returnResult().getResponseBody();
    return bytes == null || bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
  }
}
