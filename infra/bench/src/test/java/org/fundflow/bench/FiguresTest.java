package org.fundflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The RSS rows say whether the 300 MB target held, judged on the peak: a service that peaked above it missed. */
class FiguresTest {

  @Test
  void aPeakWithinTheTargetIsMet() {
    assertThat(Figures.againstRssTarget(new long[] {291, 295})).isEqualTo("97%; peak <= 300 MB: met");
  }

  @Test
  void aPeakAboveTheTargetIsMissedEvenWhenTheRssAfterwardsIsBelow() {
    assertThat(Figures.againstRssTarget(new long[] {288, 303})).isEqualTo("96%; peak <= 300 MB: MISSED");
  }
}
