package org.fundflow.journeys;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.fundflow.platform.national.NationalId;

/**
 * Issue 20 (g): the portal's figures under load. While the pages are measured, another organisation's applicant
 * drafts and submits proposals at a steady rate in a program of its own, each with its own principal investigator:
 * every submission is work for all four services (screening, the duplicate rule, the project and subsidy views) and
 * for the portal's notification consumer, as in the suite bench's phase (a) at a paced rate.
 */
final class BackgroundLoad implements AutoCloseable {

  private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService workers = Executors.newFixedThreadPool(8);
  private final Histogram submitMicros = new ConcurrentHistogram(3);
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicInteger errors = new AtomicInteger();
  private final AtomicReference<String> firstError = new AtomicReference<>();
  private final double perSecond;
  private final long started = System.nanoTime();
  private volatile long stopped;

  /** Starts at once; {@code perSecond} 0 does nothing. */
  BackgroundLoad(String intake, String programId, String organisation, String token, double perSecond) {
    this.perSecond = perSecond;
    if (perSecond <= 0) {
      return;
    }
    pacer.scheduleAtFixedRate(() -> workers.execute(() -> {
      int n = next.getAndIncrement();
      try {
        String id = Http.post(intake + "/proposals", token, proposal(programId, organisation, n), 201)
            .get("id").asString();
        long start = System.nanoTime();
        PortalBench.submit(intake + "/proposals/" + id + "/submit", token);
        submitMicros.recordValue((System.nanoTime() - start) / 1000);
      } catch (RuntimeException | AssertionError e) {
        errors.incrementAndGet();
        firstError.compareAndSet(null, e.getMessage());
      }
    }), 0, Math.round(1_000_000 / perSecond), TimeUnit.MICROSECONDS);
  }

  /**
   * The benchmark's proposal with a title and an abstract of its own: copies of the seeded proposals' text would each
   * be flagged by the duplicate rule, and a flood of flags on one organisation is not the load of a call.
   */
  private static Map<String, Object> proposal(String programId, String organisation, int n) {
    Map<String, Object> body = PortalBench.proposal(programId, organisation, principalInvestigator(n), 1000 + n);
    Random words = new Random(n);
    body.put("title", text(words, 16));
    body.put("abstract", text(words, 60));
    return body;
  }

  private static final String CHARACTERS = "材料能源生物医药信息电子制造装备环境农业海洋航空交通化工智能检测传感控制网络数据安全"
      + "算法芯片光学激光纳米复合催化电池储能氢燃料膜分离水处理土壤修复育种疫苗诊断影像机器人";

  private static String text(Random words, int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(CHARACTERS.charAt(words.nextInt(CHARACTERS.length())));
    }
    return text.toString();
  }

  /** A valid resident identity number per submission (GB 11643), none of the seeded ones. */
  static String principalInvestigator(int n) {
    String born = LocalDate.of(1980, 1, 1).plusDays(n / 1000).format(DateTimeFormatter.BASIC_ISO_DATE);
    return NationalId.withCheckCharacter("110105" + born + String.format("%03d", n % 1000));
  }

  @Override
  public void close() throws InterruptedException {
    pacer.shutdownNow();
    workers.shutdown();
    workers.awaitTermination(30, TimeUnit.SECONDS);
    stopped = System.nanoTime();
  }

  /** One line for the table: what ran beside the figures. */
  String summary() {
    if (perSecond <= 0) {
      return "no background load (-Dportal.bench.background-per-second=0)";
    }
    double seconds = ((stopped == 0 ? System.nanoTime() : stopped) - started) / 1e9;
    long done = submitMicros.getTotalCount();
    return String.format("background: another organisation submitted %d proposals in %.0f s (%.1f/s offered %.1f/s),"
            + " submit p50 %.1f ms, p99 %.1f ms, errors %d%s", done, seconds, done / seconds, perSecond,
        submitMicros.getValueAtPercentile(50) / 1000.0, submitMicros.getValueAtPercentile(99) / 1000.0, errors.get(),
        firstError.get() == null ? "" : " (first: " + firstError.get() + ")");
  }
}
