package org.fundflow.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExpectedVersionTest {

  @Test
  void anyMatchesEveryVersion() {
    assertThat(ExpectedVersion.any().matches(0)).isTrue();
    assertThat(ExpectedVersion.any()).hasToString("any");
  }

  @Test
  void oneOfMatchesItsVersionsOnly_andNoneMatchesNothing() {
    assertThat(ExpectedVersion.oneOf(List.of(4L, 2L))).hasToString("2 or 4");
    assertThat(ExpectedVersion.oneOf(List.of(4L, 2L)).matches(3)).isFalse();
    assertThat(ExpectedVersion.of(3).matches(3)).isTrue();
    assertThat(ExpectedVersion.oneOf(List.of()).matches(3)).isFalse();
    assertThat(ExpectedVersion.oneOf(List.of())).hasToString("none");
  }
}
