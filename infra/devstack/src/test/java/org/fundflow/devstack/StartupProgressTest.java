package org.fundflow.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StartupProgressTest {

  final AtomicLong now = new AtomicLong();
  final StartupProgress progress = new StartupProgress(now::get);

  @Test
  void givenPartsStillStarting_whenReported_thenEachNamedWithHowLongItHasBeenAwaited() {
    progress.waitingFor("kafka");
    progress.waitingFor("store");
    now.addAndGet(TimeUnit.SECONDS.toNanos(8));
    progress.waitingFor("project-intake");
    now.addAndGet(TimeUnit.SECONDS.toNanos(4));

    assertThat(progress.line()).isEqualTo("[devstack] still waiting for kafka (12 s), store (12 s), project-intake (4 s)");

    progress.done("store");
    assertThat(progress.line()).isEqualTo("[devstack] still waiting for kafka (12 s), project-intake (4 s)");
  }

  @Test
  void givenEverythingUp_whenReported_thenNothingToSay() {
    progress.waitingFor("oidc");
    progress.done("oidc");

    assertThat(progress.line()).isNull();
  }
}
