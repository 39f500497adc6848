package org.fundflow.subsidy.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * Issue 12 point 2, the guarantee against the real broker and store: once a hold is visible in post-subsidy, no
 * payment to that organisation is released. Prepared payments of one organisation; an approver releases them in a
 * loop (reading each one, then releasing it with its current version and a new key) while hold-placed arrives. In
 * the approver's own sequence of observations, after the first that shows the hold (a payment read ON_HOLD, or a
 * release refused {@code organisation-on-hold}), no release answers 200; every payment ends RELEASED or ON_HOLD,
 * an ON_HOLD one was never released, and the budget counts exactly the released ones.
 */
class HoldReleaseRaceIT extends SubsidyIT {

  static final int PAYMENTS = 30;
  static final long AWARDED = 1_000_000L;
  static final String ON_HOLD_TYPE = "https://fundflow.org/problems/organisation-on-hold";

  /** One observation of the approver, in its order. */
  record Seen(int seq, String disbursementId, String what, int httpStatus, String detail, Instant at) {
    boolean showsHold() {
      return (what.equals("GET") && "ON_HOLD".equals(detail))
          || (what.equals("RELEASE") && httpStatus == 409 && detail != null && detail.contains(ON_HOLD_TYPE));
    }
  }

  @Test
  void aHoldArrivingWhileAnApproverRetriesReleases_noReleaseAnswers200AfterTheHoldIsVisible() throws Exception {
    String programId = unique("prg-race");
    publishProgram(programId, generalProgram(programId, 1_000_000_000L, 60));
    String org = organisationCode();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < PAYMENTS; i++) {
      String projectId = unique("prj-race");
      send(PROPOSAL_EVENTS, projectId, "fundflow.intake.proposal-awarded.v1",
          awarded(projectId, programId, "GENERAL", org, AWARDED, DisbursementLifecycleIT.FINAL));
      ids.add("adv-" + projectId);
    }
    for (String id : ids) {
      awaitDisbursement(id);
      prepare(id);
    }

    List<Seen> seen = new CopyOnWriteArrayList<>();
    Set<String> releasedByApprover = ConcurrentHashMap.newKeySet();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger passes = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    CompletableFuture<Void> approver = CompletableFuture.runAsync(() -> {
      try {
        while (!stop.get() && releasedByApprover.size() < ids.size()) {
          for (String id : ids) {
            if (stop.get()) {
              break;
            }
            if (!releasedByApprover.contains(id)) {
              attempt(id, seen, releasedByApprover);
            }
          }
          passes.incrementAndGet();
        }
      } catch (Throwable t) {
        failure.set(t);
      }
    });

    await().atMost(WAIT).until(() -> releasedByApprover.size() >= 2 || failure.get() != null);
    assertThat(failure.get()).isNull();
    String holdId = unique("hold-race");
    Instant sent = Instant.now();
    send(INTEGRITY_EVENTS, org, "fundflow.integrity.hold-placed.v1", hold(holdId, org));

    // every payment has come to rest (released, or held), and the approver kept trying for two more passes
    await().atMost(WAIT).until(() -> ids.stream().map(this::disbursement)
        .allMatch(d -> status(d, "RELEASED") || status(d, "ON_HOLD")) || failure.get() != null);
    int mark = passes.get();
    await().atMost(WAIT).until(() -> passes.get() >= mark + 2 || approver.isDone());
    stop.set(true);
    approver.get();
    assertThat(failure.get()).isNull();

    int firstHoldSeen = -1;
    for (Seen s : seen) {
      if (s.showsHold()) {
        firstHoldSeen = s.seq();
        break;
      }
    }
    List<String> heldIds = ids.stream().filter(id -> status(disbursement(id), "ON_HOLD")).toList();
    System.out.printf("[subsidy] hold vs release loop: %d payments, %d released by the approver, %d held; hold first "
            + "seen by the approver %s ms after hold-placed was sent; %d observations%n", ids.size(),
        releasedByApprover.size(), heldIds.size(), firstHoldSeen < 0 ? "never" :
            Duration.between(sent, seen.get(firstHoldSeen).at()).toMillis(), seen.size());

    assertThat(heldIds).as("payments prepared before the hold were stopped by it").isNotEmpty();
    assertThat(firstHoldSeen).as("the approver saw the hold").isGreaterThanOrEqualTo(0);
    final int visible = firstHoldSeen;
    assertThat(seen.stream().filter(s -> s.seq() > visible && s.what().equals("RELEASE") && s.httpStatus() == 200))
        .as("a release answered 200 after the hold was visible").isEmpty();
    for (String id : heldIds) {
      assertThat(releasedByApprover).doesNotContain(id);
      assertThat(disbursement(id).getString("statusBeforeHold")).isEqualTo("PREPARED");
    }
    for (String id : releasedByApprover) {
      assertThat(disbursement(id).getString("status")).isEqualTo("RELEASED");
    }
    Document budget = program(programId);
    assertThat(budget.getLong("releasedFen")).isEqualTo(releasedByApprover.size() * AWARDED * 60 / 100);
    assertThat(budget.getLong("committedFen")).isZero();
    assertThat(template.findById(org, Document.class, "holds").block().getList("active", String.class))
        .containsExactly(holdId);
  }

  /** What the approver does: read the payment; when it is PREPARED, release it with its version and a new key. */
  @SuppressWarnings("unchecked")
  void attempt(String id, List<Seen> seen, Set<String> released) {
    EntityExchangeResult<Map> read = web.get().uri("/disbursements/{id}", id).headers(h -> h.setBearerAuth(APPROVER_BOB))
        .exchange().expectBody(Map.class).returnResult();
    String status = String.valueOf(read.getResponseBody().get("status"));
    seen.add(new Seen(seen.size(), id, "GET", read.getStatus().value(), status, Instant.now()));
    if (!status.equals("PREPARED")) {
      return;
    }
    long version = Long.parseLong(read.getResponseHeaders().getETag().replace("\"", ""));
    EntityExchangeResult<String> r = release(id, version, unique("key"), APPROVER_BOB, "PAY-" + id)
        .expectBody(String.class).returnResult();
    int code = r.getStatus().value();
    seen.add(new Seen(seen.size(), id, "RELEASE", code, r.getResponseBody(), Instant.now()));
    if (code == 200) {
      released.add(id);
    }
  }
}
