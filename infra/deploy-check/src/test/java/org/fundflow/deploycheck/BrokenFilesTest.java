package org.fundflow.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fundflow.deploycheck.DeploymentFilesTest.COMPOSE;
import static org.fundflow.deploycheck.DeploymentFilesTest.K8S_BASE;
import static org.fundflow.deploycheck.DeploymentFilesTest.REALM;
import static org.fundflow.deploycheck.DeploymentFilesTest.ROOT;
import static org.fundflow.deploycheck.DeploymentFilesTest.TOPICS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks can fail: each one is run on a copy of a real file with one thing broken. */
class BrokenFilesTest {

  @TempDir
  Path tmp;

  /** A copy of {@code file} with {@code from} replaced by {@code to}; fails if {@code from} is not there. */
  Path broken(Path file, String from, String to) throws IOException {
    String text = Files.readString(file);
    assertThat(text).as("the text to break in " + file.getFileName()).contains(from);
    Path copy = tmp.resolve(file.getFileName());
    Files.writeString(copy, text.replace(from, to));
    return copy;
  }

  List<String> compose(Path file) {
    return ComposeCheck.check(file, ROOT, "fundflow");
  }

  @Test
  void compose_withoutAServiceHealthcheck() throws IOException {
    Path file = broken(COMPOSE, "      test: [\"CMD\", \"curl\", \"-fsS\", \"-o\", \"/dev/null\", "
        + "\"http://localhost:8083/actuator/health/readiness\"]", "      disable: true");
    assertThat(compose(file)).anyMatch(p -> p.startsWith("post-subsidy: no healthcheck"));
  }

  @Test
  void compose_withoutReplicaSetUrl() throws IOException {
    Path file = broken(COMPOSE, "fundflow_subsidy?replicaSet=rs0", "fundflow_subsidy");
    assertThat(compose(file)).anyMatch(p -> p.contains("post-subsidy: SPRING_MONGODB_URI") && p.contains("replica-set"));
  }

  @Test
  void compose_withASharedDatabase() throws IOException {
    Path file = broken(COMPOSE, "fundflow_integrity?replicaSet=rs0", "fundflow_subsidy?replicaSet=rs0");
    assertThat(compose(file)).anyMatch(p -> p.contains("integrity-check: database fundflow_subsidy"));
  }

  @Test
  void compose_dependingOnAnUnknownService() throws IOException {
    Path file = broken(COMPOSE, "    kafka-init:\n      condition: service_completed_successfully",
        "    kafka-setup:\n      condition: service_completed_successfully");
    assertThat(compose(file)).anyMatch(p -> p.contains("depends on unknown service kafka-setup"));
  }

  @Test
  void compose_waitingForHealthOfAServiceWithoutHealthcheck() throws IOException {
    Path file = broken(COMPOSE, "    kafka-init:\n      condition: service_completed_successfully",
        "    kafka-init:\n      condition: service_healthy");
    assertThat(compose(file)).anyMatch(p -> p.contains("waits for kafka-init to be healthy, but it has no healthcheck"));
  }

  @Test
  void compose_withoutMemoryLimit() throws IOException {
    String text = Files.readString(COMPOSE);
    int ui = text.indexOf("  kafka-ui:");
    String part = text.substring(ui, text.indexOf("  project-intake:"));
    String stripped = part.replace("    mem_limit: 512m\n", "")
        .replace("    deploy:\n      resources:\n        limits:\n          memory: 512m\n", "");
    assertThat(stripped).isNotEqualTo(part);
    Path file = tmp.resolve("docker-compose.yml");
    Files.writeString(file, text.replace(part, stripped));
    assertThat(compose(file)).contains("kafka-ui: no memory limit (mem_limit or deploy.resources.limits.memory)");
  }

  @Test
  void compose_withTheWrongJwksHost() throws IOException {
    Path file = broken(COMPOSE, "http://keycloak:8080/realms/fundflow/protocol/openid-connect/certs",
        "http://localhost:8090/fundflow/jwks");
    assertThat(compose(file)).anyMatch(p -> p.contains("FUNDFLOW_SECURITY_JWT_JWK_SET_URI is not Keycloak's JWKS"));
  }

