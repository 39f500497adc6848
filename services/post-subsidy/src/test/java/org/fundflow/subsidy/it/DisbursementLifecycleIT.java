package org.fundflow.subsidy.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.fundflow.platform.test.TestJwts;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

class DisbursementLifecycleIT extends SubsidyIT {

  static final String FINAL = "[{\"milestoneId\":\"final\",\"sequence\":1,\"title\":\"t\",\"deliverables\":[],"
      + "\"dueDate\":\"2027-01-01\",\"tranchePercent\":100}]";

  static String plan(int... percents) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < percents.length; i++) {
      b.append(i == 0 ? "" : ",").append("{\"milestoneId\":\"m").append(i + 1).append("\",\"sequence\":").append(i + 1)
          .append(",\"title\":\"t\",\"deliverables\":[],\"dueDate\":\"2027-01-01\",\"tranchePercent\":")
          .append(percents[i]).append('}');
    }
    return b.append(']').toString();
  }

  String generalAdvance(String programId, String org, long awardedFen) {
    String projectId = unique("prj");
    send(PROPOSAL_EVENTS, projectId, "fundflow.intake.proposal-awarded.v1",
        awarded(projectId, programId, "GENERAL", org, awardedFen, FINAL));
    awaitDisbursement("adv-" + projectId);
    return projectId;
  }

  @Test
  void theSameTriggerDeliveredThreeTimesCreatesOneDisbursement() {
    String programId = unique("prg-gen");
    publishProgram(programId, generalProgram(programId, 1_000_000_000L, 60));
    String projectId = unique("prj");
    String org = organisationCode();
    String award = awarded(projectId, programId, "GENERAL", org, 10_000_001, FINAL);

    String first = send(PROPOSAL_EVENTS, projectId, "fundflow.intake.proposal-awarded.v1", award);
    send(PROPOSAL_EVENTS, projectId, "fundflow.intake.proposal-awarded.v1", award, first);   // redelivery
    send(PROPOSAL_EVENTS, projectId, "fundflow.intake.proposal-awarded.v1", award);          // re-published
    // a later award on the same key (same partition) proves the three were consumed before it
    String sentinel = unique("prj");
    send(PROPOSAL_EVENTS, projectId, "fundflow.intake.proposal-awarded.v1",
        awarded(sentinel, programId, "GENERAL", org, 100, FINAL));
    awaitDisbursement("adv-" + sentinel);

    List<Document> ofProject = template.find(new Query(Criteria.where("projectId").is(projectId)), Document.class,
        "disbursements").collectList().block();
    assertThat(ofProject).hasSize(1);
    Document advance = ofProject.get(0);
    assertThat(advance.getString("_id")).isEqualTo("adv-" + projectId);
    assertThat(advance.getLong("amountFen")).isEqualTo(6_000_001L); // 100,000.01 x 60% = 60,000.006 -> HALF_UP
    assertThat(advance.getLong("version")).isEqualTo(1L);
    assertThat(advance.get("trigger", Document.class).getString("eventId")).isEqualTo(first);

    // final acceptance, delivered twice: one balance, and advance + balance = awarded to the fen
    String completed = "{\"projectId\":\"" + projectId + "\",\"programId\":\"" + programId
        + "\",\"programKind\":\"GENERAL\",\"organisationCode\":\"" + org
        + "\",\"awardedAmountFen\":10000001,\"completedAt\":\"2027-01-02T00:00:00Z\"}";
    String c1 = send(PROJECT_EVENTS, projectId, "fundflow.milestone.project-completed.v1", completed);
    send(PROJECT_EVENTS, projectId, "fundflow.milestone.project-completed.v1", completed, c1);
    Document balance = awaitDisbursement("bal-" + projectId);
    assertThat(balance.getLong("amountFen")).isEqualTo(4_000_000L);

    List<ConsumerRecord<String, byte[]>> out = published(DISBURSEMENT_EVENTS, projectId,
        seen -> count(seen, "fundflow.subsidy.disbursement-created.v1", "bal-" + projectId) >= 1);
    assertThat(count(out, "fundflow.subsidy.disbursement-created.v1", "\"adv-" + projectId)).isEqualTo(1);
    assertThat(count(out, "fundflow.subsidy.disbursement-created.v1", "\"bal-" + projectId)).isEqualTo(1);
    assertValid(out);
  }

  @Test
  void challengeTranchesAddUpToTheAwardedAmountToTheFen() {
    String programId = unique("prg-ch");
    publishProgram(programId, challengeProgram(programId, 1_000_000_000L));
    String projectId = unique("prj");
    String org = organisationCode();
    send(PROPOSAL_EVENTS, projectId, "fundflow.intake.proposal-awarded.v1",
        awarded(projectId, programId, "CHALLENGE", org, 10_000_001, plan(33, 33, 34)));
    await().atMost(WAIT).until(() -> template.findById(projectId, Document.class, "projects").block() != null);

    String m1 = send(PROJECT_EVENTS, projectId, "fundflow.milestone.milestone-accepted.v1",
        milestoneAccepted(projectId, programId, "m1", 1, 33, 10_000_001, org, false));
    send(PROJECT_EVENTS, projectId, "fundflow.milestone.milestone-accepted.v1",
        milestoneAccepted(projectId, programId, "m1", 1, 33, 10_000_001, org, false), m1);
    send(PROJECT_EVENTS, projectId, "fundflow.milestone.milestone-accepted.v1",
        milestoneAccepted(projectId, programId, "m2", 2, 33, 10_000_001, org, false));
    send(PROJECT_EVENTS, projectId, "fundflow.milestone.milestone-accepted.v1",
        milestoneAccepted(projectId, programId, "m3", 3, 34, 10_000_001, org, true));

    long t1 = awaitDisbursement("tr-" + projectId + "-m1").getLong("amountFen");
    long t2 = awaitDisbursement("tr-" + projectId + "-m2").getLong("amountFen");
    Document last = awaitDisbursement("tr-" + projectId + "-m3");
    assertThat(List.of(t1, t2, last.getLong("amountFen"))).containsExactly(3_300_000L, 3_300_000L, 3_400_001L);
    assertThat(t1 + t2 + last.getLong("amountFen")).isEqualTo(10_000_001L);
    assertThat(last.getString("explanation")).contains("last tranche takes the remainder");
    assertThat(template.count(new Query(Criteria.where("projectId").is(projectId)), "disbursements").block())
        .isEqualTo(3);
  }

  @Test
  void terminationCancelsTheOpenTranchesAndKeepsTheReleasedOne() {
    String programId = unique("prg-ch");
    publishProgram(programId, challengeProgram(programId, 1_000_000_000L));
    String projectId = unique("prj");
    String org = organisationCode();
    send(PROPOSAL_EVENTS, projectId, "fundflow.intake.proposal-awarded.v1",
        awarded(projectId, programId, "CHALLENGE", org, 1_000_000, plan(30, 30, 40)));
    await().atMost(WAIT).until(() -> template.findById(projectId, Document.class, "projects").block() != null);
    send(PROJECT_EVENTS, projectId, "fundflow.milestone.milestone-accepted.v1",
        milestoneAccepted(projectId, programId, "m1", 1, 30, 1_000_000, org, false));
    String m1 = "tr-" + projectId + "-m1";
    awaitDisbursement(m1);
    release(m1, prepare(m1), unique("key"), APPROVER_BOB, "PAY-M1").expectStatus().isOk();
    send(PROJECT_EVENTS, projectId, "fundflow.milestone.milestone-accepted.v1",
        milestoneAccepted(projectId, programId, "m2", 2, 30, 1_000_000, org, false));
    String m2 = "tr-" + projectId + "-m2";
    awaitDisbursement(m2);
    long m2Version = prepare(m2);

    send(PROJECT_EVENTS, projectId, "fundflow.milestone.project-terminated.v1",
        "{\"projectId\":\"" + projectId + "\",\"programId\":\"" + programId + "\",\"organisationCode\":\"" + org
            + "\",\"reason\":\"final milestone failed twice\",\"terminatedAt\":\"2027-01-01T00:00:00Z\"}");
    Document cancelled = awaitDisbursement(m2, d -> status(d, "CANCELLED"));
    assertThat(cancelled.getString("cancelReason")).contains("final milestone failed twice");
    assertThat(disbursement(m1).getString("status")).isEqualTo("RELEASED");

    // a milestone accepted after the termination pays nothing; a later event on the same key proves it was consumed
    send(PROJECT_EVENTS, projectId, "fundflow.milestone.milestone-accepted.v1",
        milestoneAccepted(projectId, programId, "m3", 3, 40, 1_000_000, org, true));
    String other = unique("prj");
    send(PROJECT_EVENTS, projectId, "fundflow.milestone.milestone-accepted.v1",
        milestoneAccepted(other, programId, "m1", 1, 50, 1_000, org, false));
    awaitDisbursement("tr-" + other + "-m1");
    assertThat(disbursement("tr-" + projectId + "-m3")).isNull();

    release(m2, m2Version + 1, unique("key"), APPROVER_BOB, "PAY-M2").expectStatus().isEqualTo(HttpStatus.CONFLICT);
    assertThat(program(programId).getLong("releasedFen")).isEqualTo(300_000L);

    List<ConsumerRecord<String, byte[]>> out = published(DISBURSEMENT_EVENTS, projectId,
        seen -> count(seen, "fundflow.subsidy.disbursement-cancelled.v1", m2) >= 1);
    assertThat(count(out, "fundflow.subsidy.disbursement-cancelled.v1", m2)).isEqualTo(1);
    assertValid(out);
  }

  /** Issue 16 point 2: a double click or a retry of "prepare" with its Idempotency-Key changes the payment once. */
  @Test
  void aPreparationSentAgainWithItsIdempotencyKeyPreparesOnce() {
    String programId = unique("prg-gen");
    publishProgram(programId, generalProgram(programId, 1_000_000_000L, 60));
    String id = "adv-" + generalAdvance(programId, organisationCode(), 1_000_000);
    long created = disbursement(id).getLong("version");
    String key = unique("prep-key");
    Map<String, Object> payee = Map.of("payeeName", "天津小部件有限公司", "bank", "天津银行", "accountNumber",
        "6222 0203 0200 1234 567");

    Map<?, ?> first = prepareWithKey(id, created, key, payee).expectStatus().isOk().expectBody(Map.class)
        .returnResult().getResponseBody();
    long prepared = disbursement(id).getLong("version");
    // the same request again, with the same (now stale) If-Match: the same answer, nothing written
    Map<?, ?> again = prepareWithKey(id, created, key, payee).expectStatus().isOk().expectHeader()
        .valueEquals("ETag", "\"" + prepared + "\"").expectBody(Map.class).returnResult().getResponseBody();
    assertThat(again).isEqualTo(first);
    Document stored = disbursement(id);
    assertThat(stored.getLong("version")).isEqualTo(prepared);
    assertThat(stored.getList("history", Document.class)).extracting(h -> h.getString("to"))
        .containsExactly("CREATED", "PREPARED");
    assertThat(stored.getString("prepareFingerprint")).matches("[0-9a-f]{64}");

    // the same key with another account: refused, nothing changed
    prepareWithKey(id, prepared, key, Map.of("payeeName", "天津小部件有限公司", "bank", "天津银行", "accountNumber",
        "6222020302009999999"))
        .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
        .expectHeader().contentType("application/problem+json")
        .expectBody().jsonPath("$.type").isEqualTo("https://fundflow.org/problems/idempotency-key-reused");
    // and by another officer with the same key and body: another request too
    web.post().uri("/disbursements/{id}/preparation", id)
        .headers(h -> {
          h.setBearerAuth(TestJwts.token("olga-2", List.of("FINANCE_OFFICER"), null));
          h.set("Idempotency-Key", key);
        })
        .bodyValue(payee).exchange().expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
    assertThat(disbursement(id).getLong("version")).isEqualTo(prepared);
    assertThat(disbursement(id).get("payee", Document.class).getString("accountNumber")).isEqualTo("6222020302001234567");

    // a new key corrects the payee (a new request), with the current version
    prepareWithKey(id, prepared, unique("prep-key"), Map.of("payeeName", "天津小部件有限公司", "bank", "天津银行",
        "accountNumber", "6222020302009999999")).expectStatus().isOk()
        .expectBody().jsonPath("$.payee.accountNumberMasked").isEqualTo("***************9999")
        .jsonPath("$.history[2].noteCode.code").isEqualTo("prepared")
        .jsonPath("$.history[2].noteCode.args[2].value").isEqualTo("***************9999")
        .jsonPath("$.explanationNote.code").isEqualTo("advance")
        .jsonPath("$.explanationNote.args[0].kind").isEqualTo("FEN")
        .jsonPath("$.explanationNote.args[0].value").isEqualTo("1000000")
        .jsonPath("$.explanationNote.args[1].value").isEqualTo("60")
        .jsonPath("$.explanationNote.args[2].value").isEqualTo("600000");
    // a key over 200 characters is bad input
    web.post().uri("/disbursements/{id}/preparation", id)
        .headers(h -> {
          h.setBearerAuth(OFFICER);
          h.set("Idempotency-Key", "k".repeat(201));
        })
        .bodyValue(payee).exchange().expectStatus().isBadRequest();

    // issue 16: each preparation (not the repeated request, not the refused ones) tells the finance approvers, the
    // account number masked
    String projectId = id.substring("adv-".length());
    List<ConsumerRecord<String, byte[]>> out = published(DISBURSEMENT_EVENTS, projectId,
        seen -> count(seen, "fundflow.subsidy.disbursement-prepared.v1", id) >= 2);
    List<String> preparedEvents = out.stream().filter(r -> type(r).endsWith("disbursement-prepared.v1"))
        .map(SubsidyIT::json).toList();
    assertThat(preparedEvents).hasSize(2);
    assertThat(preparedEvents.get(0)).contains("***************4567", "\"amountFen\":600000", "\"programId\":\""
        + programId + "\"", "\"projectId\":\"" + projectId + "\"").doesNotContain("6222020302001234567");
    assertThat(preparedEvents.get(1)).contains("***************9999").doesNotContain("6222020302009999999");
    assertValid(out);
  }

  WebTestClient.ResponseSpec prepareWithKey(String id, long version, String key, Map<String, Object> body) {
    return web.post().uri("/disbursements/{id}/preparation", id)
        .headers(h -> {
          h.setBearerAuth(OFFICER);
          h.set("If-Match", "\"" + version + "\"");
          h.set("Idempotency-Key", key);
        })
        .bodyValue(body).exchange();
  }

  @Test
  void thePreparerCannotReleaseEvenWithTheApproverRole() {
    String programId = unique("prg-gen");
    publishProgram(programId, generalProgram(programId, 1_000_000_000L, 60));
    String projectId = generalAdvance(programId, organisationCode(), 1_000_000);
    String id = "adv-" + projectId;
    String both = TestJwts.token("pat-both", List.of("FINANCE_OFFICER", "FINANCE_APPROVER"), null);
    long version = prepare(id, both);

    release(id, version, unique("key"), both, "PAY-1")
        .expectStatus().isForbidden()
        .expectHeader().contentType("application/problem+json")
        .expectBody().jsonPath("$.type").isEqualTo("https://fundflow.org/problems/four-eyes");
    // an officer without the approver role cannot release at all
    release(id, version, unique("key"), OFFICER, "PAY-1").expectStatus().isForbidden();
    // an approver cannot prepare
    web.post().uri("/disbursements/{id}/preparation", id).headers(h -> h.setBearerAuth(APPROVER_BOB))
        .bodyValue(Map.of("payeeName", "x", "bank", "y", "accountNumber", "12345678")).exchange()
        .expectStatus().isForbidden();
    assertThat(disbursement(id).getString("status")).isEqualTo("PREPARED");
    release(id, version, unique("key"), APPROVER_BOB, "PAY-1").expectStatus().isOk();
  }

  @Test
  void twoApproversReleasingAtOnceReleaseOnce() throws Exception {
    String programId = unique("prg-gen");
    publishProgram(programId, generalProgram(programId, 1_000_000_000L, 60));
    String projectId = generalAdvance(programId, organisationCode(), 1_000_000);
    String id = "adv-" + projectId;
    long version = prepare(id);

    CountDownLatch start = new CountDownLatch(1);
    CompletableFuture<HttpStatus> bob = CompletableFuture.supplyAsync(() -> {
      awaitLatch(start);
      return status(release(id, version, "bob-key", APPROVER_BOB, "PAY-BOB"));
    });
    CompletableFuture<HttpStatus> carol = CompletableFuture.supplyAsync(() -> {
      awaitLatch(start);
      return status(release(id, version, "carol-key", APPROVER_CAROL, "PAY-CAROL"));
    });
    start.countDown();
    List<HttpStatus> outcomes = List.of(bob.get(), carol.get());
    System.out.println("[subsidy] two approvers at once: " + outcomes);
    assertThat(outcomes).containsOnlyOnce(HttpStatus.OK);
    assertThat(outcomes).allMatch(s -> s == HttpStatus.OK || s == HttpStatus.CONFLICT
        || s == HttpStatus.PRECONDITION_FAILED);

    Document released = disbursement(id);
    assertThat(released.getString("status")).isEqualTo("RELEASED");
    Document budget = program(programId);
    assertThat(budget.getLong("releasedFen")).isEqualTo(600_000L);
    assertThat(budget.getLong("committedFen")).isZero();

    // the winner's retry gets the same answer; the same key with another body is refused
    boolean bobWon = outcomes.get(0) == HttpStatus.OK;
    String winnerToken = bobWon ? APPROVER_BOB : APPROVER_CAROL;
    String winnerKey = bobWon ? "bob-key" : "carol-key";
    String winnerRef = bobWon ? "PAY-BOB" : "PAY-CAROL";
    release(id, version, winnerKey, winnerToken, winnerRef).expectStatus().isOk()
        .expectBody().jsonPath("$.paymentReference").isEqualTo(winnerRef);
    release(id, version, winnerKey, winnerToken, "PAY-OTHER").expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
    assertThat(program(programId).getLong("releasedFen")).isEqualTo(600_000L);

    List<ConsumerRecord<String, byte[]>> out = published(DISBURSEMENT_EVENTS, projectId,
        seen -> count(seen, "fundflow.subsidy.disbursement-released.v1", id) >= 1);
    assertThat(count(out, "fundflow.subsidy.disbursement-released.v1", id)).isEqualTo(1);
    String releasedEvent = out.stream().filter(r -> type(r).endsWith("disbursement-released.v1")).map(SubsidyIT::json)
        .findFirst().orElseThrow();
    assertThat(releasedEvent).contains("***************4567").doesNotContain("6222020302001234567");
    assertValid(out);
  }

  @Test
  void aHoldPlacedBetweenPreparationAndReleaseStopsTheRelease() {
    String programId = unique("prg-gen");
    publishProgram(programId, generalProgram(programId, 1_000_000_000L, 60));
    String org = organisationCode();
    String projectId = generalAdvance(programId, org, 1_000_000);
    String id = "adv-" + projectId;
    long version = prepare(id);

    String holdId = unique("hold");
    send(INTEGRITY_EVENTS, org, "fundflow.integrity.hold-placed.v1", hold(holdId, org));
    Document held = awaitDisbursement(id, d -> status(d, "ON_HOLD"));
    assertThat(held.getString("statusBeforeHold")).isEqualTo("PREPARED");

    release(id, version, unique("key"), APPROVER_BOB, "PAY-1")
        .expectStatus().isEqualTo(HttpStatus.CONFLICT)
        .expectBody().jsonPath("$.type").isEqualTo("https://fundflow.org/problems/organisation-on-hold");
    release(id, held.getLong("version"), unique("key"), APPROVER_BOB, "PAY-1")
        .expectStatus().isEqualTo(HttpStatus.CONFLICT);
    assertThat(program(programId).getLong("releasedFen")).isZero();
    assertThat(program(programId).getLong("committedFen")).isZero();

    // a new disbursement of the held organisation starts ON_HOLD
    String second = generalAdvance(programId, org, 2_000_000);
    assertThat(disbursement("adv-" + second).getString("status")).isEqualTo("ON_HOLD");

    send(INTEGRITY_EVENTS, org, "fundflow.integrity.hold-lifted.v1", hold(holdId, org));
    Document back = awaitDisbursement(id, d -> status(d, "PREPARED"));
    assertThat(awaitDisbursement("adv-" + second, d -> status(d, "CREATED"))).isNotNull();
    release(id, back.getLong("version"), unique("key"), APPROVER_BOB, "PAY-1").expectStatus().isOk();

    web.get().uri("/disbursements/{id}", id).headers(h -> h.setBearerAuth(AUDITOR)).exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.history[*].to").isEqualTo(List.of("CREATED", "PREPARED", "ON_HOLD", "PREPARED", "RELEASED"))
        .jsonPath("$.history[4].by").isEqualTo("bob-approver");

    List<ConsumerRecord<String, byte[]>> out = published(DISBURSEMENT_EVENTS, projectId,
        seen -> count(seen, "fundflow.subsidy.disbursement-released.v1", id) >= 1);
    assertThat(count(out, "fundflow.subsidy.disbursement-held.v1", holdId)).isEqualTo(1);
    assertValid(out);
  }

  static void awaitLatch(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static HttpStatus status(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec spec) {
    return HttpStatus.valueOf(spec.returnResult(String.class).getStatus().value());
  }
}
