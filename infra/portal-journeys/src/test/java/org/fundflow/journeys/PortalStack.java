package org.fundflow.journeys;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.fundflow.devstack.oidc.OidcProvider;
import org.fundflow.platform.test.ServiceProcess;
import org.fundflow.platform.test.SharedInfrastructure;

/**
 * The portal and the four services as processes (their boot jars) on free ports, against this JVM's broker and store,
 * trusting the devstack's OIDC provider, which runs in this JVM with its login page. Started once, stopped by a
 * shutdown hook.
 */
final class PortalStack {

  private static PortalStack instance;

  final MockOAuth2Server oidc;
  final String issuer;
  final Map<String, ServiceProcess> services = new LinkedHashMap<>();
  final ServiceProcess portal;

  static synchronized PortalStack get() {
    if (instance == null) {
      instance = new PortalStack();
      Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "portal-stack-stop"));
    }
    return instance;
  }

  /** The stack if a journey of this JVM started it, else null. */
  static synchronized PortalStack running() {
    return instance;
  }

  private PortalStack() {
    int oidcPort = ServiceProcess.freePort();
    oidc = OidcProvider.create();
    try {
      oidc.start(InetAddress.getLoopbackAddress(), oidcPort);
    } catch (RuntimeException e) {
      throw new IllegalStateException("cannot start the OIDC provider", e);
    }
    issuer = "http://localhost:" + oidcPort + "/" + OidcProvider.ISSUER_ID;
    SharedInfrastructure infrastructure = SharedInfrastructure.get();
    Path logs = Path.of("target", "journey-logs");
    Map<String, String> trustProvider = Map.of(
        "MALLOC_ARENA_MAX", "2",
        "FUNDFLOW_SECURITY_JWT_PUBLIC_KEY", "",
        "FUNDFLOW_SECURITY_JWT_JWK_SET_URI", issuer + "/jwks",
        "FUNDFLOW_SECURITY_JWT_ISSUER_URI", issuer);
    for (String name : ServiceProcess.SERVICES) {
      services.put(name, ServiceProcess.of(name, infrastructure.kafkaBootstrapServers(), infrastructure.mongoUri(""),
          ServiceProcess.DEVSTACK_JVM_OPTIONS, trustProvider, logs));
    }
    Map<String, String> portalEnv = new LinkedHashMap<>();
    portalEnv.put("MALLOC_ARENA_MAX", "2");
    portalEnv.put("SPRING_MONGODB_URI", infrastructure.mongoUri("fundflow_portal"));
    portalEnv.put("PORTAL_ISSUER_URI", issuer);
    portalEnv.put("PORTAL_INTAKE_URL", services.get("project-intake").url());
    portalEnv.put("PORTAL_MILESTONE_URL", services.get("milestone-review").url());
    portalEnv.put("PORTAL_SUBSIDY_URL", services.get("post-subsidy").url());
    portalEnv.put("PORTAL_INTEGRITY_URL", services.get("integrity-check").url());
    // five JVMs on a loaded shared machine: a first call into a cold service can take more than the 3 s default
    portalEnv.put("JAVA_TOOL_OPTIONS", ServiceProcess.SERVICES.stream()
        .map(name -> "-Dportal.services." + name + ".timeout=20s").collect(java.util.stream.Collectors.joining(" "))
        // every request the portal received, when and how long it took (to compare with Chromium's net log)
        + " -Dreactor.netty.http.server.accessLogEnabled=true"
        // e.g. a flight recording of the portal for PortalBench
        + " " + java.util.Objects.requireNonNullElse(System.getenv("PORTAL_EXTRA_JVM_OPTIONS"), ""));
    portal = ServiceProcess.of("portal", infrastructure.kafkaBootstrapServers(), infrastructure.mongoUri(""),
        portalJvmOptions(), portalEnv, logs);
    List<ServiceProcess> all = new ArrayList<>(services.values());
    all.add(portal);
    // 10 minutes: five JVMs start at once; on a shared 2-core machine under load one took 272 s
    ServiceProcess.startAll(all, Duration.ofSeconds(600));
  }

  /**
   * The devstack's JVM options, or {@code PORTAL_JVM_OPTIONS} (space-separated) instead: e.g. PortalBench with
   * tiered compilation against C1 only.
   */
  static List<String> portalJvmOptions() {
    String chosen = System.getenv("PORTAL_JVM_OPTIONS");
    return chosen == null || chosen.isBlank() ? ServiceProcess.DEVSTACK_JVM_OPTIONS : List.of(chosen.trim().split("\\s+"));
  }

  String token(String demoUser) {
    return Http.token(issuer, demoUser);
  }

  void stop() {
    List<ServiceProcess> all = new ArrayList<>(services.values());
    all.add(portal);
    ServiceProcess.stopAll(all);
    oidc.shutdown();
  }

}
