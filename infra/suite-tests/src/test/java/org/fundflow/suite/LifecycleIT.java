package org.fundflow.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.fundflow.platform.test.TestJwts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The funding lifecycle across the four running services (separate JVMs, real broker and store), driven only
 * through their HTTP APIs as the people of the brief would: program managers, applicants, experts, finance
 * officers and approvers, integrity officers. Asynchronous effects (one service learning from another's events)
 * are awaited, never slept for. Every scenario uses its own programs, organisations and experts.
 */
class LifecycleIT {

  static final Duration ASYNC = Duration.ofSeconds(60);
  static final JsonMapper JSON = JsonMapper.builder().build();

  static final String INTAKE = "project-intake";
  static final String MILESTONE = "milestone-review";
  static final String SUBSIDY = "post-subsidy";
  static final String INTEGRITY = "integrity-check";

  // valid unified social credit codes (shared/testdata/org-codes.csv), one set per scenario
  static final String CHALLENGE_POSTER = "91120000225WJEN76U";  // 天津某汽车零部件企业 (出题企业)
  static final String CHALLENGE_ORG = "12120116800HQW767H";     // 天津某材料研究院 (揭榜单位)
  static final String CHALLENGE_TEAM_ORG = "11120116LYXDCQ8D2P"; // 合作高校
  static final String GENERAL_ORG = "91120112DA1KCGYFXP";       // 津南区某科技有限公司
  static final String CLAIM_ORG = "91120112MNH91HTMX6";         // 津南区某制造企业
  static final String DUPLICATE_ORG = "12120112EXH9BL324R";     // 某研究所
  static final String LISTED_ORG = "9112000089F2XW550E";        // 严重失信名单上的企业
  static final String TERMINATED_ORG = "11120112DAJ3PW352L";    // 某高校
  static final String LATE_LISTED_ORG = "92120112KFG4JEM72A";   // 付款准备后才被列入失信名单的企业
  static final List<String> EXPERT_ORGS = List.of("12310115AMBRCN372R", "123101151HQW8XPY70", "1231011578KYG8A51P",
      "52310115BGC5HA2597", "12310115AMBRCN372R");

  // valid national IDs (shared/testdata/national-ids.csv): applicants' people and experts never overlap
  static final List<String> PEOPLE = List.of("11010819841203824X", "120101196310216525", "12010119720627771X",
      "110108197203044876", "11010819720423791X");
  static final List<String> EXPERT_IDS = List.of("370202199503084946", "110108196412165143", "120101199804221387",
      "12010119741019863X", "130102196710238094");
  static final List<String> EXPERT_NAMES = List.of("周建国", "Dr. Helen Zhao", "孙立新", "郑雅琴", "Prof. Martin Li");

  static final String PM = TestJwts.token("pm-liu-yang", List.of("PROGRAM_MANAGER"), null);
  static final String OFFICER = TestJwts.token("fin-officer-wang-fang", List.of("FINANCE_OFFICER"), null);
  static final String APPROVER = TestJwts.token("fin-approver-zhou-min", List.of("FINANCE_APPROVER"), null);
  static final String INTEGRITY_OFFICER = TestJwts.token("integrity-officer-sun-li", List.of("INTEGRITY_OFFICER"), null);
  static final String AUDITOR = TestJwts.token("auditor-qian-hua", List.of("AUDITOR"), null);

  static RunningSuite suite;
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void startSuite() {
    suite = RunningSuite.get();
  }

  // ================================================================== (a) CHALLENGE

  @Test
  void aChallengeProjectIsAwardedReviewedMilestoneByMilestoneAndPaidInTranchesAddingUpToTheAward() {
    String program = openProgram(programBody("CHALLENGE", "2026年度津南区揭榜挂帅重大科技专项", 5_000_000_000L, 300_000_000L));
    JsonNode challenge = expect(call("POST", INTAKE, "/programs/" + program + "/challenges", PM, Map.of(
        "postingOrganisationCode", CHALLENGE_POSTER, "postingOrganisationName", "天津津南汽车零部件股份有限公司",
        "title", "新能源汽车驱动电机用高矫顽力无重稀土永磁材料",
        "problem", "驱动电机在180℃工况下退磁严重，现有钕铁硼磁体依赖镝、铽等重稀土，成本高且供应受限。",
        "targetIndicators", List.of("内禀矫顽力 ≥ 20 kOe（20℃）", "重稀土含量 ≤ 0.5 wt%", "180℃ 不可逆损失 ≤ 5%"),
        "maxFundingFen", 300_000_000L, "deadlineDate", "2027-12-31")), 201);
    String org = CHALLENGE_ORG;
    Map<String, Object> body = proposalBody(program, org, 300_000_000L,
        "晶界扩散无重稀土高矫顽力钕铁硼磁体制备技术",
        "针对驱动电机高温退磁问题，研究晶界扩散与细晶化协同的无重稀土钕铁硼制备工艺，建立中试线并完成电机台架验证。",
        List.of("钕铁硼", "晶界扩散", "驱动电机"), PEOPLE.get(0), "王海燕", PEOPLE.get(1), "刘静", CHALLENGE_TEAM_ORG);
    body.put("challengeId", challenge.get("id").asString());
    body.put("milestones", List.of(
        milestone(1, "小批量样品制备", "小批量制备工艺规程", "2027-06-30", 30),
        milestone(2, "中试线建设", "中试线验收报告", "2027-12-31", 30),
        milestone(3, "电机台架验证", "第三方台架测试报告", "2028-12-31", 40)));
    String proposalId = draft(org, body);

    JsonNode project = awardThroughIntake(org, proposalId, 280_000_000L);
    String projectId = project.get("projectId").asString();
    assertThat(project.get("milestones")).hasSize(3);
    assertThat(project.get("milestones").findValuesAsString("tranchePercent")).containsExactly("30", "30", "40");

    int[][] panels = {{88, 85, 90}, {88, 93, 79, 91, 84}, {86, 82, 90}};
    List<JsonNode> released = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      JsonNode decided = reportAndReview(projectId, org, "challenge-m" + (i + 1), panels[i]);
      assertThat(decided.at("/decision/outcome").asString()).isEqualTo("PASSED");
      if (panels[i].length == 5) {
        assertThat(decided.at("/decision/meanScore").decimalValue()).isEqualByComparingTo("87.67");
        assertThat(decided.at("/decision/totalsDropped").toString()).isEqualTo("[93,79]");
      }
      int accepted = i + 1;
      JsonNode tranche = awaitDisbursements(projectId, accepted).get(i);
      released.add(prepareAndRelease(tranche.get("id").asString(), "津南财拨-" + projectId + "-" + accepted));
    }

    assertThat(call("GET", MILESTONE, "/projects/" + projectId, PM, null).json().get("status").asString())
        .isEqualTo("COMPLETED");
    assertThat(released).extracting(d -> d.get("amountFen").asLong())
        .containsExactly(84_000_000L, 84_000_000L, 112_000_000L);
    JsonNode all = expect(call("GET", SUBSIDY, "/disbursements?projectId=" + projectId + "&status=RELEASED",
        AUDITOR, null), 200);
    assertThat(all.get("count").asLong()).isEqualTo(3);
    assertThat(all.get("totalFen").asLong()).isEqualTo(280_000_000L);
    assertThat(expect(call("GET", SUBSIDY, "/programs/" + program + "/budget", AUDITOR, null), 200)
        .get("paidFen").asLong()).isEqualTo(280_000_000L);
    System.out.printf("[lifecycle] challenge: awarded %s, tranches %s released%n", yuan(280_000_000L),
        String.join("+", released.stream().map(d -> yuan(d.get("amountFen").asLong())).toList()));
  }

  // ================================================================== (b) GENERAL

  @Test
  void aGeneralProjectIsPaidAnAdvanceOnAwardAndTheBalanceOnFinalAcceptance() {
    Map<String, Object> programBody = programBody("GENERAL", "2026年度津南区科技计划一般项目", 2_000_000_000L, 150_000_000L);
    programBody.put("fundingSplit", Map.of("advancePercent", 60, "balancePercent", 40));
    String program = openProgram(programBody);
    String org = GENERAL_ORG;
    String proposalId = draft(org, proposalBody(program, org, 130_000_000L,
        "可降解医用镁合金表面微弧氧化涂层技术开发",
        "开发可控降解速率的镁合金骨科植入物表面涂层，完成动物实验和小批量试制。",
        List.of("镁合金", "微弧氧化", "医疗器械"), PEOPLE.get(2), "赵丽华", PEOPLE.get(3), "陈志强", org));

    long awarded = 123_456_789L;
    JsonNode project = awardThroughIntake(org, proposalId, awarded);
    String projectId = project.get("projectId").asString();
    assertThat(project.get("milestones")).hasSize(1);

    JsonNode advance = awaitDisbursements(projectId, 1).get(0);
    assertThat(advance.at("/trigger/kind").asString()).isEqualTo("ADVANCE");
    assertThat(advance.get("amountFen").asLong()).isEqualTo(74_074_073L); // HALF_UP(123,456,789 x 60 %)
    JsonNode advanceReleased = prepareAndRelease(advance.get("id").asString(), "津南财拨-ADV-" + projectId);

    JsonNode decided = reportAndReview(projectId, org, "general-final", 92, 87, 85);
    assertThat(decided.at("/decision/outcome").asString()).isEqualTo("PASSED");
    JsonNode balance = awaitDisbursements(projectId, 2).stream()
        .filter(d -> d.at("/trigger/kind").asString().equals("BALANCE")).findFirst().orElseThrow();
    assertThat(balance.get("amountFen").asLong()).isEqualTo(49_382_716L);
    JsonNode balanceReleased = prepareAndRelease(balance.get("id").asString(), "津南财拨-BAL-" + projectId);

    assertThat(advanceReleased.get("amountFen").asLong() + balanceReleased.get("amountFen").asLong()).isEqualTo(awarded);
    JsonNode all = expect(call("GET", SUBSIDY, "/disbursements?projectId=" + projectId + "&status=RELEASED",
        AUDITOR, null), 200);
    assertThat(all.get("totalFen").asLong()).isEqualTo(awarded);
    assertThat(call("GET", MILESTONE, "/projects/" + projectId, PM, null).json().get("status").asString())
        .isEqualTo("COMPLETED");
    System.out.printf("[lifecycle] general: awarded %s, advance %s + balance %s released%n", yuan(awarded),
        yuan(advanceReleased.get("amountFen").asLong()), yuan(balanceReleased.get("amountFen").asLong()));
  }

  // ================================================================== (c) POST_SUBSIDY

  @Test
  void aPostSubsidyClaimIsVerifiedByTheRuleAndPaid() {
    String program = openPostSubsidyProgram("2026年度津南区企业研发投入后补助");
    String org = CLAIM_ORG;
    String claimId = submitClaim(org, program, 1_865_000_000L, 1_542_000_000L, "津审研字(2026)第0315号");

    JsonNode verified = expect(call("POST", SUBSIDY, "/claims/" + claimId + "/verification", OFFICER,
        Map.of("outcome", "VERIFIED")), 200);
    assertThat(verified.get("status").asString()).isEqualTo("VERIFIED");
    assertThat(verified.get("subsidyFen").asLong()).isEqualTo(96_900_000L); // 30 % of the increase 3,230,000.00
    assertThat(verified.get("explanation").asString())
        .startsWith("increase 3,230,000.00 x 30% = 969,000.00; cap 1,000,000.00 not reached");

    JsonNode disbursement = awaitDisbursement("ps-" + claimId, d -> true);
    assertThat(disbursement.at("/trigger/kind").asString()).isEqualTo("POST_SUBSIDY");
    assertThat(disbursement.get("amountFen").asLong()).isEqualTo(96_900_000L);
    JsonNode released = prepareAndRelease("ps-" + claimId, "津南财拨-PS-" + org);
    assertThat(released.get("amountFen").asLong()).isEqualTo(96_900_000L);
    System.out.printf("[lifecycle] post-subsidy: claim %s verified %s (%s), released %s%n", claimId,
        yuan(verified.get("subsidyFen").asLong()), verified.get("explanation").asString(),
        yuan(released.get("amountFen").asLong()));
    JsonNode budget = expect(call("GET", SUBSIDY, "/programs/" + program + "/budget", AUDITOR, null), 200);
    assertThat(budget.get("paidFen").asLong()).isEqualTo(96_900_000L);
    assertThat(budget.get("reservedForReleaseFen").asLong()).isZero();
    assertThat(budget.get("remainingToPayFen").asLong()).isEqualTo(2_000_000_000L - 96_900_000L);

    // issue 12 point 9: a POST_SUBSIDY program opened in intake without a cap pays the whole subsidy in post-subsidy
    String uncapped = openPostSubsidyProgram("2026年度津南区企业研发投入后补助（不设单户上限）", null);
    String bigClaim = submitClaim(org, uncapped, 3_865_000_000L, 1_542_000_000L, "津审研字(2026)第0316号");
    JsonNode bigVerified = expect(call("POST", SUBSIDY, "/claims/" + bigClaim + "/verification", OFFICER,
        Map.of("outcome", "VERIFIED")), 200);
    assertThat(bigVerified.get("subsidyFen").asLong()).isEqualTo(696_900_000L); // 30 % of 23,230,000.00, over any 1 M cap
    assertThat(bigVerified.get("explanation").asString()).isEqualTo("increase 23,230,000.00 x 30% = 6,969,000.00; "
        + "no cap per organisation and year; budget remaining 20,000,000.00");
    assertThat(awaitDisbursement("ps-" + bigClaim, d -> true).get("amountFen").asLong()).isEqualTo(696_900_000L);
  }

  // ================================================================== (d) duplicate application

  @Test
  void aNearIdenticalProposalOfTheSameOrganisationInTwoProgramsIsFlaggedAsADuplicateApplication() throws IOException {
    JsonNode pair;
    try (InputStream in = getClass().getResourceAsStream("/testdata/similar-proposals.json")) {
      pair = JSON.readTree(in).get("pairs").get(2); // Chinese, punctuation and spacing changed, two characters replaced
    }
    assertThat(pair.get("expect").asString()).isEqualTo("match");
    String org = DUPLICATE_ORG;
    Map<String, Object> first = programBody("GENERAL", "2026年度津南区科技计划一般项目（第二批）", 1_000_000_000L, 50_000_000L);
    first.put("fundingSplit", Map.of("advancePercent", 60, "balancePercent", 40));
    Map<String, Object> second = programBody("GENERAL", "2026年度天津市重点研发计划（冷链物流专题）", 1_000_000_000L, 50_000_000L);
    second.put("fundingSplit", Map.of("advancePercent", 50, "balancePercent", 50));
    String programA = openProgram(first);
    String programB = openProgram(second);

    String a = draft(org, proposalBody(programA, org, 40_000_000L, pair.at("/a/title").asString(),
        pair.at("/a/abstract").asString(), List.of("冷链", "相变材料"), PEOPLE.get(4), "何晓东", PEOPLE.get(0), "杨帆", org));
    String b = draft(org, proposalBody(programB, org, 45_000_000L, pair.at("/b/title").asString(),
        pair.at("/b/abstract").asString(), List.of("冷链物流", "蓄冷"), PEOPLE.get(4), "何晓东", PEOPLE.get(0), "杨帆", org));
    submit(org, a);
    submit(org, b);

    AtomicReference<JsonNode> flag = new AtomicReference<>();
    await().atMost(ASYNC).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
      JsonNode record = expect(call("GET", INTEGRITY, "/integrity-records/organisations/" + org, AUDITOR, null), 200);
      JsonNode found = null;
      for (JsonNode f : record.get("flags")) {
        if (f.at("/rule/name").asString().equals("duplicate-application")) {
          found = f;
        }
      }
      assertThat(found).as("duplicate-application flag in %s", record).isNotNull();
      flag.set(found);
    });
    JsonNode f = flag.get();
    assertThat(f.get("severity").asString()).isEqualTo("HIGH");
    assertThat(f.toString()).contains(a, b, programA, programB);
    String similarity = f.at("/evidence/0/values/similarity").asString();
    System.out.printf("[lifecycle] duplicate: %s submitted \"%s\" to %s and %s; flagged duplicate-application (%s, similarity %s)%n",
        org, pair.at("/a/title").asString(), programA, programB, f.get("severity").asString(), similarity);
  }

  // ================================================================== (e) dishonesty list + hold

  @Test
  void aListedOrganisationAboutToBePaidIsHeldAtOnceItsPaymentWaitsOnHoldAndIsReleasedAfterTheHoldIsLifted() {
    String org = LISTED_ORG;
    String csv = "partyType,partyId,partyName,misconduct,sanction,authority,legalBasis,effectiveDate,endDate\n"
        + "ORGANISATION," + org + ",天津某生物医药科技有限公司,伪造研发费用专项审计报告骗取后补助,"
        + "\"三年内取消申报资格，追回已拨资金\",天津市科学技术局,《科学技术活动违规行为处理规定》第十三条,2025-03-01,2029-12-31\n";
    JsonNode imported = expect(call("POST", INTEGRITY, "/dishonesty-list/imports", INTEGRITY_OFFICER, csv, "text/csv",
        Map.of()), 200);
    assertThat(imported.get("rejected")).isEmpty();
    assertThat(imported.get("imported").asInt() + imported.get("unchanged").asInt()).isEqualTo(1);

    String program = openPostSubsidyProgram("2026年度津南区企业研发投入后补助（第二批）");
    String claimId = submitClaim(org, program, 980_000_000L, 860_000_000L, "津审研字(2026)第0422号");
    JsonNode verified = expect(call("POST", SUBSIDY, "/claims/" + claimId + "/verification", OFFICER,
        Map.of("outcome", "VERIFIED")), 200);
    assertThat(verified.get("subsidyFen").asLong()).isEqualTo(36_000_000L); // 30 % of 1,200,000.00
    Instant verifiedAt = Instant.now();

    // the payee is on the list: integrity-check holds it at once, post-subsidy puts the payment ON_HOLD
    String id = "ps-" + claimId;
    JsonNode held = awaitDisbursement(id, d -> d.get("status").asString().equals("ON_HOLD"));
    long holdMillis = Duration.between(verifiedAt, Instant.now()).toMillis();
    String holdId = held.get("holdId").asString();
    assertThat(holdId).isNotBlank();
    JsonNode record = expect(call("GET", INTEGRITY, "/integrity-records/organisations/" + org, AUDITOR, null), 200);
    assertThat(record.get("onHold").asBoolean()).isTrue();
    assertThat(record.get("flags").findValuesAsString("severity")).contains("CRITICAL");
    assertThat(record.at("/listEntries/0/misconduct").asString()).isEqualTo("伪造研发费用专项审计报告骗取后补助");

    // nobody can pay it while it is held
    Response refused = call("POST", SUBSIDY, "/disbursements/" + id + "/release", APPROVER,
        Map.of("paymentReference", "津南财拨-PS-HELD"), "application/json",
        Map.of("If-Match", "\"" + held.get("version").asLong() + "\"", "Idempotency-Key", "rel-held-" + id));
    assertThat(refused.status()).as(refused.body()).isEqualTo(409);
    assertThat(refused.json().get("type").asString()).endsWith("/organisation-on-hold");

    // intake honours the same hold: the listed organisation cannot submit a new proposal while it is held
    Map<String, Object> generalBody = programBody("GENERAL", "2026年度津南区科技计划一般项目（生物医药）", 1_000_000_000L, 50_000_000L);
    generalBody.put("fundingSplit", Map.of("advancePercent", 60, "balancePercent", 40));
    String general = openProgram(generalBody);
    AtomicReference<JsonNode> refusal = new AtomicReference<>();
    List<String> gotThrough = new ArrayList<>();
    await().atMost(ASYNC).pollInterval(Duration.ofMillis(300)).until(() -> {
      String proposal = draft(org, proposalBody(general, org, 20_000_000L, "新型双特异性抗体药物临床前研究",
          "研发针对实体瘤的新型双特异性抗体药物，完成临床前药效学与安全性评价。", List.of("抗体药物", "肿瘤"),
          PEOPLE.get(3), "钱文博", PEOPLE.get(4), "孙悦", org));
      Response r = call("POST", INTAKE, "/proposals/" + proposal + "/submit", applicant(org),
          Map.of("pledge", Map.of("accepted", true, "textVersion", "JN-KJ-CN-2026-01")), "application/json",
          Map.of("Idempotency-Key", "submit-" + proposal));
      if (r.status() == 200) {
        gotThrough.add(proposal);
        return false;
      }
      refusal.set(r.json());
      return true;
    });
    assertThat(refusal.get().get("type").asString()).endsWith("/integrity-hold");
    assertThat(refusal.get().get("holdId").asString()).isEqualTo(holdId);
    // the sanction ends 2029-12-31 inclusive (Asia/Shanghai): the hold ends at the start of 2030-01-01 there
    assertThat(refusal.get().get("holdEndsAt").asString()).isEqualTo("2029-12-31T16:00:00Z");
    // (gotThrough: submissions intake accepted after post-subsidy had already applied the hold; each consumes
    // integrity.events on its own, so a few hundred ms apart is allowed and reported, not failed)

    // the integrity officer lifts the hold (e.g. after the sanction was revoked on appeal); the payment resumes
    JsonNode lifted = expect(call("POST", INTEGRITY, "/holds/" + holdId + "/lift", INTEGRITY_OFFICER,
        Map.of("reason", "行政复议撤销失信认定，解除限制")), 200);
    assertThat(lifted.get("status").asString()).isEqualTo("LIFTED");
    awaitDisbursement(id, d -> d.get("status").asString().equals("CREATED"));
    JsonNode afterLift = expect(call("GET", INTEGRITY, "/integrity-records/organisations/" + org, AUDITOR, null), 200);
    assertThat(afterLift.get("onHold").asBoolean()).isFalse();
    assertThat(afterLift.at("/holds/0/status").asString()).isEqualTo("LIFTED");
    assertThat(afterLift.at("/holds/0/liftedBy").asString()).isEqualTo("integrity-officer-sun-li");
    JsonNode released = prepareAndRelease(id, "津南财拨-PS-" + org);
    assertThat(released.get("amountFen").asLong()).isEqualTo(36_000_000L);
    assertThat(released.get("history").findValuesAsString("to")).containsSubsequence("ON_HOLD", "CREATED", "PREPARED", "RELEASED");
    System.out.printf("[lifecycle] dishonesty list: %s held %d ms after verification, payment %s ON_HOLD, new submission refused after %d accepted (%s), hold %s lifted, %s released by %s%n",
        org, holdMillis, id, gotThrough.size(), refusal.get().get("detail").asString(), holdId, yuan(released.get("amountFen").asLong()), released.get("releasedBy").asString());
  }

  // ================================================================== (e2) late listing (issue 12 points 1-3)

  /**
   * A payment prepared before its organisation was listed: the list import itself holds the organisation (no
   * application, review or payment needed), post-subsidy puts the prepared payment ON_HOLD, the approver's release
   * is refused (with the version it read before the hold, and with the current one); lifting the hold lets the
   * payment resume where it was and be released. A payment released before the listing stays as it was.
   */
  @Test
  void anOrganisationListedAfterItsPaymentWasPreparedIsHeldByTheImportItselfAndItsPaymentWaitsUntilTheHoldIsLifted() {
    String org = LATE_LISTED_ORG;
    // an earlier payment, released before the listing
    String earlierProgram = openPostSubsidyProgram("2026年度津南区企业研发投入后补助（第三批）");
    String earlierClaim = submitClaim(org, earlierProgram, 700_000_000L, 600_000_000L, "津审研字(2026)第0501号");
    expect(call("POST", SUBSIDY, "/claims/" + earlierClaim + "/verification", OFFICER, Map.of("outcome", "VERIFIED")), 200);
    awaitDisbursement("ps-" + earlierClaim, d -> true);
    JsonNode earlier = prepareAndRelease("ps-" + earlierClaim, "津南财拨-PS-EARLY-" + org);

    // the payment of this case, prepared while the organisation is not listed
    String program = openPostSubsidyProgram("2026年度津南区企业研发投入后补助（第四批）");
    String claimId = submitClaim(org, program, 980_000_000L, 860_000_000L, "津审研字(2026)第0577号");
    expect(call("POST", SUBSIDY, "/claims/" + claimId + "/verification", OFFICER, Map.of("outcome", "VERIFIED")), 200);
    String id = "ps-" + claimId;
    awaitDisbursement(id, d -> true);
    Response prepared = call("POST", SUBSIDY, "/disbursements/" + id + "/preparation", OFFICER, payee());
    assertThat(expect(prepared, 200).get("status").asString()).isEqualTo("PREPARED");
    String versionBeforeHold = prepared.etag();
    assertThat(expect(call("GET", INTEGRITY, "/integrity-records/organisations/" + org, AUDITOR, null), 200)
        .get("onHold").asBoolean()).isFalse();

    // the list import names it: integrity-check holds it at once
    String csv = "partyType,partyId,partyName,misconduct,sanction,authority,legalBasis,effectiveDate,endDate\n"
        + "ORGANISATION," + org + ",天津某新能源科技有限公司,虚报研发投入骗取后补助,\"三年内取消申报资格，追回已拨资金\","
        + "天津市科学技术局,《科学技术活动违规行为处理规定》第十三条,2026-01-01,2030-06-30\n";
    Instant importedAt = Instant.now();
    JsonNode imported = expect(call("POST", INTEGRITY, "/dishonesty-list/imports", INTEGRITY_OFFICER, csv, "text/csv",
        Map.of()), 200);
    assertThat(imported.get("imported").asInt()).isEqualTo(1);
    AtomicReference<JsonNode> record = new AtomicReference<>();
    await().atMost(ASYNC).pollInterval(Duration.ofMillis(200)).until(() -> {
      record.set(expect(call("GET", INTEGRITY, "/integrity-records/organisations/" + org, AUDITOR, null), 200));
      return record.get().get("onHold").asBoolean();
    });
    JsonNode listFlag = null;
    for (JsonNode f : record.get().get("flags")) {
      if (f.at("/rule/name").asString().equals("dishonesty-list")) {
        listFlag = f;
      }
    }
    assertThat(listFlag).as("dishonesty-list flag in %s", record.get()).isNotNull();
    assertThat(listFlag.get("severity").asString()).isEqualTo("CRITICAL");
    String holdId = record.get().at("/holds/0/holdId").asString();

    // post-subsidy: the prepared payment waits ON_HOLD, and the approver cannot release it
    JsonNode held = awaitDisbursement(id, d -> d.get("status").asString().equals("ON_HOLD"));
    long heldMillis = Duration.between(importedAt, Instant.now()).toMillis();
    assertThat(held.get("holdId").asString()).isEqualTo(holdId);
    for (String version : List.of(versionBeforeHold, "\"" + held.get("version").asLong() + "\"")) {
      Response refused = call("POST", SUBSIDY, "/disbursements/" + id + "/release", APPROVER,
          Map.of("paymentReference", "津南财拨-PS-LATE-" + org), "application/json",
          Map.of("If-Match", version, "Idempotency-Key", "rel-late-" + version.replace("\"", "") + "-" + id));
      assertThat(refused.status()).as(refused.body()).isEqualTo(409);
      assertThat(refused.json().get("type").asString()).endsWith("/organisation-on-hold");
    }
    // importing the same list again holds nothing twice
    assertThat(expect(call("POST", INTEGRITY, "/dishonesty-list/imports", INTEGRITY_OFFICER, csv, "text/csv", Map.of()),
        200).get("unchanged").asInt()).isEqualTo(1);
    assertThat(expect(call("GET", INTEGRITY, "/integrity-records/organisations/" + org, AUDITOR, null), 200)
        .get("holds")).hasSize(1);

    // the officer lifts the hold (the listing revoked on appeal): the payment resumes where it was and is paid
    expect(call("POST", INTEGRITY, "/holds/" + holdId + "/lift", INTEGRITY_OFFICER,
        Map.of("reason", "行政复议撤销失信认定，解除限制")), 200);
    awaitDisbursement(id, d -> d.get("status").asString().equals("PREPARED"));
    Response current = call("GET", SUBSIDY, "/disbursements/" + id, OFFICER, null);
    JsonNode released = expect(call("POST", SUBSIDY, "/disbursements/" + id + "/release", APPROVER,
        Map.of("paymentReference", "津南财拨-PS-LATE-" + org), "application/json",
        Map.of("If-Match", current.etag(), "Idempotency-Key", "rel-late-after-lift-" + id)), 200);
    assertThat(released.get("status").asString()).isEqualTo("RELEASED");
    JsonNode history = expect(call("GET", SUBSIDY, "/disbursements/" + id, AUDITOR, null), 200).get("history");
    assertThat(history.findValuesAsString("to")).containsSubsequence("PREPARED", "ON_HOLD", "PREPARED", "RELEASED");
    assertThat(expect(call("GET", SUBSIDY, "/disbursements/ps-" + earlierClaim, AUDITOR, null), 200)
        .get("status").asString()).isEqualTo("RELEASED");
    System.out.printf("[lifecycle] late listing: %s listed after %s was prepared; held by the import, payment ON_HOLD "
            + "%d ms after the import; release refused twice; hold %s lifted, %s released (earlier payment %s released "
            + "before the listing untouched); flag evidence: %s%n", org, id, heldMillis, holdId,
        yuan(released.get("amountFen").asLong()), yuan(earlier.get("amountFen").asLong()),
        listFlag.at("/evidence/0/description").asString());
  }

  // ================================================================== (f) termination

  @Test
  void aProjectTerminatedByTwoFailedReviewsOfOneMilestoneHasItsOpenTranchesCancelled() {
    String program = openProgram(programBody("CHALLENGE", "2026年度津南区揭榜挂帅专项（智能制造）", 3_000_000_000L, 200_000_000L));
    JsonNode challenge = expect(call("POST", INTAKE, "/programs/" + program + "/challenges", PM, Map.of(
        "postingOrganisationCode", CHALLENGE_POSTER, "postingOrganisationName", "天津津南汽车零部件股份有限公司",
        "title", "Vision-guided seam tracking for robotic welding",
        "problem", "Seam deviation on mixed steel-aluminium body-in-white joints exceeds 0.5 mm on current lines.",
        "targetIndicators", List.of("seam deviation < 0.2 mm at 1.2 m/min", "cycle time -15 %"),
        "maxFundingFen", 200_000_000L, "deadlineDate", "2027-12-31")), 201);
    String org = TERMINATED_ORG;
    Map<String, Object> body = proposalBody(program, org, 150_000_000L,
        "Structured-light seam tracking and adaptive torch control for body-in-white welding",
        "A structured-light sensor and a model-predictive controller for arc welding of mixed steel-aluminium "
            + "joints, validated on a pilot line of the challenge poster.",
        List.of("robotic welding", "machine vision"), PEOPLE.get(1), "Li Wei", PEOPLE.get(2), "Chen Jing", org);
    body.put("challengeId", challenge.get("id").asString());
    body.put("milestones", List.of(
        milestone(1, "Sensor prototype", "prototype test report", "2027-06-30", 30),
        milestone(2, "Controller on the pilot line", "pilot line acceptance report", "2027-12-31", 30),
        milestone(3, "Production validation", "third-party validation report", "2028-12-31", 40)));
    JsonNode project = awardThroughIntake(org, draft(org, body), 150_000_000L);
    String projectId = project.get("projectId").asString();

    assertThat(reportAndReview(projectId, org, "term-m1", 86, 84, 81).at("/decision/outcome").asString())
        .isEqualTo("PASSED");
    JsonNode tranche = awaitDisbursements(projectId, 1).get(0);
    String trancheId = tranche.get("id").asString();
    assertThat(tranche.get("amountFen").asLong()).isEqualTo(45_000_000L);
    expect(call("POST", SUBSIDY, "/disbursements/" + trancheId + "/preparation", OFFICER, payee()), 200);

    assertThat(reportAndReview(projectId, org, "term-m2a", 52, 45, 58).at("/decision/outcome").asString())
        .isEqualTo("FAILED");
    assertThat(call("GET", MILESTONE, "/projects/" + projectId, PM, null).json().get("status").asString())
        .isEqualTo("ACTIVE");
    assertThat(reportAndReview(projectId, org, "term-m2b", 48, 55, 40).at("/decision/outcome").asString())
        .isEqualTo("FAILED");
    assertThat(call("GET", MILESTONE, "/projects/" + projectId, PM, null).json().get("status").asString())
        .isEqualTo("TERMINATED");

    JsonNode cancelled = awaitDisbursement(trancheId, d -> d.get("status").asString().equals("CANCELLED"));
    JsonNode all = expect(call("GET", SUBSIDY, "/disbursements?projectId=" + projectId, AUDITOR, null), 200);
    assertThat(all.get("count").asLong()).isEqualTo(1);
    assertThat(expect(call("GET", SUBSIDY, "/disbursements?projectId=" + projectId + "&status=RELEASED", AUDITOR, null), 200)
        .get("totalFen").asLong()).isZero();
    // 尽职免责 (issue 17): the termination awaits the program manager's diligence assessment, no flag yet
    await().atMost(ASYNC).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> assertThat(
        expect(call("GET", INTEGRITY, "/integrity-records/organisations/" + org, AUDITOR, null), 200)
            .at("/projectFailures/0/status").asString()).isEqualTo("AWAITING_ASSESSMENT"));
    assertThat(expect(call("GET", INTEGRITY, "/integrity-records/organisations/" + org, AUDITOR, null), 200)
        .get("flags").findValuesAsString("name")).doesNotContain("failed-or-terminated-project");
    expect(call("POST", MILESTONE, "/projects/" + projectId + "/diligence-assessments", PM, Map.of("diligent", false,
        "misconduct", false, "explanation", "团队未按任务书组织中试，两次整改均未落实")), 201);
    await().atMost(ASYNC).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> assertThat(
        expect(call("GET", INTEGRITY, "/integrity-records/organisations/" + org, AUDITOR, null), 200)
            .get("flags").findValuesAsString("name")).contains("failed-or-terminated-project"));
    System.out.printf("[lifecycle] terminated: %s milestone 2 FAILED twice, project TERMINATED, tranche %s (%s, was PREPARED) CANCELLED: %s%n",
        projectId, trancheId, yuan(cancelled.get("amountFen").asLong()), cancelled.get("cancelReason").asString());
  }

  // ================================================================== intake

  static Map<String, Object> programBody(String kind, String name, long budgetFen, long capFen) {
    Instant now = Instant.now();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name + " " + UUID.randomUUID().toString().substring(0, 4));
    body.put("kind", kind);
    body.put("budgetFen", budgetFen);
    body.put("perProjectCapFen", capFen);
    body.put("callWindow", Map.of("opensAt", now.minus(1, ChronoUnit.DAYS).toString(),
        "closesAt", now.plus(30, ChronoUnit.DAYS).toString()));
    if (!"POST_SUBSIDY".equals(kind)) {
      // these scenarios award right after screening: expert review (立项评审) off, explicitly
      // (PreAwardReviewIT goes through the review)
      body.put("expertReview", Map.of("required", false));
    }
    return body;
  }

  String openProgram(Map<String, Object> body) {
    String id = expect(call("POST", INTAKE, "/programs", PM, body), 201).get("id").asString();
    assertThat(expect(call("POST", INTAKE, "/programs/" + id + "/open", PM, null), 200).get("status").asString())
        .isEqualTo("OPEN");
    return id;
  }

  /** A POST_SUBSIDY program (30 % of the increase, at most 1,000,000.00, nothing below 500,000.00), known to post-subsidy. */
  String openPostSubsidyProgram(String name) {
    return openPostSubsidyProgram(name, 100_000_000L);
  }

  /** The same with another cap; {@code null}: no cap (the field left out, issue 12 point 9). */
  String openPostSubsidyProgram(String name, Long capFen) {
    Map<String, Object> body = programBody("POST_SUBSIDY", name, 2_000_000_000L, 100_000_000L);
    Map<String, Object> rule = new LinkedHashMap<>();
    rule.put("base", "INCREASE");
    rule.put("tiers", List.of(Map.of("fromFen", 0, "rateBasisPoints", 3000)));
    if (capFen != null) {
      rule.put("capPerOrganisationPerYearFen", capFen);
    }
    rule.put("minimumIncreaseFen", 50_000_000L);
    body.put("postSubsidyRule", rule);
    String program = openProgram(body);
    await().atMost(ASYNC).pollInterval(Duration.ofMillis(200))
        .until(() -> call("GET", SUBSIDY, "/programs/" + program + "/budget", OFFICER, null).status() == 200);
    return program;
  }

  static Map<String, Object> proposalBody(String programId, String org, long requestedFen, String title, String abstractText,
      List<String> keywords, String piId, String piName, String memberId, String memberName, String memberOrg) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("programId", programId);
    body.put("title", title);
    body.put("abstract", abstractText);
    body.put("keywords", keywords);
    body.put("requestedAmountFen", requestedFen);
    body.put("budgetLines", List.of(Map.of("category", "设备费", "amountFen", requestedFen * 4 / 10),
        Map.of("category", "材料费", "amountFen", requestedFen * 3 / 10),
        Map.of("category", "劳务费", "amountFen", requestedFen - requestedFen * 4 / 10 - requestedFen * 3 / 10)));
    body.put("principalInvestigator", Map.of("nationalId", piId, "name", piName, "organisationCode", org));
    body.put("team", List.of(Map.of("nationalId", memberId, "name", memberName, "organisationCode", memberOrg,
        "role", "技术骨干")));
    body.put("attachments", List.of(Map.of("name", "项目申报书.pdf", "mediaType", "application/pdf",
        "sizeBytes", 2_480_133, "sha256", "3e".repeat(32))));
    body.put("projectStartDate", "2027-01-01");
    body.put("projectEndDate", "2028-12-31");
    return body;
  }

  static Map<String, Object> milestone(int sequence, String title, String deliverable, String due, int percent) {
    return Map.of("sequence", sequence, "title", title, "deliverables", List.of(deliverable), "dueDate", due,
        "tranchePercent", percent);
  }

  static String applicant(String org) {
    return TestJwts.token("applicant-" + org, List.of("APPLICANT"), org);
  }

  String draft(String org, Map<String, Object> body) {
    JsonNode created = expect(call("POST", INTAKE, "/proposals", applicant(org), body), 201);
    assertThat(created.get("status").asString()).isEqualTo("DRAFT");
    return created.get("id").asString();
  }

  void submit(String org, String proposalId) {
    Map<String, Object> pledge = Map.of("pledge", Map.of("accepted", true, "textVersion", "JN-KJ-CN-2026-01"));
    Map<String, String> key = Map.of("Idempotency-Key", "submit-" + proposalId);
    JsonNode submitted = expect(call("POST", INTAKE, "/proposals/" + proposalId + "/submit", applicant(org), pledge,
        "application/json", key), 200);
    assertThat(submitted.get("status").asString()).isEqualTo("SUBMITTED");
    // a retry of the same request (same key, same body) answers the same, it does not submit twice
    JsonNode retried = expect(call("POST", INTAKE, "/proposals/" + proposalId + "/submit", applicant(org), pledge,
        "application/json", key), 200);
    assertThat(retried.get("submittedAt").asString()).isEqualTo(submitted.get("submittedAt").asString());
  }

  /** Submit, screen, review and award (each decision with If-Match); returns the project once milestone-review has it. */
  JsonNode awardThroughIntake(String org, String proposalId, long amountFen) {
    submit(org, proposalId);
    String path = "/proposals/" + proposalId;
    Response read = call("GET", INTAKE, path, PM, null);
    Response screened = call("POST", INTAKE, path + "/screen", PM, null, "application/json",
        Map.of("If-Match", read.etag()));
    assertThat(expect(screened, 200).get("status").asString()).isEqualTo("SCREENING");
    Response reviewed = call("POST", INTAKE, path + "/review", PM, null, "application/json",
        Map.of("If-Match", screened.etag()));
    assertThat(expect(reviewed, 200).get("status").asString()).isEqualTo("UNDER_REVIEW");
    JsonNode awarded = expect(call("POST", INTAKE, path + "/award", PM, Map.of("amountFen", amountFen), "application/json",
        Map.of("If-Match", reviewed.etag())), 200);
    assertThat(awarded.get("status").asString()).isEqualTo("AWARDED");
    assertThat(awarded.get("awardedAmountFen").asLong()).isEqualTo(amountFen);
    String projectId = awarded.get("projectId").asString();

    await().atMost(ASYNC).pollInterval(Duration.ofMillis(200))
        .until(() -> call("GET", MILESTONE, "/projects/" + projectId, applicant(org), null).status() == 200);
    JsonNode project = expect(call("GET", MILESTONE, "/projects/" + projectId, applicant(org), null), 200);
    assertThat(project.get("status").asString()).isEqualTo("ACTIVE");
    return project;
  }

  // ================================================================== milestone-review

  /** The applicant reports on the next due milestone; a fresh panel declares no conflict and scores these totals. */
  JsonNode reportAndReview(String projectId, String org, String label, int... totals) {
    JsonNode report = expect(call("POST", MILESTONE, "/projects/" + projectId + "/reports", applicant(org), Map.of(
        "deliverablesMet", List.of("阶段技术报告", "第三方检测报告"),
        "evidence", List.of(Map.of("name", "检测报告-" + label + ".pdf", "sha256", "9f".repeat(32))),
        "spendingToDateFen", 61_250_000L), "application/json", Map.of("Idempotency-Key", "report-" + projectId + "-" + label)), 201);
    String reportPath = "/projects/" + projectId + "/reports/" + report.get("reportId").asString();

    List<String> experts = new ArrayList<>();
    List<String> expertOrgs = new ArrayList<>();
    for (int i = 0; i < totals.length; i++) {
      String expertId = "exp-" + label + "-" + (i + 1) + "-" + UUID.randomUUID().toString().substring(0, 6);
      String expertOrg = EXPERT_ORGS.get(i);
      expect(call("PUT", MILESTONE, "/experts/" + expertId, PM, Map.of("name", EXPERT_NAMES.get(i),
          "organisationCode", expertOrg, "nationalId", EXPERT_IDS.get(i), "declaredConflicts", List.of())), 200);
      experts.add(expertId);
      expertOrgs.add(expertOrg);
    }
    expect(call("POST", MILESTONE, reportPath + "/panel", PM, Map.of("expertIds", experts)), 200);
    JsonNode last = null;
    for (int i = 0; i < totals.length; i++) {
      String token = TestJwts.token(experts.get(i), List.of("EXPERT"), expertOrgs.get(i));
      expect(call("POST", MILESTONE, reportPath + "/declaration", token, Map.of("conflict", false)), 200);
      last = expect(call("PUT", MILESTONE, reportPath + "/evaluation", token, scores(totals[i])), 200);
    }
    return last;
  }

  static Map<String, Object> scores(int total) {
    int d = Math.min(40, total);
    int t = Math.min(30, total - d);
    int b = Math.min(20, total - d - t);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("deliverables", d);
    body.put("technicalQuality", t);
    body.put("budgetExecution", b);
    body.put("management", total - d - t - b);
    body.put("recommendation", total >= 80 ? "PASSED" : total >= 60 ? "CONDITIONAL" : "FAILED");
    body.put("comments", total >= 80 ? "交付物齐全，指标达到任务书要求。" : "关键指标未达到任务书要求。");
    return body;
  }

  // ================================================================== post-subsidy

  String submitClaim(String org, String program, long thisYearFen, long lastYearFen, String auditReport) {
    JsonNode claim = expect(call("POST", SUBSIDY, "/claims", applicant(org), Map.of("programId", program,
        "fiscalYear", 2025, "expenditureThisYearFen", thisYearFen, "expenditureLastYearFen", lastYearFen,
        "auditReportReference", auditReport)), 201);
    assertThat(claim.get("status").asString()).isEqualTo("SUBMITTED");
    assertThat(claim.get("increaseFen").asLong()).isEqualTo(thisYearFen - lastYearFen);
    return claim.get("id").asString();
  }

  /** The project's disbursements, ordered by creation, once there are {@code count} of them. */
  List<JsonNode> awaitDisbursements(String projectId, int count) {
    AtomicReference<List<JsonNode>> items = new AtomicReference<>();
    await().atMost(ASYNC).pollInterval(Duration.ofMillis(200)).until(() -> {
      JsonNode page = expect(call("GET", SUBSIDY, "/disbursements?projectId=" + projectId, OFFICER, null), 200);
      List<JsonNode> list = new ArrayList<>();
      page.get("items").forEach(list::add);
      items.set(list);
      return list.size() >= count;
    });
    List<JsonNode> list = new ArrayList<>(items.get());
    list.sort(java.util.Comparator.comparing(x -> Instant.parse(x.get("createdAt").asString())));
    assertThat(list).hasSize(count);
    return list;
  }

  JsonNode awaitDisbursement(String id, java.util.function.Predicate<JsonNode> condition) {
    AtomicReference<JsonNode> seen = new AtomicReference<>();
    await().atMost(ASYNC).pollInterval(Duration.ofMillis(200)).until(() -> {
      Response r = call("GET", SUBSIDY, "/disbursements/" + id, OFFICER, null);
      if (r.status() != 200) {
        return false;
      }
      seen.set(r.json());
      return condition.test(r.json());
    });
    return seen.get();
  }

  static Map<String, Object> payee() {
    return Map.of("payeeName", "收款单位基本户", "bank", "天津银行津南支行", "accountNumber", "6222020302001234567");
  }

  /** A finance officer prepares, a different finance approver releases (If-Match + Idempotency-Key). */
  JsonNode prepareAndRelease(String id, String paymentReference) {
    Response prepared = call("POST", SUBSIDY, "/disbursements/" + id + "/preparation", OFFICER, payee());
    assertThat(expect(prepared, 200).get("status").asString()).isEqualTo("PREPARED");
    Map<String, String> headers = Map.of("If-Match", prepared.etag(), "Idempotency-Key", "release-" + id);
    JsonNode released = expect(call("POST", SUBSIDY, "/disbursements/" + id + "/release", APPROVER,
        Map.of("paymentReference", paymentReference), "application/json", headers), 200);
    assertThat(released.get("status").asString()).isEqualTo("RELEASED");
    assertThat(released.get("preparedBy").asString()).isEqualTo("fin-officer-wang-fang");
    assertThat(released.get("releasedBy").asString()).isEqualTo("fin-approver-zhou-min");
    assertThat(released.at("/payee/accountNumberMasked").asString()).endsWith("4567").doesNotContain("62220203");
    // the approver's retry (same key, same body) is answered the same, nothing is paid twice
    JsonNode retried = expect(call("POST", SUBSIDY, "/disbursements/" + id + "/release", APPROVER,
        Map.of("paymentReference", paymentReference), "application/json", headers), 200);
    assertThat(retried.get("releasedAt").asString()).isEqualTo(released.get("releasedAt").asString());
    return expect(call("GET", SUBSIDY, "/disbursements/" + id, AUDITOR, null), 200);
  }

  // ================================================================== HTTP

  record Response(int status, String body, Map<String, List<String>> headers) {
    JsonNode json() {
      return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
    }

    String etag() {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("ETag"))
          .map(e -> e.getValue().get(0)).findFirst().orElseThrow(() -> new AssertionError("no ETag"));
    }
  }

  static JsonNode expect(Response response, int status) {
    assertThat(response.status()).as("HTTP status; body: %s", response.body()).isEqualTo(status);
    return response.json();
  }

  Response call(String method, String service, String path, String token, Object body) {
    return call(method, service, path, token, body, "application/json", Map.of());
  }

  Response call(String method, String service, String path, String token, Object body, String contentType,
      Map<String, String> headers) {
    String payload = body == null ? (method.equals("GET") ? null : "{}")
        : body instanceof String s ? s : JSON.writeValueAsString(body);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(suite.url(service) + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json, application/problem+json")
        .method(method, payload == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8));
    if (payload != null) {
      request.header("Content-Type", contentType + (contentType.startsWith("text/") ? "; charset=UTF-8" : ""));
    }
    headers.forEach(request::header);
    try {
      HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(r.statusCode(), r.body(), r.headers().map());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String yuan(long fen) {
    return String.format("%,d.%02d", fen / 100, fen % 100);
  }
}
