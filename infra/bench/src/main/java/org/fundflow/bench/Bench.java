package org.fundflow.bench;

import static org.fundflow.bench.Figures.loadavg;
import static org.fundflow.bench.Report.say;

import java.time.Instant;
import java.util.List;
import org.fundflow.bench.RawBaselines.Baselines;
import org.fundflow.platform.test.SharedInfrastructure;

/**
 * One benchmark run: raw limits of the embedded broker and Mongo-wire store ({@link RawBaselines}), then the four
 * services against the same broker and store: (e) start-up ({@link StartupPhase}), (a) submissions
 * ({@link SubmissionsPhase}), (b)+(c) decisions ({@link DecisionsPhase}), (d) holds ({@link HoldsPhase}), (f) documents
 * ({@link DocumentsPhase}), (e) RSS.
 * Every loop is bounded in count and time; everything is on localhost. Prints a table at the end (and as it goes;
 * {@link Report}). Options: {@code raw-only}; {@code quick} (every repeated measurement once); {@code only=a,c,d,f}
 * (the suite phases to run, default all; start-up and RSS are always measured).
 */
public final class Bench {

  /** Concurrent clients of the load phases. */
  static final int CLIENTS = 8;

  /** The command line, as exec-maven-plugin passes {@code -Dbench.args}. */
  record Options(boolean rawOnly, int repeats, String phases) {

    static Options parse(String[] arguments) {
      // exec-maven-plugin passes -Dbench.args as one argument
      String[] args = String.join(" ", arguments).trim().split("\\s+");
      String phases = "a,c,d,f";
      for (String arg : args) {
        if (arg.startsWith("only=")) {
          phases = arg.substring("only=".length());
        }
      }
      // 3, or 1 with the option quick
      return new Options(List.of(args).contains("raw-only"), List.of(args).contains("quick") ? 1 : 3, phases);
    }
  }

  private final Options options;
  private final Report report = new Report();
  private Services services;

  Bench(Options options) {
    this.options = options;
  }

  public static void main(String[] arguments) throws Exception {
    Bench bench = new Bench(Options.parse(arguments));
    int code = 0;
    try {
      bench.run();
    } catch (Throwable t) {
      t.printStackTrace();
      bench.report.note("ABORTED: " + t);
      code = 1;
    } finally {
      if (bench.services != null) {
        bench.services.stop();
      }
      bench.report.print();
    }
    System.exit(code);
  }

  void run() throws Exception {
    say("bench start " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors() + " cores, load " + loadavg());
    SharedInfrastructure infra = SharedInfrastructure.get();
    say("infrastructure: kafka " + infra.kafkaBootstrapServers() + ", store " + infra.mongoUri("x"));

    Baselines raw = new RawBaselines(infra, report, options.repeats()).measure();
    if (options.rawOnly()) {
      return;
    }

    StartupPhase startup = new StartupPhase(report);
    services = new Services();
    startup.start(services, infra);
    ServiceClient client = new ServiceClient(services);

    String program = client.openProgram(Requests.programBody("GENERAL", "2026年度津南区科技计划一般项目（基准测试）",
        900_000_000_000L, 50_000_000L, true));
    if (options.phases().contains("a")) {
      new SubmissionsPhase(client, services, report, options.repeats(), infra.storeOperations()).run(program, raw.inserts());
    }

    // (b) + (c) before (d): (d) holds every organisation
    if (options.phases().contains("c")) {
      try {
        new DecisionsPhase(client, report).run(infra, raw.inserts(), raw.kafkaP99());
      } catch (Exception | AssertionError e) {
        e.printStackTrace();
        report.note("(b)/(c) failed: " + e);
      }
    }

    if (options.phases().contains("d")) {
      try {
        new HoldsPhase(client, report).run(infra, program, raw.kafkaP50(), raw.kafkaP99());
      } catch (Exception | AssertionError e) {
        e.printStackTrace();
        report.note("(d) failed: " + e);
      }
    }

    if (options.phases().contains("f")) {
      try {
        new DocumentsPhase(services, report).run(infra, client, program);
      } catch (Exception | AssertionError e) {
        e.printStackTrace();
        report.note("(f) failed: " + e);
      }
    }

    startup.memoryAfterLoad(services);
  }
}
