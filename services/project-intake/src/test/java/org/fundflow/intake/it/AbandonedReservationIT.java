package org.fundflow.intake.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.bson.Document;
import org.fundflow.intake.adapter.out.mongo.MongoAdapters;
import org.fundflow.intake.adapter.out.mongo.MongoPrograms;
import org.fundflow.intake.application.port.in.ReconcileReservationsUseCase;
import org.fundflow.intake.application.port.out.Programs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;

/**
 * A crash between the budget reservation and the award's write leaves budget reserved with no award. The sweep
 * gives such a reservation back once its lease is over, keeps (confirms) one whose proposal was awarded, leaves a
 * fresh one alone, and does each exactly once even when two replicas sweep at the same time.
 */
class AbandonedReservationIT extends IntakeIT {

  static final long AMOUNT = 1_000_000;

  @Autowired MongoAdapters mongo;
  @Autowired ReconcileReservationsUseCase reconciler;
  @Autowired ReactiveMongoTemplate template;

  @Test
  void givenAReservationWhoseAwardWasNeverWritten_whenTheLeaseIsOver_thenTheSweepGivesTheBudgetBack() {
    String program = openProgram("GENERAL", 3 * AMOUNT, AMOUNT);
    String abandoned = underReview(program, "91120116MA05XAMP1Q", AMOUNT);
    String awardedAfterRetry = underReview(program, "91120116NDTRDKFEE1", AMOUNT);
    String fresh = underReview(program, "91120116NDTRDKFEF4", AMOUNT);
    Programs programs = mongo.programs();
    Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));

    // the crash: reserved an hour ago, the award never written
    assertThat(programs.reserve(program, 3 * AMOUNT, abandoned, AMOUNT, anHourAgo).block())
        .isEqualTo(Programs.Reservation.RESERVED);
    // reserved an hour ago, the award written later (a retry found the reservation and completed the award)
    assertThat(programs.reserve(program, 3 * AMOUNT, awardedAfterRetry, AMOUNT, anHourAgo).block())
        .isEqualTo(Programs.Reservation.RESERVED);
    json(post(manager(), "/proposals/" + awardedAfterRetry + "/award", Map.of("amountFen", AMOUNT)), HttpStatus.OK);
    // an award just now: its reservation is within the lease
    json(post(manager(), "/proposals/" + fresh + "/award", Map.of("amountFen", AMOUNT)), HttpStatus.OK);
    assertThat(committed(program)).isEqualTo(3 * AMOUNT);

    // two replicas sweep at the same time (the scheduled sweep may run too): the budget is given back once
    Mono.zip(reconciler.reconcile(), reconciler.reconcile()).block();
    assertSettled(program, awardedAfterRetry, fresh);

    // sweeping again changes nothing, and the abandoned proposal can now be awarded
    reconciler.reconcile().block();
    assertSettled(program, awardedAfterRetry, fresh);
    assertThat(json(get(manager(), "/proposals/" + abandoned), HttpStatus.OK).get("status")).isEqualTo("UNDER_REVIEW");
    json(post(manager(), "/proposals/" + abandoned + "/award", Map.of("amountFen", AMOUNT)), HttpStatus.OK);
    assertThat(committed(program)).isEqualTo(3 * AMOUNT);
  }

  /** Both awards committed, the abandoned reservation gone, only the fresh one still pending. */
  void assertSettled(String program, String awardedAfterRetry, String fresh) {
    assertThat(committed(program)).isEqualTo(2 * AMOUNT);
    Document stored = template.findById(program, Document.class, MongoPrograms.COLLECTION).block();
    assertThat(((Document) stored.get("commitments")).keySet()).containsExactlyInAnyOrder(awardedAfterRetry, fresh);
    assertThat(stored.getList("pendingReservations", Document.class)).extracting(d -> d.getString("proposalId"))
        .containsExactly(fresh);
  }

  long committed(String program) {
    return ((Number) json(get(manager(), "/programs/" + program), HttpStatus.OK).get("committedFen")).longValue();
  }
}
