package org.fundflow.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The request bodies and the test data (organisations, people, experts) the phases send. */
final class Requests {

  /** Valid unified social credit codes (shared/testdata/org-codes.csv). */
  static final List<String> ORGS = List.of("5231011587WL1EFJ6B", "9112000089F2XW550E", "91120112MNH91HTMX6",
      "521201126KXLELYT33", "12310115AMBRCN372R", "92110108EF3LH7EF5W", "12120116800HQW767H", "92120116CDJLBNT814",
      "91120000225WJEN76U", "11120116LYXDCQ8D2P", "921101084KTNFX93X8", "12120112EXH9BL324R", "11120112DAJ3PW352L",
      "52120116RB64230A2N", "123101151HQW8XPY70", "91310115JPMD5PX310", "91120112DA1KCGYFXP", "1231011578KYG8A51P",
      "52310115BGC5HA2597", "92120112KFG4JEM72A");
  static final List<String> PEOPLE = List.of("11010819841203824X", "120101196310216525", "12010119720627771X",
      "110108197203044876", "11010819720423791X");
  static final String[] EXPERT_ORGS = {"12310115AMBRCN372R", "123101151HQW8XPY70", "1231011578KYG8A51P"};
  static final String[] EXPERT_IDS = {"370202199503084946", "110108196412165143", "120101199804221387"};

  private Requests() {
  }

  static Map<String, Object> programBody(String kind, String name, long budgetFen, long capFen, boolean split) {
    Instant now = Instant.now();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name + " " + UUID.randomUUID().toString().substring(0, 4));
    body.put("kind", kind);
    body.put("budgetFen", budgetFen);
    body.put("perProjectCapFen", capFen);
    body.put("callWindow", Map.of("opensAt", now.minus(1, ChronoUnit.DAYS).toString(),
        "closesAt", now.plus(30, ChronoUnit.DAYS).toString()));
    if (split) {
      body.put("fundingSplit", Map.of("advancePercent", 60, "balancePercent", 40));
    }
    if (!"POST_SUBSIDY".equals(kind)) {
      // the bench awards right after screening: expert review (立项评审) off, explicitly
      body.put("expertReview", Map.of("required", false));
    }
    return body;
  }

  static Map<String, Object> proposalBody(String programId, String org, int n) {
    long requestedFen = 20_000_000L;
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("programId", programId);
    body.put("title", "可降解医用镁合金表面涂层技术开发（基准" + n + "）");
    body.put("abstract", "开发可控降解速率的镁合金骨科植入物表面涂层，完成动物实验和小批量试制。编号" + n);
    body.put("keywords", List.of("镁合金", "微弧氧化"));
    body.put("requestedAmountFen", requestedFen);
    body.put("budgetLines", List.of(Map.of("category", "设备费", "amountFen", requestedFen * 4 / 10),
        Map.of("category", "材料费", "amountFen", requestedFen * 3 / 10),
        Map.of("category", "劳务费", "amountFen", requestedFen - requestedFen * 4 / 10 - requestedFen * 3 / 10)));
    body.put("principalInvestigator", Map.of("nationalId", PEOPLE.get(n % PEOPLE.size()), "name", "王海燕", "organisationCode", org));
    body.put("team", List.of(Map.of("nationalId", PEOPLE.get((n + 1) % PEOPLE.size()), "name", "刘静", "organisationCode", org,
        "role", "技术骨干")));
    body.put("attachments", List.of(Map.of("name", "项目申报书.pdf", "mediaType", "application/pdf",
        "sizeBytes", 2_480_133, "sha256", "3e".repeat(32))));
    body.put("projectStartDate", "2027-01-01");
    body.put("projectEndDate", "2028-12-31");
    return body;
  }

  /** The body of a submission: the integrity pledge accepted. */
  static Map<String, Object> pledge() {
    return Map.of("pledge", Map.of("accepted", true, "textVersion", "JN-KJ-CN-2026-01"));
  }

  static Map<String, Object> scores(int total) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("deliverables", 36);
    body.put("technicalQuality", 27);
    body.put("budgetExecution", 17);
    body.put("management", total - 80);
    body.put("recommendation", "PASSED");
    body.put("comments", "交付物齐全，指标达到任务书要求。");
    return body;
  }
}
