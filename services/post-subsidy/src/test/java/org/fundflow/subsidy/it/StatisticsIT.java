package org.fundflow.subsidy.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 point 4: the dashboard figures of post-subsidy against the real store and broker. Months are those of
 * Asia/Shanghai: a payment released at 16:30 UTC on the last day of a month belongs to the next month.
 */
class StatisticsIT extends SubsidyIT {

  static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneId.of("Asia/Shanghai"));

  @Test
  void aReleasedPaymentCountsInItsProgramAndInItsMonth() {
    String month = MONTH.format(Instant.now());
    Map<?, ?> before = month(get("/statistics/payments"), month);

    String programId = unique("prg-stat");
    publishProgram(programId, generalProgram(programId, 1_000_000_00L, 60));
    String projectId = unique("prj");
    send(PROPOSAL_EVENTS, projectId, "fundflow.intake.proposal-awarded.v1",
        awarded(projectId, programId, "GENERAL", organisationCode(), 10_000_001L, DisbursementLifecycleIT.FINAL));
    String advance = "adv-" + projectId;
    awaitDisbursement(advance);
    release(advance, prepare(advance), unique("key"), APPROVER_BOB, "PAY-STAT").expectStatus().isOk();

    Map<?, ?> program = ((List<?>) get("/statistics/programs").get("programs")).stream().map(p -> (Map<?, ?>) p)
        .filter(p -> programId.equals(p.get("programId"))).findFirst().orElseThrow();
    assertThat(program.get("budgetFen")).isEqualTo(1_000_000_00);
    assertThat(((Number) program.get("paidFen")).longValue()).isEqualTo(6_000_001L);
    assertThat(((Number) program.get("reservedForReleaseFen")).longValue()).isZero();

    Map<?, ?> after = month(get("/statistics/payments"), month);
    assertThat(number(after, "count")).isEqualTo(number(before, "count") + 1);
    assertThat(number(after, "amountFen")).isEqualTo(number(before, "amountFen") + 6_000_001L);
  }

  @Test
  void monthsAreThoseOfShanghai_andPaymentsNotReleasedDoNotCount() {
    // 2001-01-31T16:30Z is 2001-02-01 00:30 in Shanghai; 15:59Z is still January there
    List<String> ids = List.of(store("stat-late-" + unique("d"), "RELEASED", 101L, "2001-01-31T16:30:00Z"),
        store("stat-early-" + unique("d"), "RELEASED", 202L, "2001-01-31T15:59:00Z"),
        store("stat-open-" + unique("d"), "PREPARED", 404L, null));
    Map<String, Object> payments;
    try {
      payments = get("/statistics/payments");
    } finally { // bare documents: no other test should meet them
      template.remove(new org.springframework.data.mongodb.core.query.Query(
          org.springframework.data.mongodb.core.query.Criteria.where("_id").in(ids)), "disbursements").block();
    }
    assertThat(payments.get("zone")).isEqualTo("Asia/Shanghai");
    assertThat(number(month(payments, "2001-01"), "amountFen")).isEqualTo(202L);
    assertThat(number(month(payments, "2001-02"), "amountFen")).isEqualTo(101L);
    assertThat(number(month(payments, "2001-02"), "count")).isEqualTo(1L);
    List<?> months = (List<?>) payments.get("months");
    assertThat(months).extracting(m -> ((Map<?, ?>) m).get("month").toString()).isSorted();
    assertThat(months.stream().mapToLong(m -> number((Map<?, ?>) m, "amountFen")).sum())
        .isEqualTo(number(payments, "amountFen"));
  }

  String store(String id, String status, long amountFen, String releasedAt) {
    Document d = new Document("_id", id).append("status", status).append("amountFen", amountFen)
        .append("programId", "prg-stat-fixture").append("projectId", "prj-" + id)
        .append("organisationCode", "91120112MA05KXXX0X").append("version", 1L);
    if (releasedAt != null) {
      d.append("releasedAt", Date.from(Instant.parse(releasedAt)));
    }
    template.insert(d, "disbursements").block();
    return id;
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> get(String uri) {
    return web.get().uri(uri).headers(h -> h.setBearerAuth(AUDITOR)).exchange().expectStatus().isOk()
        .expectBody(Map.class).returnResult().getResponseBody();
  }

  static Map<?, ?> month(Map<String, Object> payments, String month) {
    for (Object m : (List<?>) payments.get("months")) {
      if (month.equals(((Map<?, ?>) m).get("month"))) {
        return (Map<?, ?>) m;
      }
    }
    return Map.of("count", 0, "amountFen", 0);
  }

  static long number(Map<?, ?> m, String field) {
    return ((Number) m.get(field)).longValue();
  }
}
