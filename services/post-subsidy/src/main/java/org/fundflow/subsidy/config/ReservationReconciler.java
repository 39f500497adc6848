package org.fundflow.subsidy.config;

import java.time.Duration;
import org.fundflow.subsidy.application.port.in.DisbursementsUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Periodically finishes (RELEASED) or gives back (anything else) budget reservations a crash left behind. */
public class ReservationReconciler implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ReservationReconciler.class);

  private final DisbursementsUseCase useCase;
  private final Duration every;
  private volatile Disposable loop;

  public ReservationReconciler(DisbursementsUseCase useCase, Duration every) {
    this.useCase = useCase;
    this.every = every;
  }

  @Override
  public synchronized void start() {
    loop = Flux.interval(every, every)
        .concatMap(tick -> useCase.reconcile()
            .doOnNext(n -> {
              if (n > 0) {
                log.info("reconciled {} budget reservations left by interrupted releases", n);
              }
            })
            .onErrorResume(e -> {
              log.warn("reservation reconciliation failed: {}", e.toString());
              return Mono.just(0);
            }))
        .subscribe();
  }

  @Override
  public synchronized void stop() {
    if (loop != null) {
      loop.dispose();
      loop = null;
    }
  }

  @Override
  public boolean isRunning() {
    return loop != null;
  }
}
