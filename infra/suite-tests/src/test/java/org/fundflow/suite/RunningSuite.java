package org.fundflow.suite;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fundflow.platform.test.ServiceProcess;
import org.fundflow.platform.test.SharedInfrastructure;

/**
 * The four services, each a separate JVM started from its own boot jar ({@link ServiceProcess}), on free ports,
 * against the shared broker and store of this test JVM (each service its own database), trusting the test JWT key.
 * Started once per JVM; stopped by a shutdown hook.
 */
public final class RunningSuite {

  public static final List<String> SERVICES = ServiceProcess.SERVICES;

  private static volatile RunningSuite instance;

  private final Map<String, ServiceProcess> processes = new LinkedHashMap<>();

  public static synchronized RunningSuite get() {
    if (instance == null) {
      RunningSuite suite = new RunningSuite();
      suite.start();
      Runtime.getRuntime().addShutdownHook(new Thread(suite::stop, "suite-stop"));
      instance = suite;
    }
    return instance;
  }

  public String url(String service) {
    return processes.get(service).url();
  }

  public Path log(String service) {
    return processes.get(service).log();
  }

  private void start() {
    SharedInfrastructure infrastructure = SharedInfrastructure.get();
    Path logDir = Path.of("target", "suite-logs");
    for (String service : SERVICES) {
      processes.put(service, ServiceProcess.of(service, infrastructure.kafkaBootstrapServers(),
          infrastructure.mongoUri(""), ServiceProcess.DEVSTACK_JVM_OPTIONS,
          Map.of("MALLOC_ARENA_MAX", "2"), logDir));
    }
    ServiceProcess.startAll(List.copyOf(processes.values()), Duration.ofSeconds(240));
  }

  public void stop() {
    ServiceProcess.stopAll(List.copyOf(processes.values()));
  }
}
