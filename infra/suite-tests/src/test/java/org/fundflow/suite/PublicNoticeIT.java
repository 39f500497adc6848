package org.fundflow.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.fundflow.platform.test.ServiceProcess;
import org.fundflow.platform.test.SharedInfrastructure;
import org.fundflow.platform.test.TestJwts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 17 point 2, the public notice of awards (立项公示), across the running services: a second replica of
 * project-intake with a notice of a few seconds (the suite's own replica makes awards final at once, as the other
 * scenarios need) awards two GENERAL proposals. Both are listed publicly without a token and no project starts;
 * an objection to one is upheld, its amount goes back to the program's budget to the fen and it never becomes a
 * project; the other becomes final when its notice ends, and only then does milestone-review open its project and
 * post-subsidy create its advance.
 */
class PublicNoticeIT {

  static final String NOTICE_ORG = "5231011587WL1EFJ6B";    // 津南区某新材料企业 (立项生效)
  static final String OBJECTED_ORG = "921101084KTNFX93X8";  // 某科技公司 (异议成立，立项撤销)
  static final String EXPERT_TOKEN = TestJwts.token("expert-objector-qian", List.of("EXPERT"), "52120116RB64230A2N");

  static ServiceProcess noticeReplica;
  static LifecycleIT lifecycle;

  @BeforeAll
  static void start() {
    LifecycleIT.suite = RunningSuite.get();
    lifecycle = new LifecycleIT();
    SharedInfrastructure infrastructure = SharedInfrastructure.get();
    noticeReplica = ServiceProcess.of("project-intake", infrastructure.kafkaBootstrapServers(),
        infrastructure.mongoUri(""), ServiceProcess.DEVSTACK_JVM_OPTIONS,
        Map.of("MALLOC_ARENA_MAX", "2", "FUNDFLOW_INTAKE_AWARD_NOTICE_PERIOD", "PT15S",
            "FUNDFLOW_INTAKE_AWARD_NOTICE_SWEEP_EVERY", "PT0.5S"),
        Path.of("target", "suite-logs", "notice-replica"));
    ServiceProcess.startAll(List.of(noticeReplica), Duration.ofSeconds(240));
  }

  @AfterAll
  static void stop() {
    if (noticeReplica != null) {
      ServiceProcess.stopAll(List.of(noticeReplica));
    }
  }

