package org.fundflow.intake.adapter.in.web;

import java.lang.reflect.Proxy;
import java.time.Duration;
import org.fundflow.intake.application.port.in.DecisionUseCase;
import org.fundflow.intake.application.port.in.ProgramUseCase;
import org.fundflow.intake.application.port.in.ProposalUseCase;
import org.fundflow.platform.problem.ProblemResponses;
import org.fundflow.platform.resilience.StoreGuard;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A store that does not answer (stopped or killed) must give 503 + Retry-After problems within the store guard's
 * time limit, not hang until the client gives up: the fault tests (infra/fault-tests) found project-intake's
 * controllers without the guard the other services have, waiting 30 s for the driver's server selection.
 */
class StoreDownTest {

  /** Use cases whose every store access never completes, as with a store that is down. */
  @SuppressWarnings("unchecked")
  static <T> T hanging(Class<T> type) {
    return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
      if (method.getReturnType() == Mono.class) {
        return Mono.never();
      }
      if (method.getReturnType() == Flux.class) {
        return Flux.never();
      }
      throw new UnsupportedOperationException(method.getName());
    });
  }

  final StoreGuard guard = new StoreGuard(Duration.ofMillis(300),
      io.github.resilience4j.circuitbreaker.CircuitBreaker.ofDefaults(StoreGuard.BREAKER));
  final WebTestClient web = WebTestClient.bindToController(
          new ProgramController(hanging(ProgramUseCase.class), guard),
          new ProposalController(hanging(ProposalUseCase.class), hanging(DecisionUseCase.class), guard))
      .controllerAdvice(new ProblemResponses())
      .configureClient().responseTimeout(Duration.ofSeconds(10)).build();

  @Test
  void aProgramReadAnswers503WithRetryAfterWhileTheStoreDoesNotAnswer() {
    web.get().uri("/challenges/ch-1").exchange()
        .expectStatus().isEqualTo(503)
        .expectHeader().exists("Retry-After")
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.type").isEqualTo("https://fundflow.org/problems/store-unavailable");
  }

  @Test
  void aChallengeListAnswers503WithRetryAfterWhileTheStoreDoesNotAnswer() {
    web.get().uri("/programs/prg-1/challenges").exchange()
        .expectStatus().isEqualTo(503)
        .expectHeader().exists("Retry-After");
  }
}
