package org.fundflow.intake.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class AwardRaceIT extends IntakeIT {

  @Test
  void givenBudgetForThree_whenTenAwardsRace_thenExactlyThreeSucceedAndTheBudgetHolds() throws Exception {
    long amount = 1_000_000;
    String program = openProgram("GENERAL", 3 * amount, amount);
    List<String> proposals = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      proposals.add(underReview(program, ORGS.get(i), amount));
    }

    ExecutorService pool = Executors.newFixedThreadPool(10);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> results = new ArrayList<>();
    try {
      for (String id : proposals) {
        Callable<Integer> award = () -> {
          start.await();
          return post(manager(), "/proposals/" + id + "/award", Map.of("amountFen", amount))
              .returnResult(String.class).getStatus().value();
        };
        results.add(pool.submit(award));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : results) {
        statuses.add(f.get());
      }
      assertThat(statuses).filteredOn(s -> s == 200).hasSize(3);
      assertThat(statuses).filteredOn(s -> s == 422).hasSize(7);
    } finally {
      pool.shutdownNow();
    }

    Map<String, Object> after = json(get(manager(), "/programs/" + program), HttpStatus.OK);
    assertThat(after.get("awardedFen")).isEqualTo((int) (3 * amount));
    assertThat(after.get("remainingToAwardFen")).isEqualTo(0);
    Map<String, Object> awarded = json(get(auditor(), "/proposals?programId=" + program + "&status=AWARDED"), HttpStatus.OK);
    assertThat((List<?>) awarded.get("items")).hasSize(3);

    // a refused award left the proposal under review, and refuses with the budget problem
    String loser = proposals.stream().filter(id -> "UNDER_REVIEW".equals(
        json(get(manager(), "/proposals/" + id), HttpStatus.OK).get("status"))).findFirst().orElseThrow();
    assertProblem(json(post(manager(), "/proposals/" + loser + "/award", Map.of("amountFen", 1)),
        HttpStatus.UNPROCESSABLE_CONTENT), "budget-exhausted");
  }

  @Test
  void givenSameProposal_whenAwardedTwiceConcurrently_thenOneAwardAndOneReservation() throws Exception {
    long amount = 500_000;
    String program = openProgram("GENERAL", 10 * amount, amount);
    String id = underReview(program, ORGS.get(11), amount);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> results = new ArrayList<>();
    try {
      for (int i = 0; i < 4; i++) {
        results.add(pool.submit(() -> {
          start.await();
          return post(manager(), "/proposals/" + id + "/award", Map.of("amountFen", amount)).returnResult(String.class)
              .getStatus().value();
        }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : results) {
        statuses.add(f.get());
      }
      assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
      assertThat(statuses).filteredOn(s -> s == 409).hasSize(3);
    } finally {
      pool.shutdownNow();
    }
    assertThat(json(get(manager(), "/programs/" + program), HttpStatus.OK).get("awardedFen")).isEqualTo((int) amount);
  }
}