  @Test
  void anAwardStartsItsProjectOnlyAfterItsPublicNotice_andAnUpheldObjectionReturnsItsAmountToTheBudget() {
    Map<String, Object> programBody = LifecycleIT.programBody("GENERAL", "2026年度津南区科技计划一般项目（公示）",
        1_000_000_000L, 150_000_000L);
    programBody.put("fundingSplit", Map.of("advancePercent", 60, "balancePercent", 40));
    String program = lifecycle.openProgram(programBody);
    String kept = lifecycle.draft(NOTICE_ORG, LifecycleIT.proposalBody(program, NOTICE_ORG, 90_000_000L,
        "高导热氮化铝陶瓷基板低温烧结技术", "研究低温共烧工艺，提高基板热导率并降低能耗。",
        List.of("氮化铝", "陶瓷基板"), LifecycleIT.PEOPLE.get(0), "钱伟", LifecycleIT.PEOPLE.get(1), "孙敏", NOTICE_ORG));
    String objected = lifecycle.draft(OBJECTED_ORG, LifecycleIT.proposalBody(program, OBJECTED_ORG, 60_000_000L,
        "冷链仓储智能温控系统", "开发基于相变蓄冷的冷库智能温控系统。", List.of("冷链", "温控"),
        LifecycleIT.PEOPLE.get(2), "吴强", LifecycleIT.PEOPLE.get(3), "郑洁", OBJECTED_ORG));
    JsonNode keptAward = awardUnderNotice(NOTICE_ORG, kept, 88_888_888L);
    awardUnderNotice(OBJECTED_ORG, objected, 55_555_555L);
    assertThat(awardedFen(program)).isEqualTo(88_888_888L + 55_555_555L);

    // public, without any token: both listed, nothing personal
    String publicList = get(noticeReplica.url() + "/public/award-notices?limit=100", null).body();
    assertThat(publicList).contains(kept, objected, "高导热氮化铝陶瓷基板低温烧结技术", "88888888")
        .doesNotContain("钱伟", "孙敏", LifecycleIT.PEOPLE.get(0), "maskedId");
    // no project while the notice runs
    String keptProject = "prj-" + kept.substring(4);
    assertThat(lifecycle.call("GET", LifecycleIT.MILESTONE, "/projects/" + keptProject, LifecycleIT.PM, null)
        .status()).isEqualTo(404);

    // an expert objects to the second award; the program manager upholds it
    JsonNode lodged = LifecycleIT.expect(lifecycle.call("POST", LifecycleIT.INTAKE, "/proposals/" + objected
        + "/objections", EXPERT_TOKEN, Map.of("reasons", "该单位已于2025年以相同内容获市级资助，属重复申报。")), 201);
    String objectionId = lodged.at("/objection/objectionId").asString();
    JsonNode withdrawn = LifecycleIT.expect(lifecycle.call("POST", LifecycleIT.INTAKE, "/proposals/" + objected
        + "/objections/" + objectionId + "/decision", LifecycleIT.PM,
        Map.of("outcome", "UPHOLD", "reason", "经核实属重复申报，撤销立项。")), 200);
    assertThat(withdrawn.get("status").asString()).isEqualTo("AWARD_WITHDRAWN");
    assertThat(awardedFen(program)).as("the withdrawn award is back in the budget, to the fen").isEqualTo(88_888_888L);

    // the other award becomes final at the end of its notice: only then the project and its advance
    Instant endsAt = Instant.parse(keptAward.at("/notice/endsAt").asString());
    await().atMost(LifecycleIT.ASYNC).pollInterval(Duration.ofMillis(300)).until(() ->
        lifecycle.call("GET", LifecycleIT.MILESTONE, "/projects/" + keptProject, LifecycleIT.applicant(NOTICE_ORG),
            null).status() == 200);
    assertThat(Instant.now()).isAfter(endsAt);
    JsonNode project = LifecycleIT.expect(lifecycle.call("GET", LifecycleIT.MILESTONE, "/projects/" + keptProject,
        LifecycleIT.applicant(NOTICE_ORG), null), 200);
    assertThat(project.get("status").asString()).isEqualTo("ACTIVE");
    JsonNode advance = lifecycle.awaitDisbursements(keptProject, 1).get(0);
    assertThat(advance.at("/trigger/kind").asString()).isEqualTo("ADVANCE");
    assertThat(advance.get("amountFen").asLong()).isEqualTo(53_333_333L); // HALF_UP(88,888,888 x 60 %)
    JsonNode finalAward = LifecycleIT.expect(lifecycle.call("GET", LifecycleIT.INTAKE, "/proposals/" + kept,
        LifecycleIT.PM, null), 200);
    assertThat(finalAward.get("status").asString()).isEqualTo("AWARDED");

    // the withdrawn award never starts a project, and its amount was returned once
    String objectedProject = "prj-" + objected.substring(4);
    await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(20)).until(() ->
        lifecycle.call("GET", LifecycleIT.MILESTONE, "/projects/" + objectedProject, LifecycleIT.PM, null)
            .status() == 404 && awardedFen(program) == 88_888_888L);
    assertThat(LifecycleIT.expect(lifecycle.call("GET", LifecycleIT.SUBSIDY, "/disbursements?projectId="
        + objectedProject, LifecycleIT.OFFICER, null), 200).get("items")).isEmpty();
    System.out.printf("[lifecycle] public notice: %s final after its notice (advance %s), %s withdrawn (%s back)%n",
        kept, LifecycleIT.yuan(advance.get("amountFen").asLong()), objected, LifecycleIT.yuan(55_555_555L));
  }

  /** Submit, screen and review on the suite's replica; the award on the replica with the notice. */
  JsonNode awardUnderNotice(String org, String proposalId, long amountFen) {
    lifecycle.submit(org, proposalId);
    String path = "/proposals/" + proposalId;
    LifecycleIT.expect(lifecycle.call("POST", LifecycleIT.INTAKE, path + "/screen", LifecycleIT.PM, null), 200);
    LifecycleIT.expect(lifecycle.call("POST", LifecycleIT.INTAKE, path + "/review", LifecycleIT.PM, null), 200);
    LifecycleIT.Response awarded = post(noticeReplica.url() + path + "/award", LifecycleIT.PM,
        "{\"amountFen\":" + amountFen + "}");
    JsonNode body = LifecycleIT.expect(awarded, 200);
    assertThat(body.get("status").asString()).isEqualTo("UNDER_NOTICE");
    assertThat(body.path("projectId").isNull() || body.path("projectId").isMissingNode()).as("no project yet").isTrue();
    return body;
  }

  long awardedFen(String program) {
    return LifecycleIT.expect(lifecycle.call("GET", LifecycleIT.INTAKE, "/programs/" + program, LifecycleIT.PM, null),
        200).get("awardedFen").asLong();
  }

  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  LifecycleIT.Response get(String url, String token) {
    return send(HttpRequest.newBuilder(URI.create(url)).GET(), token);
  }

  LifecycleIT.Response post(String url, String token, String json) {
    return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)), token);
  }

  LifecycleIT.Response send(HttpRequest.Builder request, String token) {
    request.timeout(Duration.ofSeconds(30)).header("Accept", "application/json, application/problem+json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new LifecycleIT.Response(r.statusCode(), r.body(), r.headers().map());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
