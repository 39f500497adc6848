package org.fundflow.intake.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fundflow.intake.application.port.out.Programs.Reservation.RESERVED;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
    String program = openProgram("GENERAL", 4 * AMOUNT, AMOUNT);
    String abandoned = underReview(program, "91120116MA05XAMP1Q", AMOUNT);
    String awardedAfterRetry = underReview(program, "91120116NDTRDKFEE1", AMOUNT);
    String inFlight = underReview(program, "91120116NDTRDKFEF4", AMOUNT);
    String fresh = underReview(program, "91120116REL15T02BU", AMOUNT);
    Programs programs = mongo.programs();
    Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
    Instant justNow = Instant.now();

    // the crash: reserved an hour ago, the award never written
    assertThat(programs.reserve(program, 4 * AMOUNT, abandoned, AMOUNT, anHourAgo).block()).isEqualTo(RESERVED);
    // reserved an hour ago by a request that crashed; a retry found the reservation and wrote the award
    assertThat(programs.reserve(program, 4 * AMOUNT, awardedAfterRetry, AMOUNT, anHourAgo).block()).isEqualTo(RESERVED);
    json(post(manager(), "/proposals/" + awardedAfterRetry + "/award", Map.of("amountFen", AMOUNT)), HttpStatus.OK);
    // an award being written right now: within the lease
    assertThat(programs.reserve(program, 4 * AMOUNT, inFlight, AMOUNT, justNow).block()).isEqualTo(RESERVED);
    // an award that went through: its own request settled the reservation
    json(post(manager(), "/proposals/" + fresh + "/award", Map.of("amountFen", AMOUNT)), HttpStatus.OK);
    assertThat(committed(program)).isEqualTo(4 * AMOUNT);
    assertThat(pending(program)).containsExactlyInAnyOrder(abandoned, awardedAfterRetry, inFlight);

    // two replicas sweep at the same time (the scheduled sweep may run too): each reservation is settled once
    Mono.zip(reconciler.reconcile(), reconciler.reconcile()).block();
    assertSettled(program, awardedAfterRetry, inFlight, fresh);

    // sweeping again changes nothing; the abandoned proposal is still under review and can be awarded now
    reconciler.reconcile().block();
    assertSettled(program, awardedAfterRetry, inFlight, fresh);
    assertThat(json(get(manager(), "/proposals/" + abandoned), HttpStatus.OK).get("status")).isEqualTo("UNDER_REVIEW");
    json(post(manager(), "/proposals/" + abandoned + "/award", Map.of("amountFen", AMOUNT)), HttpStatus.OK);
    assertThat(committed(program)).isEqualTo(4 * AMOUNT);

    // the in-flight award completes; settle it here rather than leave it to a later sweep in another test's run
    json(post(manager(), "/proposals/" + inFlight + "/award", Map.of("amountFen", AMOUNT)), HttpStatus.OK);
    assertThat(programs.confirm(new Programs.PendingReservation(program, inFlight, AMOUNT, justNow)).block()).isTrue();
    assertThat(pending(program)).isEmpty();
  }

  /** The abandoned reservation given back, the awarded ones kept, only the one within its lease still pending. */
  void assertSettled(String program, String awardedAfterRetry, String inFlight, String fresh) {
    assertThat(committed(program)).isEqualTo(3 * AMOUNT);
    Document stored = template.findById(program, Document.class, MongoPrograms.COLLECTION).block();
    assertThat(((Document) stored.get("commitments")).keySet())
        .containsExactlyInAnyOrder(awardedAfterRetry, inFlight, fresh);
    assertThat(pending(program)).containsExactly(inFlight);
  }

  List<String> pending(String program) {
    Document stored = template.findById(program, Document.class, MongoPrograms.COLLECTION).block();
    return stored.getList("pendingReservations", Document.class, List.of()).stream()
        .map(d -> d.getString("proposalId")).toList();
  }

  long committed(String program) {
    return ((Number) json(get(manager(), "/programs/" + program), HttpStatus.OK).get("awardedFen")).longValue();
  }
}
