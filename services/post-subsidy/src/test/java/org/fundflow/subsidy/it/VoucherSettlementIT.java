package org.fundflow.subsidy.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Innovation vouchers (issue 18 point 1): intake's voucher-redeemed pays the provider the voucher share = contract
 * amount x ratio rounded down to the fen, capped by the face value, once per voucher (redelivered, or sent again with
 * another event id), through the same four-eyes release as every other disbursement.
 */
class VoucherSettlementIT extends SubsidyIT {

  static final String REDEEMED = "fundflow.intake.voucher-redeemed.v1";

  static String voucherProgram(String programId, long budgetFen, long faceValueFen) {
    return "{\"programId\":\"" + programId + "\",\"kind\":\"VOUCHER\",\"name\":\"创新券 " + programId
        + "\",\"status\":\"OPEN\",\"budgetFen\":" + budgetFen + ",\"perProjectCapFen\":" + faceValueFen
        + ",\"callWindow\":{\"opensAt\":\"2026-02-28T16:00:00Z\",\"closesAt\":\"2026-11-30T09:00:00Z\","
        + "\"timeZone\":\"Asia/Shanghai\"},\"publishedAt\":\"2026-02-25T02:00:00Z\",\"revision\":1}";
  }

  static String redeemed(String voucherId, String programId, String enterprise, String provider, long contractFen,
      long faceFen, int ratioBasisPoints) {
    return "{\"voucherId\":\"" + voucherId + "\",\"programId\":\"" + programId + "\",\"organisationCode\":\""
        + enterprise + "\",\"providerId\":\"spv-" + provider + "\",\"providerOrganisationCode\":\"" + provider
        + "\",\"providerName\":\"天津津南检验检测认证有限公司\",\"category\":\"TESTING\",\"contractAmountFen\":"
        + contractFen + ",\"faceValueFen\":" + faceFen + ",\"ratioBasisPoints\":" + ratioBasisPoints
        + ",\"contractDocumentSha256\":\"" + "ab".repeat(32) + "\",\"issuedAt\":\"2026-03-02T02:15:00Z\","
        + "\"expiresAt\":\"2026-08-29T16:00:00Z\",\"contractedAt\":\"2026-03-17T06:40:00Z\","
        + "\"settlementClaimedAt\":\"2026-05-06T03:00:00Z\",\"deliveryConfirmedAt\":\"2026-05-08T01:30:00Z\"}";
  }

  @Test
  void aRedeemedVoucherPaysTheProviderTheShareExactToTheFenOnceThroughFourEyes() {
    String programId = unique("prg-cv");
    publishProgram(programId, voucherProgram(programId, 500_000_000, 5_000_000));
    assertThat(program(programId).getString("kind")).isEqualTo("VOUCHER");
    String enterprise = organisationCode();
    String provider = organisationCode();
    String voucherId = "vch-" + programId + "-" + enterprise + "-2026-1";
    // 1,234,567 fen x 33.33% = 411,481.1811 fen: rounded down to 411,481 (under the face value 5,000,000)
    String event = redeemed(voucherId, programId, enterprise, provider, 1_234_567, 5_000_000, 3333);
    String eventId = UUID.randomUUID().toString();
    send(PROPOSAL_EVENTS, voucherId, REDEEMED, event, eventId);
    send(PROPOSAL_EVENTS, voucherId, REDEEMED, event, eventId); // redelivered
    send(PROPOSAL_EVENTS, voucherId, REDEEMED, event);          // sent again as a new event

    String id = "vs-" + voucherId;
    Document d = awaitDisbursement(id);
    assertThat(d.getLong("amountFen")).isEqualTo(411_481L);
    assertThat(d.getString("organisationCode")).as("the payee is the provider").isEqualTo(provider);
    assertThat(d.getString("explanation")).contains("x 33.33% = 411481.1811 fen")
        .contains("DOWN to the fen: 4,114.81").contains("voucher pays 4,114.81, enterprise pays 8,230.86");
    assertThat(d.getString("status")).isEqualTo("CREATED");

    // four eyes: the officer prepares, an approver who is not the preparer releases
    long version = prepare(id);
    release(id, version, "k-" + id, APPROVER_BOB, "PAY-" + voucherId).expectStatus().isOk();
    Document released = awaitDisbursement(id, x -> status(x, "RELEASED"));
    assertThat(released.getLong("amountFen")).isEqualTo(411_481L);

    List<ConsumerRecord<String, byte[]>> events = published(DISBURSEMENT_EVENTS, id,
        seen -> count(seen, "fundflow.subsidy.disbursement-released.v1", id) >= 1);
    assertValid(events);
    assertThat(count(events, "fundflow.subsidy.disbursement-created.v1", id)).isEqualTo(1);
    assertThat(template.count(new Query(Criteria.where("trigger.reference").is(voucherId)), "disbursements").block())
        .as("one disbursement per voucher").isEqualTo(1);
  }

  @Test
  void theFaceValueCapsTheShareAndTheEnterprisePaysTheRest() {
    String programId = unique("prg-cv");
    publishProgram(programId, voucherProgram(programId, 500_000_000, 3_000_000));
    String provider = organisationCode();
    String voucherId = "vch-" + programId + "-cap";
    send(PROPOSAL_EVENTS, voucherId, REDEEMED, redeemed(voucherId, programId, organisationCode(), provider,
        8_000_000, 3_000_000, 5000));
    Document d = awaitDisbursement("vs-" + voucherId);
    assertThat(d.getLong("amountFen")).isEqualTo(3_000_000L);
    assertThat(d.getString("explanation")).contains("contract 80,000.00 x 50% = 40,000.00")
        .contains("capped by the face value 30,000.00").contains("voucher pays 30,000.00, enterprise pays 50,000.00");
  }

  @Test
  void aVoucherNamingItsOwnEnterpriseAsProviderIsDeadLetteredAndPaysNothing() {
    String programId = unique("prg-cv");
    publishProgram(programId, voucherProgram(programId, 500_000_000, 3_000_000));
    String enterprise = organisationCode();
    String voucherId = "vch-" + programId + "-own";
    send(PROPOSAL_EVENTS, voucherId, REDEEMED, redeemed(voucherId, programId, enterprise, enterprise, 1_000_000,
        3_000_000, 5000));
    List<ConsumerRecord<String, byte[]>> dead = published("post-subsidy.dlq", voucherId, seen -> !seen.isEmpty());
    assertThat(dead).isNotEmpty();
    await().during(java.time.Duration.ofSeconds(1)).atMost(java.time.Duration.ofSeconds(3))
        .until(() -> disbursement("vs-" + voucherId) == null);
  }
}
