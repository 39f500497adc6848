package org.fundflow.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fundflow.deploycheck.DeploymentFilesTest.COMPOSE;
import static org.fundflow.deploycheck.DeploymentFilesTest.K8S_BASE;
import static org.fundflow.deploycheck.DeploymentFilesTest.REALM;
import static org.fundflow.deploycheck.DeploymentFilesTest.ROOT;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docker-compose and the Kustomize base run the portal so that a user can log in; each check can fail. */
class PortalDeploymentTest {

  @TempDir
  Path tmp;

  @Test
  void asCommitted_composeAndKubernetesRunThePortal() {
    assertThat(PortalCheck.compose(COMPOSE, ROOT, REALM)).isEmpty();
    assertThat(PortalCheck.kubernetes(K8S_BASE, ROOT)).isEmpty();
    assertThat(PortalCheck.config(ROOT).port()).isEqualTo(8080);
    assertThat(PortalCheck.config(ROOT).database()).isEqualTo("fundflow_portal");
  }

  @Test
  void compose_portalCallingAServiceOnTheWrongPort() throws IOException {
    Path file = broken(COMPOSE, "PORTAL_SUBSIDY_URL: http://post-subsidy:8083", "PORTAL_SUBSIDY_URL: http://post-subsidy:8080");
    assertThat(PortalCheck.compose(file, ROOT, REALM)).anyMatch(p -> p.contains("PORTAL_SUBSIDY_URL is not http://post-subsidy:8083"));
  }

  @Test
  void compose_portalReadingDiscoveryAtThePublicAddress() throws IOException {
    Path file = broken(COMPOSE, "PORTAL_DISCOVERY_URI: http://keycloak:8080/", "PORTAL_DISCOVERY_URI: http://localhost:8180/");
    assertThat(PortalCheck.compose(file, ROOT, REALM)).anyMatch(p -> p.contains("PORTAL_DISCOVERY_URI"));
  }

  @Test
  void compose_portalSharingAServiceDatabase() throws IOException {
    Path file = broken(COMPOSE, "@mongo:27017/fundflow_portal?replicaSet=rs0&authSource=fundflow_portal",
        "@mongo:27017/fundflow_intake?replicaSet=rs0&authSource=fundflow_intake");
    assertThat(PortalCheck.compose(file, ROOT, REALM)).anyMatch(p -> p.contains("not its own database fundflow_portal"));
  }

  @Test
  void compose_realmWithoutThePortalsRedirect() throws IOException {
    Path realm = broken(REALM, "\"http://localhost:8080/login/oauth2/code/fundflow\"", "\"http://localhost:9999/cb\"");
    assertThat(PortalCheck.compose(COMPOSE, ROOT, realm)).anyMatch(p -> p.contains("redirect URI"));
  }

  @Test
  void kubernetes_portalWithTwoReplicasOrAPlainCookie() throws IOException {
    Path base = copyOfBase();
    replace(base.resolve("portal.yaml"), "spec:\n  replicas: 1", "spec:\n  replicas: 2");
    replace(base.resolve("configmap.yaml"), "PORTAL_SECURE_COOKIE: \"true\"", "PORTAL_SECURE_COOKIE: \"false\"");
    assertThat(PortalCheck.kubernetes(base, ROOT))
        .anyMatch(p -> p.contains("more than one replica"))
        .anyMatch(p -> p.contains("not Secure"));
  }

  @Test
  void kubernetes_portalSecretKeyMissing() throws IOException {
    Path base = copyOfBase();
    replace(base.resolve("secret.yaml"), "  portal-client-secret: \"replace-me\"\n", "");
    assertThat(PortalCheck.kubernetes(base, ROOT)).anyMatch(p -> p.contains("PORTAL_CLIENT_SECRET does not come from"));
  }

  private Path broken(Path file, String from, String to) throws IOException {
    Path copy = tmp.resolve(file.getFileName());
    Files.copy(file, copy);
    replace(copy, from, to);
    return copy;
  }

  private Path copyOfBase() throws IOException {
    Path base = tmp.resolve("base");
    Files.createDirectories(base);
    try (Stream<Path> files = Files.list(K8S_BASE)) {
      for (Path f : files.toList()) {
        Files.copy(f, base.resolve(f.getFileName()));
      }
    }
    return base;
  }

  private static void replace(Path file, String from, String to) throws IOException {
    String text = Files.readString(file);
    assertThat(text).as("the text to break in " + file.getFileName()).contains(from);
    Files.writeString(file, text.replace(from, to));
  }
}
