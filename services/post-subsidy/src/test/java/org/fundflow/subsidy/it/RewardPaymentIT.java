package org.fundflow.subsidy.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.fundflow.platform.test.TestJwts;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/**
 * Reward payments (奖励类, issue 18 point 3) against the real broker and store: a verified reward claim from
 * project-intake becomes one disbursement per organisation and achievement, for the table amount to the fen; a
 * redelivery, a duplicate with another event id and a second claim of the same achievement create nothing more; the
 * payment is prepared and released with four eyes; a held organisation's reward waits ON_HOLD and is not released.
 */
class RewardPaymentIT extends SubsidyIT {

  static final String VERIFIED = "fundflow.intake.reward-claim-verified.v1";

  static String rewardProgram(String programId, long budgetFen) {
    return "{\"programId\":\"" + programId + "\",\"kind\":\"REWARD\",\"name\":\"奖励 " + programId
        + "\",\"status\":\"OPEN\",\"budgetFen\":" + budgetFen + ",\"perProjectCapFen\":" + budgetFen
        + ",\"callWindow\":{\"opensAt\":\"2026-11-30T16:00:00Z\",\"closesAt\":\"2026-12-31T09:00:00Z\","
        + "\"timeZone\":\"Asia/Shanghai\"},\"publishedAt\":\"2026-11-28T02:00:00Z\",\"revision\":1}";
  }

  static String verified(String claimId, String programId, String org, String code, long amountFen) {
    return "{\"claimId\":\"" + claimId + "\",\"programId\":\"" + programId + "\",\"organisationCode\":\"" + org
        + "\",\"achievementCode\":\"" + code + "\",\"achievementName\":\"国家高新技术企业认定\",\"amountFen\":" + amountFen
        + ",\"verifiedBy\":\"pm-li\",\"evidenceFiles\":[{\"fileId\":\"f1\",\"name\":\"证书.pdf\","
        + "\"mediaType\":\"application/pdf\",\"sizeBytes\":1000,\"sha256\":\"" + "ab".repeat(32) + "\","
        + "\"uploadedAt\":\"2026-12-03T01:58:00Z\"}],\"verifiedAt\":\"2026-12-05T06:30:00Z\"}";
  }

  @Test
  void aVerifiedRewardIsPaidOncePerOrganisationAndAchievement_exactlyTheTableAmount_withFourEyes() {
    String programId = unique("prg-rw");
    publishProgram(programId, rewardProgram(programId, 1_000_000_000L));
    String org = organisationCode();
    String claimId = "rwc-" + org + "-NATIONAL_HIGH_TECH";
    String id = "rw-" + org + "-NATIONAL_HIGH_TECH";
    String json = verified(claimId, programId, org, "NATIONAL_HIGH_TECH", 20_000_001L);

    String eventId = UUID.randomUUID().toString();
    send(PROPOSAL_EVENTS, claimId, VERIFIED, json, eventId);
    send(PROPOSAL_EVENTS, claimId, VERIFIED, json, eventId);            // redelivered
    send(PROPOSAL_EVENTS, claimId, VERIFIED, json);                     // duplicated with another event id
    // a second claim of the same achievement (another claim id, another amount): still the one payment
    send(PROPOSAL_EVENTS, claimId + "-again", VERIFIED, verified(claimId + "-again", programId, org,
        "NATIONAL_HIGH_TECH", 99_999_999L));

    Document created = awaitDisbursement(id);
    assertThat(created.getLong("amountFen")).isEqualTo(20_000_001L);
    assertThat(created.getString("claimId")).isEqualTo(claimId);
    assertThat(created.getString("status")).isEqualTo("CREATED");

    long version = prepare(id);
    // the preparer cannot release it
    String both = TestJwts.token("olga-officer", "FINANCE_APPROVER");
    release(id, version, unique("key"), both, "PAY-RW-0").expectStatus().isEqualTo(HttpStatus.FORBIDDEN);
    release(id, version, unique("key"), APPROVER_BOB, "PAY-RW-1").expectStatus().isOk();
    assertThat(program(programId).getLong("releasedFen")).isEqualTo(20_000_001L);

    List<ConsumerRecord<String, byte[]>> out = published(DISBURSEMENT_EVENTS, claimId,
        seen -> count(seen, "fundflow.subsidy.disbursement-released.v1", id) >= 1);
    assertThat(count(out, "fundflow.subsidy.disbursement-created.v1", id)).isEqualTo(1);
    assertValid(out);
    // the finance queue lists it with the other payments of the program
    web.get().uri("/disbursements?programId=" + programId).headers(h -> h.setBearerAuth(AUDITOR)).exchange()
        .expectStatus().isOk().expectBody()
        .jsonPath("$.count").isEqualTo(1)
        .jsonPath("$.totalFen").isEqualTo(20_000_001);
    await().during(java.time.Duration.ofSeconds(2)).atMost(java.time.Duration.ofSeconds(5))
        .until(() -> template.findAll(Document.class, "disbursements").filter(d -> org.equals(d.getString("organisationCode")))
            .count().block() == 1L);
  }

  @Test
  void aHeldOrganisationsRewardWaitsOnHoldAndIsNotReleased() {
    String programId = unique("prg-rw");
    publishProgram(programId, rewardProgram(programId, 1_000_000_000L));
    String org = organisationCode();
    String holdId = unique("hold");
    send(INTEGRITY_EVENTS, org, "fundflow.integrity.hold-placed.v1", hold(holdId, org));
    await().atMost(WAIT).until(() -> template.findById(org, Document.class, "holds").block() != null);
    String claimId = "rwc-" + org + "-GAZELLE";
    send(PROPOSAL_EVENTS, claimId, VERIFIED, verified(claimId, programId, org, "GAZELLE", 10_000_000L));
    Document held = awaitDisbursement("rw-" + org + "-GAZELLE", d -> status(d, "ON_HOLD"));
    web.post().uri("/disbursements/{id}/preparation", held.getString("_id")).headers(h -> h.setBearerAuth(OFFICER))
        .bodyValue(java.util.Map.of("payeeName", "Tianjin Widgets Co.", "bank", "Bank of Tianjin", "accountNumber",
            "6222020302001234567"))
        .exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT);
    assertThat(program(programId).getLong("releasedFen")).isZero();
    List<String> statuses = new ArrayList<>();
    statuses.add(disbursement("rw-" + org + "-GAZELLE").getString("status"));
    assertThat(statuses).containsExactly("ON_HOLD");
  }

  @Test
  void aMalformedRewardEventIsNotPaid() {
    String programId = unique("prg-rw");
    publishProgram(programId, rewardProgram(programId, 1_000_000_000L));
    String org = organisationCode();
    String claimId = "rwc-" + org + "-LEADING";
    send(PROPOSAL_EVENTS, claimId, VERIFIED, verified(claimId, programId, org, "LEADING", 0L));
    // a valid event after it on the same key is applied: the bad one was dead-lettered, not retried forever
    String next = "rwc-" + org + "-LEADING2";
    send(PROPOSAL_EVENTS, claimId, VERIFIED, verified(next, programId, org, "LEADING2", 5_000_000L));
    awaitDisbursement("rw-" + org + "-LEADING2");
    assertThat(disbursement("rw-" + org + "-LEADING")).isNull();
  }
}
