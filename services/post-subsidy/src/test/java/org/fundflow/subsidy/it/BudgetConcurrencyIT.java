package org.fundflow.subsidy.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;

class BudgetConcurrencyIT extends SubsidyIT {

  static final int RELEASES = 50;
  static final long AMOUNT = 1_000_000; // 10,000.00 each
  static final long BUDGET = 20 * AMOUNT; // room for 20 of the 50

  @Test
  void theBudgetIsNeverExceededUnderFiftyConcurrentReleases() throws Exception {
    String programId = unique("prg-budget");
    publishProgram(programId, generalProgram(programId, BUDGET, 100));
    String org = organisationCode();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < RELEASES; i++) {
      String projectId = unique("prj");
      send(PROPOSAL_EVENTS, projectId, "fundflow.intake.proposal-awarded.v1",
          awarded(projectId, programId, "GENERAL", org, AMOUNT, DisbursementLifecycleIT.FINAL));
      ids.add("adv-" + projectId);
    }
    await().atMost(WAIT).until(() -> template.count(new Query(Criteria.where("programId").is(programId)),
        "disbursements").block() == RELEASES);
    Map<String, Long> versions = new TreeMap<>();
    for (String id : ids) {
      versions.put(id, prepare(id));
    }

    ExecutorService pool = Executors.newFixedThreadPool(RELEASES);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<HttpStatus>> results = new ArrayList<>();
    for (String id : ids) {
      results.add(pool.submit(() -> {
        start.await();
        return DisbursementLifecycleIT.status(release(id, versions.get(id), "key-" + id, APPROVER_BOB, "PAY-" + id));
      }));
    }
    start.countDown();
    Map<HttpStatus, Integer> outcomes = new TreeMap<>();
    for (Future<HttpStatus> f : results) {
      outcomes.merge(f.get(), 1, Integer::sum);
    }
    pool.shutdown();
    System.out.println("[subsidy] 50 concurrent releases against a budget for 20: " + outcomes);

    assertThat(outcomes).containsEntry(HttpStatus.OK, 20).containsEntry(HttpStatus.UNPROCESSABLE_CONTENT, 30);
    Document budget = program(programId);
    assertThat(budget.getLong("releasedFen")).isEqualTo(BUDGET);
    assertThat(budget.getLong("committedFen")).isZero();
    assertThat(budget.getLong("allocatedFen")).isEqualTo(BUDGET);
    long releasedInDisbursements = template.find(new Query(Criteria.where("programId").is(programId)
            .and("status").is("RELEASED")), Document.class, "disbursements")
        .map(d -> d.getLong("amountFen")).reduce(0L, Long::sum).block();
    assertThat(releasedInDisbursements).isEqualTo(BUDGET);

    // the finance list shows the totals per status
    web.get().uri("/disbursements?programId={p}", programId).headers(h -> h.setBearerAuth(OFFICER)).exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.count").isEqualTo(RELEASES)
        .jsonPath("$.byStatus.RELEASED.totalFen").isEqualTo(BUDGET)
        .jsonPath("$.byStatus.PREPARED.count").isEqualTo(30);
    // paged by the store: 20 + 20 + 10 in id order, each page with the totals of all 50
    List<String> paged = new ArrayList<>();
    String after = null;
    List<Integer> sizes = new ArrayList<>();
    do {
      String from = after;
      Map<?, ?> page = web.get().uri(u -> {
            u.path("/disbursements").queryParam("programId", programId).queryParam("limit", 20);
            return (from == null ? u : u.queryParam("after", from)).build();
          }).headers(h -> h.setBearerAuth(OFFICER)).exchange()
          .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
      assertThat(page.get("count")).isEqualTo(RELEASES);
      List<?> items = (List<?>) page.get("items");
      sizes.add(items.size());
      items.forEach(i -> paged.add((String) ((Map<?, ?>) i).get("id")));
      after = (String) page.get("nextAfter");
    } while (after != null && sizes.size() < 5);
    assertThat(sizes).containsExactly(20, 20, 10);
    assertThat(paged).doesNotHaveDuplicates().isSorted().hasSize(RELEASES);
    web.get().uri("/programs/{p}/budget", programId).headers(h -> h.setBearerAuth(AUDITOR)).exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.budgetFen").isEqualTo(BUDGET)
        .jsonPath("$.paidFen").isEqualTo(BUDGET)
        .jsonPath("$.reservedForReleaseFen").isEqualTo(0)
        .jsonPath("$.remainingToPayFen").isEqualTo(0)
        // the old ambiguous words are gone (issue 12 point 11)
        .jsonPath("$.committedFen").doesNotExist()
        .jsonPath("$.releasedFen").doesNotExist()
        .jsonPath("$.remainingFen").doesNotExist();
  }
}
