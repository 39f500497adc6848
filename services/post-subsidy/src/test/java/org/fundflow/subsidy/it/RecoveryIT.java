package org.fundflow.subsidy.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.fundflow.platform.test.TestJwts;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;

/**
 * 追回 (issue 17 point 4) against the real broker and store: a confirmed misconduct about a project opens one recovery
 * order for what was released on it, exact to the fen, whatever the number of deliveries; finance settles it with
 * four-eyes; the applicant reads what it owes, another organisation nothing.
 */
class RecoveryIT extends SubsidyIT {

  static String caseDecided(String caseId, String org, String projectId, Long amountFen) {
    return "{\"caseId\":\"" + caseId + "\",\"subject\":{\"type\":\"ORGANISATION\",\"id\":\"" + org + "\"},"
        + "\"decision\":\"CONFIRMED\",\"reason\":\"伪造检测报告\",\"flagIds\":[\"flag-1\"],\"decidedBy\":\"io-qian\","
        + "\"decidedAt\":\"2028-10-09T02:00:00Z\",\"misconduct\":true,\"projectId\":\"" + projectId + "\""
        + (amountFen == null ? "" : ",\"recoveryAmountFen\":" + amountFen) + "}";
  }

  Document awaitRecovery(String projectId) {
    await().atMost(WAIT).until(() -> template.findById("rcv-" + projectId, Document.class, "recoveries").block() != null);
    return template.findById("rcv-" + projectId, Document.class, "recoveries").block();
  }

  @Test
  void aConfirmedMisconductRecoversWhatWasReleasedOnce_andFinanceSettlesItWithFourEyes() {
    String programId = unique("prg-ch");
    publishProgram(programId, challengeProgram(programId, 1_000_000_000L));
    String projectId = unique("prj");
    String org = organisationCode();
    send(PROPOSAL_EVENTS, projectId, "fundflow.intake.proposal-awarded.v1",
        awarded(projectId, programId, "CHALLENGE", org, 1_000_001, DisbursementLifecycleIT.plan(33, 33, 34)));
    await().atMost(WAIT).until(() -> template.findById(projectId, Document.class, "projects").block() != null);
    for (int m = 1; m <= 2; m++) {
      send(PROJECT_EVENTS, projectId, "fundflow.milestone.milestone-accepted.v1",
          milestoneAccepted(projectId, programId, "m" + m, m, 33, 1_000_001, org, false));
      String id = "tr-" + projectId + "-m" + m;
      awaitDisbursement(id);
      release(id, prepare(id), unique("key"), APPROVER_BOB, "PAY-M" + m).expectStatus().isOk();
    }

    // the same case-decided three times (redelivery, re-published) and a second case about the same project
    String decided = caseDecided("case-1", org, projectId, null);
    String first = send(INTEGRITY_EVENTS, org, "fundflow.integrity.case-decided.v1", decided);
    send(INTEGRITY_EVENTS, org, "fundflow.integrity.case-decided.v1", decided, first);
    send(INTEGRITY_EVENTS, org, "fundflow.integrity.case-decided.v1", decided);
    send(INTEGRITY_EVENTS, org, "fundflow.integrity.case-decided.v1", caseDecided("case-2", org, projectId, 5L));
    // a later order on the same key proves the four were consumed before it
    String sentinel = unique("prj");
    send(PROPOSAL_EVENTS, sentinel, "fundflow.intake.proposal-awarded.v1",
        awarded(sentinel, programId, "CHALLENGE", org, 1_000, DisbursementLifecycleIT.plan(100)));
    await().atMost(WAIT).until(() -> template.findById(sentinel, Document.class, "projects").block() != null);
    send(INTEGRITY_EVENTS, org, "fundflow.integrity.case-decided.v1", caseDecided("case-3", org, sentinel, 777L));
    assertThat(awaitRecovery(sentinel).getLong("amountFen")).isEqualTo(777L);

    Document order = awaitRecovery(projectId);
    assertThat(template.count(new Query(Criteria.where("projectId").is(projectId)), "recoveries").block()).isEqualTo(1);
    assertThat(order.getString("caseId")).isEqualTo("case-1");
    assertThat(order.getLong("amountFen")).isEqualTo(660_000L); // 330,000 + 330,000 released, to the fen
    assertThat(order.getString("basis")).isEqualTo("RELEASED");
    String rcv = "/recoveries/rcv-" + projectId;

    // the applicant reads what it owes; another organisation's applicant does not see it
    String applicant = TestJwts.token("app-" + org, List.of("APPLICANT"), org);
    web.get().uri("/recoveries").headers(h -> h.setBearerAuth(applicant)).exchange().expectStatus().isOk()
        .expectBody().jsonPath("$[?(@.recoveryId=='rcv-" + projectId + "')].amountFen").isEqualTo(660_000);
    String stranger = TestJwts.token("app-x", List.of("APPLICANT"), organisationCode());
    web.get().uri(rcv).headers(h -> h.setBearerAuth(stranger)).exchange().expectStatus().isNotFound();
    web.get().uri("/recoveries").headers(h -> h.setBearerAuth(stranger)).exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.length()").isEqualTo(0);

    // exact to the fen: a repayment of another amount is refused
    web.post().uri(rcv + "/record").headers(h -> h.setBearerAuth(OFFICER)).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("outcome", "REPAID", "repaidFen", 659_999, "paymentReference", "BOC-1", "note", "退回"))
        .exchange().expectStatus().isEqualTo(422);
    web.post().uri(rcv + "/record").headers(h -> h.setBearerAuth(OFFICER)).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("outcome", "REPAID", "repaidFen", 660_000, "paymentReference", "BOC-1", "note", "已全额退回"))
        .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("AWAITING_APPROVAL");
    // four-eyes: the recorder cannot approve, even with the approver role
    String both = TestJwts.token("olga-officer", List.of("FINANCE_OFFICER", "FINANCE_APPROVER"), null);
    web.post().uri(rcv + "/approval").headers(h -> h.setBearerAuth(both)).exchange().expectStatus().isForbidden();
    web.post().uri(rcv + "/approval").headers(h -> h.setBearerAuth(applicant)).exchange().expectStatus().isForbidden();
    web.post().uri(rcv + "/approval").headers(h -> h.setBearerAuth(APPROVER_BOB)).exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.status").isEqualTo("REPAID").jsonPath("$.approvedBy").isEqualTo("bob-approver");
    web.post().uri(rcv + "/approval").headers(h -> h.setBearerAuth(APPROVER_CAROL)).exchange()
        .expectStatus().isEqualTo(409);

    List<ConsumerRecord<String, byte[]>> out = published(DISBURSEMENT_EVENTS, projectId,
        seen -> count(seen, "fundflow.subsidy.recovery-settled.v1", projectId) >= 1);
    assertThat(count(out, "fundflow.subsidy.recovery-opened.v1", projectId)).isEqualTo(1);
    assertThat(count(out, "fundflow.subsidy.recovery-settled.v1", projectId)).isEqualTo(1);
    assertValid(out);
  }
}