  @Test
  void compose_withKeycloakInDevelopmentMode() throws IOException {
    Path file = broken(COMPOSE, "command: [\"start\", \"--import-realm\"", "command: [\"start-dev\", \"--import-realm\"");
    assertThat(compose(file)).anyMatch(p -> p.startsWith("keycloak: not in production mode"));
  }

  @Test
  void compose_withKeycloakOnItsDevelopmentDatabase() throws IOException {
    Path file = broken(COMPOSE, "      KC_DB: postgres\n", "");
    assertThat(compose(file)).anyMatch(p -> p.startsWith("keycloak: KC_DB is not postgres"));
  }

  @Test
  void compose_withKeycloakNotWaitingForItsDatabase() throws IOException {
    Path file = broken(COMPOSE, "      keycloak-db:\n        condition: service_healthy", "      keycloak-db:\n        condition: service_started");
    assertThat(compose(file)).contains("keycloak: does not wait for a healthy keycloak-db");
  }

  @Test
  void compose_withAnotherKeycloakDatabasePassword() throws IOException {
    Path file = broken(COMPOSE, "KC_DB_PASSWORD: ${KEYCLOAK_DB_PASSWORD:-change-this-keycloak-db-password}",
        "KC_DB_PASSWORD: secret");
    assertThat(compose(file)).anyMatch(p -> p.contains("KC_DB_PASSWORD differ"));
  }

  @Test
  void compose_thatIsNotYaml() throws IOException {
    Path file = broken(COMPOSE, "services:\n", "services:\n  - [oops\n");
    assertThat(compose(file)).singleElement().asString().startsWith("docker-compose.yml does not parse");
  }

  @Test
  void compose_withADuplicateKey() throws IOException {
    Path file = broken(COMPOSE, "    image: mongo:7.0\n", "    image: mongo:7.0\n    image: mongo:8.0\n");
    assertThat(compose(file)).singleElement().asString().contains("duplicate key image");
  }

  @Test
  void topics_withoutADeadLetterTopic() throws IOException {
    Path file = broken(TOPICS, "milestone-review.dlq ", "milestone-reviews.dlq ");
    assertThat(TopicsCheck.check(file, ROOT)).contains("milestone-review: no dead-letter topic milestone-review.dlq in topics.txt");
  }

  @Test
  void topics_withTooFewPartitions() throws IOException {
    Path file = broken(TOPICS, "integrity.events             3", "integrity.events             1");
    assertThat(TopicsCheck.check(file, ROOT)).anyMatch(p -> p.startsWith("integrity.events: 1 partitions"));
  }

  @Test
  void topics_withABadLine() throws IOException {
    Path file = broken(TOPICS, "subsidy.claim-events         3  2592000000  delete", "subsidy.claim-events 3 30d");
    assertThat(TopicsCheck.check(file, ROOT)).anyMatch(p -> p.contains("expected `name partitions"));
  }

  @Test
  void realm_withoutAnAuditor() throws IOException {
    Path file = broken(REALM, "\"AUDITOR\"\n      ]", "\"PROGRAM_MANAGER\"\n      ]");
    assertThat(RealmCheck.check(file)).contains("no demo user with role AUDITOR");
  }

  @Test
  void realm_withAnExpertWithoutOrganisation() throws IOException {
    Path file = broken(REALM, "\"12120116800HQW767H\"", "\"\"");
    assertThat(RealmCheck.check(file)).anyMatch(p -> p.startsWith("user expert1 (EXPERT) has no valid org_code"));
  }

  @Test
  void realm_withoutARole() throws IOException {
    Path file = broken(REALM, "\"name\": \"FINANCE_APPROVER\",", "\"name\": \"FINANCE_APPROVAL\",");
    assertThat(RealmCheck.check(file)).contains("realm role FINANCE_APPROVER is missing",
        "user finance-approver has undefined role FINANCE_APPROVER");
  }

  @Test
  void realm_withoutAServiceClient() throws IOException {
    Path file = broken(REALM, "\"clientId\": \"integrity-check\"", "\"clientId\": \"integrity\"");
    assertThat(RealmCheck.check(file)).contains("no client for service integrity-check");
  }

