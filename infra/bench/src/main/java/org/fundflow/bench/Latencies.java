package org.fundflow.bench;

import java.util.Collection;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Latencies in milliseconds, recorded from any number of threads into an HdrHistogram (microsecond units, 4
 * significant digits: a percentile is exact to 0.01 %, well under the 0.1 ms the table prints). Percentiles are
 * HdrHistogram's: the smallest recorded value that at least p % of all values do not exceed (nearest rank).
 * Read them once the recording threads are done.
 */
final class Latencies {

  private static final int SIGNIFICANT_DIGITS = 4;
  private static final double MICROS_PER_MILLI = 1000.0;

  private final Histogram histogram = new ConcurrentHistogram(SIGNIFICANT_DIGITS);
  /** Added to every value before it is recorded: HdrHistogram takes no negative values. */
  private final long offsetMicros;

  Latencies() {
    this(0);
  }

  private Latencies(long offsetMicros) {
    this.offsetMicros = offsetMicros;
  }

  /**
   * The given spans, some of which may be negative: differences of the wall clocks of two processes (the hops of
   * (c)). They are recorded shifted up by the most negative one.
   */
  static Latencies ofSpans(Collection<Double> millis) {
    double min = millis.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    Latencies latencies = new Latencies(min < 0 ? (long) Math.ceil(-min * MICROS_PER_MILLI) : 0);
    millis.forEach(latencies::record);
    return latencies;
  }

  /** Records one latency in milliseconds (thread-safe). */
  void record(double millis) {
    long micros = Math.round(millis * MICROS_PER_MILLI) + offsetMicros;
    if (micros < 0) {
      throw new IllegalArgumentException("negative latency " + millis + " ms");
    }
    histogram.recordValue(micros);
  }

  /** Records the time since {@code startNanos} ({@link System#nanoTime()}) up to {@code endNanos}. */
  void recordNanos(long startNanos, long endNanos) {
    record((endNanos - startNanos) / 1e6);
  }

  long count() {
    return histogram.getTotalCount();
  }

  /** The p-th percentile in milliseconds (p in 0..100; 100 = the maximum), NaN when nothing was recorded. */
  double percentile(double p) {
    if (histogram.getTotalCount() == 0) {
      return Double.NaN;
    }
    return (histogram.getValueAtPercentile(p) - offsetMicros) / MICROS_PER_MILLI;
  }

  double max() {
    return percentile(100);
  }
}
