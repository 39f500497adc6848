package org.fundflow.subsidy.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/**
 * Issue 17 point 5 over the real broker and store: a suspended project's payment waits and is refused until the
 * project is resumed; a terminated project's unpaid award is published once, however often the termination comes.
 */
class PostAwardIT extends SubsidyIT {

  static String plan() {
    return "[{\"milestoneId\":\"m1\",\"sequence\":1,\"title\":\"t\",\"deliverables\":[],\"dueDate\":\"2027-01-01\","
        + "\"tranchePercent\":30},{\"milestoneId\":\"m2\",\"sequence\":2,\"title\":\"t\",\"deliverables\":[],"
        + "\"dueDate\":\"2027-06-01\",\"tranchePercent\":70}]";
  }

  static String suspension(String projectId, String programId, String org, String by) {
    return "{\"projectId\":\"" + projectId + "\",\"programId\":\"" + programId + "\",\"organisationCode\":\"" + org
        + "\",\"reason\":\"专项审计\",\"" + by + "\":\"pm\",\"" + by.replace("By", "At") + "\":\"2027-01-01T00:00:00Z\"}";
  }

  /** A CHALLENGE project with its first tranche (30 % of 1,000,000 fen) created. */
  String projectWithFirstTranche(String programId, String projectId, String org) {
    publishProgram(programId, challengeProgram(programId, 1_000_000_000L));
    send(PROPOSAL_EVENTS, projectId, "fundflow.intake.proposal-awarded.v1",
        awarded(projectId, programId, "CHALLENGE", org, 1_000_000, plan()));
    await().atMost(WAIT).until(() -> template.findById(projectId, Document.class, "projects").block() != null);
    send(PROJECT_EVENTS, projectId, "fundflow.milestone.milestone-accepted.v1",
        milestoneAccepted(projectId, programId, "m1", 1, 30, 1_000_000, org, false));
    String m1 = "tr-" + projectId + "-m1";
    awaitDisbursement(m1);
    return m1;
  }

  @Test
  void aSuspendedProjectIsNotPaidUntilItIsResumed() {
    String programId = unique("prg-ch");
    String projectId = unique("prj");
    String org = organisationCode();
    String m1 = projectWithFirstTranche(programId, projectId, org);
    long prepared = prepare(m1);

    send(PROJECT_EVENTS, projectId, "fundflow.milestone.project-suspended.v1",
        suspension(projectId, programId, org, "suspendedBy"));
    Document held = awaitDisbursement(m1, d -> status(d, "ON_HOLD"));
    assertThat(held.getString("holdId")).isEqualTo("project-suspended:" + projectId);
    String refused = release(m1, held.getLong("version"), unique("key"), APPROVER_BOB, "PAY-1")
        .expectStatus().isEqualTo(HttpStatus.CONFLICT).expectBody(String.class).returnResult().getResponseBody();
    assertThat(refused).contains("project-suspended");

    send(PROJECT_EVENTS, projectId, "fundflow.milestone.project-resumed.v1",
        suspension(projectId, programId, org, "resumedBy"));
    Document back = awaitDisbursement(m1, d -> status(d, "PREPARED"));
    assertThat(back.getLong("version")).isGreaterThan(prepared);
    release(m1, back.getLong("version"), unique("key"), APPROVER_BOB, "PAY-1").expectStatus().isOk();
  }

  @Test
  void aTerminatedProjectsUnpaidAwardIsPublishedOnceEvenWhenTheTerminationComesAgain() {
    String programId = unique("prg-ch");
    String projectId = unique("prj");
    String org = organisationCode();
    String m1 = projectWithFirstTranche(programId, projectId, org);
    release(m1, prepare(m1), unique("key"), APPROVER_BOB, "PAY-1").expectStatus().isOk();

    String terminated = "{\"projectId\":\"" + projectId + "\",\"programId\":\"" + programId
        + "\",\"organisationCode\":\"" + org + "\",\"reason\":\"挪用专项资金\",\"terminatedAt\":\"2027-02-01T00:00:00Z\","
        + "\"cause\":\"MANAGER_DECISION\",\"terminatedBy\":\"pm\",\"awardedAmountFen\":1000000}";
    String eventId = send(PROJECT_EVENTS, projectId, "fundflow.milestone.project-terminated.v1", terminated);
    send(PROJECT_EVENTS, projectId, "fundflow.milestone.project-terminated.v1", terminated, eventId); // redelivered
    send(PROJECT_EVENTS, projectId, "fundflow.milestone.project-terminated.v1", terminated); // again, another id

    List<ConsumerRecord<String, byte[]>> out = published(DISBURSEMENT_EVENTS, projectId,
        seen -> count(seen, "fundflow.subsidy.award-remainder-released.v1", projectId) >= 1);
    // a later event on the same key shows the duplicates were consumed meanwhile
    String other = unique("prj");
    send(PROJECT_EVENTS, projectId, "fundflow.milestone.milestone-accepted.v1",
        milestoneAccepted(other, programId, "m1", 1, 50, 1_000, org, false));
    awaitDisbursement("tr-" + other + "-m1");
    out = published(DISBURSEMENT_EVENTS, projectId,
        seen -> count(seen, "fundflow.subsidy.award-remainder-released.v1", projectId) >= 1);

    assertThat(count(out, "fundflow.subsidy.award-remainder-released.v1", projectId)).isEqualTo(1);
    String remainder = out.stream().filter(r -> type(r).equals("fundflow.subsidy.award-remainder-released.v1"))
        .map(SubsidyIT::json).findFirst().orElseThrow();
    assertThat(remainder).contains("\"awardedFen\":1000000", "\"paidFen\":300000", "\"remainderFen\":700000",
        "\"terminationEventId\":\"" + eventId + "\"");
    assertThat(template.findById(projectId, Document.class, "award-remainders").block()).isNotNull();
    assertValid(out);
  }
}
