package org.fundflow.integrity.adapter.in.scheduling;

import java.time.Duration;
import org.fundflow.integrity.application.port.in.HoldUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Ends holds at their end date: every {@code fundflow.integrity.hold-sweep-interval} it lifts the
 * holds that are due (hold-lifted, reason EXPIRED). A failed sweep is logged and the next one
 * tries again; with several replicas the records' optimistic versions let only one lift a hold.
 */
public final class HoldExpirySweep implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(HoldExpirySweep.class);

  private final HoldUseCase holds;
  private final Duration interval;
  private volatile Disposable running;

  public HoldExpirySweep(HoldUseCase holds, Duration interval) {
    this.holds = holds;
    this.interval = interval;
  }

  @Override
  public void start() {
    running = Flux.interval(interval, interval)
        .onBackpressureDrop()
        .concatMap(tick -> holds.expireDue()
            .doOnNext(n -> {
              if (n > 0) {
                log.info("hold sweep lifted {} expired hold(s)", n);
              }
            })
            .onErrorResume(e -> {
              log.warn("hold sweep failed, next in {}: {}", interval, e.toString());
              return Mono.empty();
            }), 1)
        .subscribe();
  }

  @Override
  public void stop() {
    Disposable d = running;
    if (d != null) {
      d.dispose();
    }
    running = null;
  }

  @Override
  public boolean isRunning() {
    return running != null;
  }
}
