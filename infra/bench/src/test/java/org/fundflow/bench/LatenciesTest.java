package org.fundflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LatenciesTest {

  /** The nearest-rank percentile the benchmark computed by hand before HdrHistogram. */
  static double nearestRank(List<Double> values, double p) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  @Test
  void givenNothingRecorded_whenPercentile_thenNaN() {
    Latencies latencies = new Latencies();

    assertThat(latencies.percentile(50)).isNaN();
    assertThat(latencies.max()).isNaN();
    assertThat(latencies.count()).isZero();
  }

  @Test
  void givenOneToHundredMs_whenPercentiles_thenNearestRankToTheTenthOfAMillisecond() {
    Latencies latencies = new Latencies();
    for (int i = 100; i >= 1; i--) {
      latencies.record(i);
    }

    assertThat(latencies.count()).isEqualTo(100);
    assertThat(latencies.percentile(50)).isCloseTo(50.0, within(0.05));
    assertThat(latencies.percentile(99)).isCloseTo(99.0, within(0.05));
    assertThat(latencies.max()).isCloseTo(100.0, within(0.05));
  }

  @Test
  void givenTwentyHolds_whenP99_thenTheMaximum() {
    // (d) has 20 values: its p99 is the largest, as the table's "max" beside it shows
    Latencies latencies = new Latencies();
    List<Double> values = new ArrayList<>();
    Random random = new Random(7);
    for (int i = 0; i < 20; i++) {
      double v = 150 + random.nextDouble() * 1200;
      values.add(v);
      latencies.record(v);
    }

    assertThat(latencies.percentile(99)).isCloseTo(Collections.max(values), within(0.2));
    assertThat(latencies.max()).isCloseTo(Collections.max(values), within(0.2));
  }

  @Test
  void givenSkewedSamples_whenPercentiles_thenAsTheHandWrittenNearestRankWithin0_01Percent() {
    Random random = new Random(42);
    for (int n : new int[] {7, 60, 1000, 3000}) {
      Latencies latencies = new Latencies();
      List<Double> values = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        double v = Math.exp(random.nextGaussian() * 1.2 + 4); // log-normal, ~55 ms median, long tail
        values.add(v);
        latencies.record(v);
      }
      for (double p : new double[] {50, 99, 100}) {
        double expected = nearestRank(values, p);
        assertThat(latencies.percentile(p)).as("n=%d p%s", n, p)
            .isCloseTo(expected, within(expected * 0.0002 + 0.001));
      }
    }
  }

  @Test
  void givenSpansBelowZero_whenOfSpans_thenNegativePercentilesKept() {
    // hops are differences of two processes' wall clocks: the relay can stamp before the client sees the answer
    Latencies spans = Latencies.ofSpans(List.of(-3.0, -1.0, 2.0, 4.0, 10.0));

    assertThat(spans.percentile(0)).isCloseTo(-3.0, within(0.01));
    assertThat(spans.percentile(50)).isCloseTo(2.0, within(0.01));
    assertThat(spans.max()).isCloseTo(10.0, within(0.01));
  }

  @Test
  void givenANegativeLatency_whenRecorded_thenRefused() {
    assertThatThrownBy(() -> new Latencies().record(-0.5)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenEightThreads_whenRecording_thenEveryValueCounted() throws Exception {
    Latencies latencies = new Latencies();
    ExecutorService threads = Executors.newFixedThreadPool(8);
    for (int t = 0; t < 8; t++) {
      threads.submit(() -> {
        for (int i = 1; i <= 1000; i++) {
          latencies.recordNanos(0, i * 1_000_000L);
        }
      });
    }
    threads.shutdown();
    assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

    assertThat(latencies.count()).isEqualTo(8000);
    assertThat(latencies.percentile(50)).isCloseTo(500.0, within(0.1));
    assertThat(latencies.max()).isCloseTo(1000.0, within(0.1));
  }
}
