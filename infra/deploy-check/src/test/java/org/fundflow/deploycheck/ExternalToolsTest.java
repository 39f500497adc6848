package org.fundflow.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fundflow.deploycheck.DeploymentFilesTest.COMPOSE;
import static org.fundflow.deploycheck.DeploymentFilesTest.ROOT;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference tools where they are installed (Debian: {@code apt-get install docker-compose yamllint};
 * kubectl brings kustomize): each is run on the real files and on a broken copy. Where a tool is not on
 * the PATH its test is skipped with a message; the Java checks of the other tests run everywhere.
 */
class ExternalToolsTest {

  record Result(int exit, String output) {
  }

  @TempDir
  Path tmp;

  static boolean onPath(String tool) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  static void requireTool(String tool, String install) {
    boolean present = onPath(tool);
    if (!present) {
      System.out.println("[deploy-check] SKIPPED: " + tool + " is not on the PATH (" + install
          + "); the Java checks of docker-compose.yml, infra/k8s, infra/kafka and the realm ran regardless");
    }
    Assumptions.assumeTrue(present, tool + " is not on the PATH (" + install + ")");
  }

  static Result run(Path dir, String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " did not finish in 120 s");
    }
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  /** The compose file and what it refers to (build context, Dockerfile, bind mounts), in a scratch directory. */
  Path composeProject(String from, String to) throws IOException {
    Path dir = tmp.resolve("project");
    Files.createDirectories(dir.resolve("infra"));
    for (String sub : List.of("infra/docker", "infra/kafka", "infra/keycloak", "infra/mongo")) {
      Path target = dir.resolve(sub);
      Files.createDirectories(target);
      try (var files = Files.list(ROOT.resolve(sub))) {
        for (Path f : files.toList()) {
          Files.copy(f, target.resolve(f.getFileName()));
        }
      }
    }
    String text = Files.readString(COMPOSE);
    assertThat(text).contains(from);
    Files.writeString(dir.resolve("docker-compose.yml"), text.replace(from, to));
    return dir;
  }

  @Test
  void dockerCompose_config() throws Exception {
    requireTool("docker-compose", "apt-get install docker-compose");
    Result ok = run(ROOT, "docker-compose", "-f", "docker-compose.yml", "config", "-q");
    assertThat(ok.exit()).as(ok.output()).isZero();
    System.out.println("[deploy-check] docker-compose config -q: docker-compose.yml is valid");
    Result replicaSet = run(ROOT, "docker-compose", "-f", "docker-compose.yml", "-f", "infra/mongo/replica-set.compose.yml",
        "config", "-q");
    assertThat(replicaSet.exit()).as("with the replica-set override: " + replicaSet.output()).isZero();

    Path broken = composeProject("condition: service_healthy\n", "condition: when_ready\n");
    Result bad = run(broken, "docker-compose", "-f", "docker-compose.yml", "config", "-q");
    assertThat(bad.exit()).as("docker-compose must reject an unknown depends_on condition").isNotZero();
  }

  List<String> yamllint(Path dir, String... targets) {
    List<String> command = new ArrayList<>(List.of("yamllint", "-f", "parsable", "-c",
        ROOT.resolve("infra/deploy-check/yamllint.yml").toString()));
    command.addAll(List.of(targets));
    return command;
  }

  @Test
  void yamllint() throws Exception {
    requireTool("yamllint", "apt-get install yamllint");
    Result ok = run(ROOT, yamllint(ROOT, "docker-compose.yml", "infra/k8s", "infra/kafka", "infra/mongo/replica-set.compose.yml").toArray(String[]::new));
    assertThat(ok.exit()).as(ok.output()).isZero();
    System.out.println("[deploy-check] yamllint: docker-compose.yml, infra/k8s, infra/kafka are clean");

    Path broken = composeProject("  mongo:\n    image: mongo:7.0\n", "  mongo:\n    image: mongo:7.0\n     hostname: x\n");
    Result bad = run(broken, yamllint(broken, "docker-compose.yml").toArray(String[]::new));
    assertThat(bad.exit()).as("yamllint must reject a mis-indented line").isNotZero();
  }

  @Test
  void kubectlKustomize() throws Exception {
    requireTool("kubectl", "kubectl includes kustomize");
    Result ok = run(ROOT, "kubectl", "kustomize", "infra/k8s/base");
    assertThat(ok.exit()).as(ok.output()).isZero();
    List<Object> docs = new ArrayList<>();
    Yamls.strict().loadAll(ok.output()).forEach(docs::add);
    // 2 ConfigMaps (services, portal), Secret, 5 Deployments, 5 Services, 4 PodDisruptionBudgets (not the portal's)
    assertThat(docs).hasSize(17);
    assertThat(ok.output()).contains("kind: PodDisruptionBudget");
    assertThat(ok.output()).contains("image: fundflow/project-intake:0.1.0-SNAPSHOT")
        .contains("image: fundflow/portal:0.1.0-SNAPSHOT");
    System.out.println("[deploy-check] kubectl kustomize infra/k8s/base: " + docs.size() + " manifests");

    Path base = tmp.resolve("base");
    Files.createDirectories(base);
    try (var files = Files.list(ROOT.resolve("infra/k8s/base"))) {
      for (Path f : files.toList()) {
        Files.copy(f, base.resolve(f.getFileName()));
      }
    }
    Files.writeString(base.resolve("kustomization.yaml"),
        Files.readString(base.resolve("kustomization.yaml")).replace("  - secret.yaml\n", "  - secrets.yaml\n"));
    Result bad = run(tmp, "kubectl", "kustomize", "base");
    assertThat(bad.exit()).as("kustomize must reject a missing resource").isNotZero();
  }

  @Test
  void createTopicsScript_isValidBash() throws Exception {
    requireTool("bash", "bash");
    Result ok = run(ROOT, "bash", "-n", "infra/kafka/create-topics.sh");
    assertThat(ok.exit()).as(ok.output()).isZero();
  }

  /** The script against stand-ins of the Kafka CLI that record their calls (one topic exists with too few partitions). */
  @Test
  void createTopicsScript_createsEveryTopicOfTheList() throws Exception {
    requireTool("bash", "bash");
    Path bin = tmp.resolve("kafka-bin");
    Files.createDirectories(bin);
    Path calls = tmp.resolve("calls.log");
    Files.writeString(bin.resolve("kafka-broker-api-versions.sh"), "#!/bin/bash\nexit 0\n");
    Files.writeString(bin.resolve("kafka-topics.sh"), "#!/bin/bash\necho \"topics $*\" >> " + calls + "\n"
        + "case \"$*\" in\n"
        + "  *--list*) printf 'integrity.events\\n__consumer_offsets\\n' ;;\n"
        + "  *--describe*--topic*) printf 'Topic: integrity.events\\tTopicId: x\\tPartitionCount: 1\\tReplicationFactor: 1\\n' ;;\n"
        + "esac\n");
    Files.writeString(bin.resolve("kafka-configs.sh"), "#!/bin/bash\necho \"configs $*\" >> " + calls + "\n");
    for (String f : List.of("kafka-broker-api-versions.sh", "kafka-topics.sh", "kafka-configs.sh")) {
      bin.resolve(f).toFile().setExecutable(true);
    }
    ProcessBuilder pb = new ProcessBuilder("bash", ROOT.resolve("infra/kafka/create-topics.sh").toString())
        .directory(tmp.toFile()).redirectErrorStream(true);
    pb.environment().put("KAFKA_BIN", bin.toString());
    pb.environment().put("BOOTSTRAP_SERVERS", "broker:9092");
    pb.environment().put("REPLICATION_FACTOR", "3");
    pb.environment().put("MIN_INSYNC_REPLICAS", "2");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    List<String> log = Files.readAllLines(calls);
    var topics = TopicsCheck.parse(DeploymentFilesTest.TOPICS, new ArrayList<>());
    // the four services' and the portal's: 6 event topics and 5 dead-letter topics
    assertThat(topics).hasSize(11);
    assertThat(out).contains(topics.size() + " topics ready");
    for (TopicsCheck.Topic t : topics.values()) {
      if (t.name().equals("integrity.events")) {
        assertThat(log).contains("topics --bootstrap-server broker:9092 --alter --topic integrity.events --partitions 3");
        assertThat(log).contains("configs --bootstrap-server broker:9092 --alter --entity-type topics --entity-name "
            + "integrity.events --add-config retention.ms=" + t.retentionMs() + ",cleanup.policy=delete,min.insync.replicas=2");
      } else {
        assertThat(log).contains("topics --bootstrap-server broker:9092 --create --if-not-exists --topic " + t.name()
            + " --partitions " + t.partitions() + " --replication-factor 3 --config retention.ms=" + t.retentionMs()
            + " --config cleanup.policy=" + t.cleanupPolicy() + " --config min.insync.replicas=2");
      }
    }
  }
}
