package org.fundflow.platform.scheduling;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs a sweep every {@code interval} while the application runs, one at a time: a tick that comes while the
 * previous sweep still runs is dropped, a failed sweep is logged and the next tick tries again. Every replica
 * runs its own; the sweep itself must be safe with several (conditional or version-checked writes).
 */
public final class PeriodicSweep implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(PeriodicSweep.class);

  private final String name;
  private final Duration interval;
  private final Supplier<Mono<?>> sweep;
  private volatile Disposable running;

  public PeriodicSweep(String name, Duration interval, Supplier<Mono<?>> sweep) {
    this.name = name;
    this.interval = interval;
    this.sweep = sweep;
  }

  @Override
  public synchronized void start() {
    running = Flux.interval(interval, interval)
        .onBackpressureDrop()
        .concatMap(tick -> Mono.defer(sweep)
            .onErrorResume(e -> {
              log.warn("{} failed, next in {}: {}", name, interval, e.toString());
              return Mono.empty();
            }), 1)
        .subscribe();
  }

  @Override
  public synchronized void stop() {
    if (running != null) {
      running.dispose();
      running = null;
    }
  }

  @Override
  public boolean isRunning() {
    return running != null;
  }
}
