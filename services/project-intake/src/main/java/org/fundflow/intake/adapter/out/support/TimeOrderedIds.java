package org.fundflow.intake.adapter.out.support;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import org.fundflow.intake.application.port.out.IdGenerator;

/** {@code prefix-<12 hex millis><6 hex sequence><6 hex random>}: unique, and ordered by creation within a process. */
public final class TimeOrderedIds implements IdGenerator {

  private final Clock clock;
  private final AtomicLong sequence = new AtomicLong();
  private final SecureRandom random = new SecureRandom();

  public TimeOrderedIds(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String next(String prefix) {
    byte[] tail = new byte[3];
    random.nextBytes(tail);
    return String.format("%s-%012x%06x%s", prefix, clock.millis(), sequence.incrementAndGet() & 0xffffff,
        HexFormat.of().formatHex(tail));
  }
}
