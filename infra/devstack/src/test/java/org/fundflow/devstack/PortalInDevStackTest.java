package org.fundflow.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The devstack starts the portal with the rest, pointed at the provider and the four services, and says so first. */
class PortalInDevStackTest {

  @Test
  void thePortalIsStartedOn8080WithItsOwnDatabaseTheProviderAndTheServices() {
    DevStack.Service portal = DevStack.SERVICES.stream().filter(s -> s.name().equals("portal")).findFirst().orElseThrow();
    assertThat(portal.port()).isEqualTo(8080);
    Map<String, String> env = DevStack.serviceEnvironment(portal);
    assertThat(env).containsEntry("SPRING_MONGODB_URI", "mongodb://localhost:27017/fundflow_portal")
        .containsEntry("PORTAL_ISSUER_URI", "http://localhost:8090/fundflow")
        .containsEntry("PORTAL_INTAKE_URL", "http://localhost:8081")
        .containsEntry("PORTAL_MILESTONE_URL", "http://localhost:8082")
        .containsEntry("PORTAL_SUBSIDY_URL", "http://localhost:8083")
        .containsEntry("PORTAL_INTEGRITY_URL", "http://localhost:8084")
        .containsEntry("SPRING_MAIL_HOST", "localhost")
        .containsEntry("SPRING_MAIL_PORT", "3025")
        .containsEntry("SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS", "localhost:9092");
    assertThat(DevStack.serviceEnvironment(DevStack.SERVICES.get(0))).doesNotContainKey("PORTAL_ISSUER_URI");
  }

  @Test
  void theInvitationNamesTheUrlAndADemoUser() {
    assertThat(DevStack.portalInvitation()).startsWith("open http://localhost:8080 and log in as applicant");
  }
}
