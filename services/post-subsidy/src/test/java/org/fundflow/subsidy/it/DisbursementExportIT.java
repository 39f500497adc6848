package org.fundflow.subsidy.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;

/**
 * GET /disbursements/export: the released payments of a range of Beijing dates, keyset paged, with the totals of the
 * whole range computed by the store (a payment batch export streams it page by page).
 */
class DisbursementExportIT extends SubsidyIT {

  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  String generalAdvance(String programId, String org, long awardedFen) {
    String projectId = unique("prj");
    send(PROPOSAL_EVENTS, projectId, "fundflow.intake.proposal-awarded.v1",
        awarded(projectId, programId, "GENERAL", org, awardedFen, DisbursementLifecycleIT.FINAL));
    awaitDisbursement("adv-" + projectId);
    return projectId;
  }

  String released(String programId, long awardedFen) {
    String id = "adv-" + generalAdvance(programId, organisationCode(), awardedFen);
    long version = prepare(id);
    release(id, version, unique("key"), APPROVER_BOB, "PAY-" + id).expectStatus().isOk();
    return id;
  }

  Map<String, Object> export(String query) {
    return web.get().uri("/disbursements/export?" + query).headers(h -> h.setBearerAuth(AUDITOR)).exchange()
        .expectStatus().isOk().expectBody(new ParameterizedTypeReference<Map<String, Object>>() {}).returnResult()
        .getResponseBody();
  }

  @Test
  void theReleasedPaymentsOfTheBeijingDatesArePagedWithTheTotalsOfTheWholeRange() {
    String programId = unique("prg-exp");
    publishProgram(programId, generalProgram(programId, 1_000_000_000L, 60));
    String first = released(programId, 1_000_001);   // 60% -> 600,001 fen (HALF_UP of 600,000.6)
    String second = released(programId, 2_000_000);  // 1,200,000 fen
    String notReleased = "adv-" + generalAdvance(programId, organisationCode(), 500_000);
    LocalDate today = LocalDate.now(BEIJING);

    Map<String, Object> page1 = export("from=" + today.minusDays(1) + "&to=" + today + "&programId=" + programId + "&limit=1");
    List<Map<String, Object>> items1 = items(page1);
    assertThat(items1).hasSize(1);
    assertThat(page1.get("count")).isEqualTo(2);
    assertThat(((Number) page1.get("totalFen")).longValue()).isEqualTo(600_001L + 1_200_000L);
    assertThat(page1.get("nextAfter")).isEqualTo(items1.get(0).get("id"));

    Map<String, Object> page2 = export("from=" + today + "&to=" + today + "&programId=" + programId + "&limit=1&after="
        + page1.get("nextAfter"));
    List<Map<String, Object>> items2 = items(page2);
    assertThat(items2).hasSize(1);
    assertThat(List.of(items1.get(0).get("id"), items2.get(0).get("id"))).containsExactlyInAnyOrder(first, second)
        .doesNotContain(notReleased);
    assertThat(items2.get(0).get("status")).isEqualTo("RELEASED");
    assertThat(items2.get(0).get("paymentReference")).isEqualTo("PAY-" + items2.get(0).get("id"));
    assertThat(((Map<?, ?>) items2.get(0).get("payee")).get("accountNumberMasked")).isEqualTo("*".repeat(15) + "4567");

    // yesterday only: nothing was released then
    Map<String, Object> before = export("from=" + today.minusDays(3) + "&to=" + today.minusDays(1) + "&programId=" + programId);
    assertThat(items(before)).isEmpty();
    assertThat(before.get("count")).isEqualTo(0);
  }

  @Test
  void aRangeEndingBeforeItStartsIsABadRequest_andApplicantsMayNotExport() {
    web.get().uri("/disbursements/export?from=2026-02-01&to=2026-01-31").headers(h -> h.setBearerAuth(OFFICER))
        .exchange().expectStatus().isBadRequest().expectHeader().contentType("application/problem+json")
        .expectBody().jsonPath("$.type").isEqualTo("https://fundflow.org/problems/invalid-date-range");
    web.get().uri("/disbursements/export?from=2026-01-01&to=2026-01-31")
        .headers(h -> h.setBearerAuth(org.fundflow.platform.test.TestJwts.token("app-x", List.of("APPLICANT"),
            organisationCode())))
        .exchange().expectStatus().isForbidden();
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> items(Map<String, Object> page) {
    return (List<Map<String, Object>>) page.get("items");
  }
}