  @Test
  void realm_withoutTheOrgCodeMapper() throws IOException {
    Path file = broken(REALM, "\"claim.name\": \"org_code\"", "\"claim.name\": \"organisation\"");
    assertThat(RealmCheck.check(file)).anyMatch(p -> p.contains("no org_code claim"));
  }

  Path brokenBase(String fileName, String from, String to) throws IOException {
    Path base = tmp.resolve("base");
    Files.createDirectories(base);
    try (Stream<Path> files = Files.list(K8S_BASE)) {
      for (Path f : files.toList()) {
        Files.copy(f, base.resolve(f.getFileName()));
      }
    }
    String text = Files.readString(base.resolve(fileName));
    assertThat(text).contains(from);
    Files.writeString(base.resolve(fileName), text.replace(from, to));
    return base;
  }

  @Test
  void kubernetes_withoutReadinessProbe() throws IOException {
    Path base = brokenBase("milestone-review.yaml", "readinessProbe:", "readinessProbeX:");
    assertThat(KubernetesCheck.check(base, ROOT, 3)).contains("milestone-review: no readinessProbe (httpGet /actuator/health/readiness)");
  }

  @Test
  void kubernetes_withAWrongLivenessPath() throws IOException {
    Path base = brokenBase("post-subsidy.yaml", "path: /actuator/health/liveness\n              port: http\n            periodSeconds: 10",
        "path: /actuator/health\n              port: http\n            periodSeconds: 10");
    assertThat(KubernetesCheck.check(base, ROOT, 3)).anyMatch(p -> p.startsWith("post-subsidy: livenessProbe asks /actuator/health "));
  }

  @Test
  void kubernetes_withoutLimits() throws IOException {
    Path base = brokenBase("project-intake.yaml", "            limits:\n              cpu: \"1\"\n              memory: 512Mi\n", "");
    assertThat(KubernetesCheck.check(base, ROOT, 3)).contains("project-intake: no resources.limits.cpu",
        "project-intake: no resources.limits.memory");
  }

  @Test
  void kubernetes_withAMissingSecretKey() throws IOException {
    Path base = brokenBase("secret.yaml", "  mongodb-uri-integrity:", "  mongodb-uri-integrity-check:");
    assertThat(KubernetesCheck.check(base, ROOT, 3)).anyMatch(p -> p.contains("reads key mongodb-uri-integrity of Secret fundflow-secrets"));
  }

  @Test
  void kubernetes_withAnUnknownConfigMap() throws IOException {
    Path base = brokenBase("configmap.yaml", "name: fundflow-config", "name: fundflow-settings");
    assertThat(KubernetesCheck.check(base, ROOT, 3)).anyMatch(p -> p.contains("envFrom names ConfigMap fundflow-config"));
  }

  @Test
  void kubernetes_withMoreReplicasThanPartitions() throws IOException {
    Path base = brokenBase("integrity-check.yaml", "replicas: 2", "replicas: 5");
    assertThat(KubernetesCheck.check(base, ROOT, 3)).anyMatch(p -> p.startsWith("integrity-check: 5 replicas"));
  }

  @Test
  void kubernetes_withoutADisruptionBudget() throws IOException {
    Path base = brokenBase("disruption-budgets.yaml", "app.kubernetes.io/name: post-subsidy", "app.kubernetes.io/name: post-subsidi");
    assertThat(KubernetesCheck.check(base, ROOT, 3))
        .contains("post-subsidy: no PodDisruptionBudget selecting app.kubernetes.io/name=post-subsidy");
  }

  @Test
  void kubernetes_withADisruptionBudgetThatBlocksEveryDrain() throws IOException {
    Path base = brokenBase("disruption-budgets.yaml", "  minAvailable: 1\n  selector:\n    matchLabels:\n      app.kubernetes.io/name: milestone-review",
        "  minAvailable: 2\n  selector:\n    matchLabels:\n      app.kubernetes.io/name: milestone-review");
    assertThat(KubernetesCheck.check(base, ROOT, 3))
        .contains("milestone-review: its PodDisruptionBudget must keep at least 1 and fewer than all 2 replicas");
  }

