package org.fundflow.subsidy.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Date;
import org.bson.Document;
import org.fundflow.subsidy.application.port.in.DisbursementsUseCase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

class ProgramCopyAndReconcileIT extends SubsidyIT {

  @Autowired DisbursementsUseCase disbursements;

  String revision(String programId, long budget, int revision) {
    return generalProgram(programId, budget, 60).replace("\"revision\":1", "\"revision\":" + revision);
  }

  @Test
  void aProgramCopyIsReplacedOnlyByANewerRevisionAndKeepsItsTotals() {
    String programId = unique("prg-rev");
    publishProgram(programId, revision(programId, 5_000_000, 2));
    String projectId = unique("prj");
    send(PROPOSAL_EVENTS, projectId, "fundflow.intake.proposal-awarded.v1",
        awarded(projectId, programId, "GENERAL", organisationCode(), 1_000_000, DisbursementLifecycleIT.FINAL));
    awaitDisbursement("adv-" + projectId);
    release("adv-" + projectId, prepare("adv-" + projectId), unique("k"), APPROVER_BOB, "PAY").expectStatus().isOk();

    // an older revision arrives late: ignored (a later event on the same key proves it was consumed)
    send(PROGRAM_EVENTS, programId, "fundflow.intake.program-changed.v1", revision(programId, 1, 1));
    String sentinel = unique("prg-rev");
    send(PROGRAM_EVENTS, programId, "fundflow.intake.program-published.v1", revision(sentinel, 7, 1));
    await().atMost(WAIT).until(() -> program(sentinel) != null);
    assertThat(program(programId).getLong("budgetFen")).isEqualTo(5_000_000L);

    send(PROGRAM_EVENTS, programId, "fundflow.intake.program-changed.v1", revision(programId, 9_000_000, 3));
    await().atMost(WAIT).until(() -> program(programId).getLong("budgetFen") == 9_000_000L);
    Document p = program(programId);
    assertThat(p.getLong("revision")).isEqualTo(3L);
    assertThat(p.getLong("releasedFen")).isEqualTo(600_000L);
    assertThat(p.getLong("allocatedFen")).isEqualTo(600_000L);
  }

  @Test
  void theReconcilerUndoesAReservationLeftByAnInterruptedReleaseAndConfirmsAFinishedOne() {
    String programId = unique("prg-rec");
    publishProgram(programId, generalProgram(programId, 10_000_000, 60));
    String unreleased = unique("prj");
    String released = unique("prj");
    for (String projectId : new String[] {unreleased, released}) {
      send(PROPOSAL_EVENTS, projectId, "fundflow.intake.proposal-awarded.v1",
          awarded(projectId, programId, "GENERAL", organisationCode(), 1_000_000, DisbursementLifecycleIT.FINAL));
      awaitDisbursement("adv-" + projectId);
    }
    // simulate crashes: a reservation whose release never got written, and a release whose reservation was never confirmed
    Date longAgo = new Date(System.currentTimeMillis() - 3_600_000);
    template.updateFirst(new Query(Criteria.where("_id").is(programId)), new Update()
        .inc("committedFen", 1_200_000L).inc("allocatedFen", 1_200_000L)
        .set("commitments.adv-" + unreleased, new Document("disbursementId", "adv-" + unreleased)
            .append("amountFen", 600_000L).append("state", "RESERVED").append("at", longAgo))
        .set("commitments.adv-" + released, new Document("disbursementId", "adv-" + released)
            .append("amountFen", 600_000L).append("state", "RESERVED").append("at", longAgo)), "programs").block();
    template.updateFirst(new Query(Criteria.where("_id").is("adv-" + released)),
        new Update().set("status", "RELEASED"), "disbursements").block();
    // the budget view names the two figures by their meaning: reserved for a release in flight vs paid
    web.get().uri("/programs/{p}/budget", programId).headers(h -> h.setBearerAuth(AUDITOR)).exchange()
        .expectStatus().isOk().expectBody()
        .jsonPath("$.reservedForReleaseFen").isEqualTo(1_200_000)
        .jsonPath("$.paidFen").isEqualTo(0)
        .jsonPath("$.remainingToPayFen").isEqualTo(8_800_000);

    assertThat(disbursements.reconcile().block()).isGreaterThanOrEqualTo(2);

    Document p = program(programId);
    assertThat(p.getLong("committedFen")).isZero();
    assertThat(p.getLong("releasedFen")).isEqualTo(600_000L);
    assertThat(p.getLong("allocatedFen")).isEqualTo(600_000L);
    assertThat(p.get("commitments", Document.class).containsKey("adv-" + unreleased)).isFalse();
    web.get().uri("/programs/{p}/budget", programId).headers(h -> h.setBearerAuth(AUDITOR)).exchange()
        .expectStatus().isOk().expectBody()
        .jsonPath("$.reservedForReleaseFen").isEqualTo(0)
        .jsonPath("$.paidFen").isEqualTo(600_000)
        .jsonPath("$.remainingToPayFen").isEqualTo(9_400_000);
  }
}
