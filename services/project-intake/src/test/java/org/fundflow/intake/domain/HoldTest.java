package org.fundflow.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class HoldTest {

  private final Hold throughEndOf2029 = new Hold("h1", HoldSubject.ORGANISATION, "91120112MNH91HTMX6", "listed",
      Instant.parse("2026-11-28T00:00:00Z"), Instant.parse("2029-12-31T16:00:00Z"), false);

  @Test
  void givenAnExclusiveEndAtShanghaiMidnight_thenTheLastDayIsTheDayBefore() {
    assertThat(throughEndOf2029.endDate()).isEqualTo(LocalDate.of(2029, 12, 31));
  }

  @Test
  void theHoldIsActiveOnItsLastDayAndOverAtItsEnd() {
    assertThat(throughEndOf2029.isActiveAt(Instant.parse("2029-12-31T15:59:59Z"))).isTrue();
    assertThat(throughEndOf2029.isActiveAt(Instant.parse("2029-12-31T16:00:00Z"))).isFalse();
  }
}