  @Test
  void kubernetes_withAnUnlistedResource() throws IOException {
    Path base = brokenBase("kustomization.yaml", "  - post-subsidy.yaml\n", "");
    assertThat(KubernetesCheck.check(base, ROOT, 3)).contains("post-subsidy.yaml is not listed in kustomization.yaml resources",
        "no Deployment post-subsidy");
  }

  @Test
  void compose_withAServiceUriWithoutCredentials() throws IOException {
    Path file = broken(COMPOSE, "mongodb://fundflow_subsidy:${MONGO_SUBSIDY_PASSWORD:-subsidy-change-me}@mongo:27017",
        "mongodb://mongo:27017");
    assertThat(compose(file)).contains("post-subsidy: SPRING_MONGODB_URI has no user and password (mongodb://user:password@…)");
  }

  @Test
  void compose_withAUserSharedByTwoServices() throws IOException {
    Path file = broken(COMPOSE, "mongodb://fundflow_integrity:", "mongodb://fundflow_subsidy:");
    assertThat(compose(file)).contains("integrity-check: MongoDB user fundflow_subsidy is shared with another service");
  }

  @Test
  void compose_withAUriAuthenticatingElsewhere() throws IOException {
    Path file = broken(COMPOSE, "authSource=fundflow_milestone", "authSource=admin");
    assertThat(compose(file)).anyMatch(p -> p.startsWith("milestone-review: SPRING_MONGODB_URI does not authenticate"));
  }

  @Test
  void compose_withoutTheKeyfileStep() throws IOException {
    Path file = broken(COMPOSE, "chmod 400 $$f", "true");
    assertThat(compose(file)).anyMatch(p -> p.startsWith("mongo: no step it waits for writes its keyfile mongo.key"));
  }

  @Test
  void compose_withoutAKeyfile() throws IOException {
    Path file = broken(COMPOSE, "\"--keyFile\", \"/etc/mongo-keyfile/mongo.key\", ", "");
    assertThat(compose(file)).contains("mongo: no --keyFile: a replica set with authentication needs one");
  }

  @Test
  void compose_withoutTheUsersStep() throws IOException {
    Path file = broken(COMPOSE, "/opt/fundflow/mongo/create-users.js", "/opt/fundflow/mongo/other.js");
    assertThat(compose(file)).anyMatch(p -> p.startsWith("no step runs infra/mongo/create-users.js"));
  }

  @Test
  void compose_withAServiceNotWaitingForItsUser() throws IOException {
    Path file = broken(COMPOSE, "    mongo-init:\n      condition: service_completed_successfully\n",
        "    mongo-init:\n      condition: service_started\n");
    assertThat(compose(file)).contains(
        "post-subsidy: does not wait for mongo-init (its database user) with service_completed_successfully");
  }

  @Test
  void compose_withAnotherServicesAudience() throws IOException {
    Path file = broken(COMPOSE, "FUNDFLOW_SECURITY_JWT_AUDIENCE: post-subsidy", "FUNDFLOW_SECURITY_JWT_AUDIENCE: project-intake");
    assertThat(compose(file)).contains("post-subsidy: FUNDFLOW_SECURITY_JWT_AUDIENCE is not its own client id post-subsidy (project-intake)");
  }

  @Test
  void kubernetes_withoutAudience() throws IOException {
    Path base = brokenBase("milestone-review.yaml", "- name: FUNDFLOW_SECURITY_JWT_AUDIENCE", "- name: FUNDFLOW_SECURITY_JWT_AUD");
    assertThat(KubernetesCheck.check(base, ROOT, 3)).contains("milestone-review: FUNDFLOW_SECURITY_JWT_AUDIENCE is not its own client id milestone-review");
  }

  @Test
  void kubernetes_withAMongoUriWithoutCredentials() throws IOException {
    Path base = brokenBase("secret.yaml", "mongodb://fundflow_subsidy:replace-me@", "mongodb://");
    assertThat(KubernetesCheck.check(base, ROOT, 3)).anyMatch(p -> p.startsWith("post-subsidy: the Secret's Mongo URI"));
  }
}
