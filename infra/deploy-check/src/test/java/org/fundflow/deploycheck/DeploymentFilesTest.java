package org.fundflow.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The deployment material as committed passes every check. */
class DeploymentFilesTest {

  static final Path ROOT = Repo.root();
  static final Path COMPOSE = ROOT.resolve("docker-compose.yml");
  static final Path REALM = ROOT.resolve("infra/keycloak/fundflow-realm.json");
  static final Path TOPICS = ROOT.resolve("infra/kafka/topics.txt");
  static final Path K8S_BASE = ROOT.resolve("infra/k8s/base");

  static int eventTopicPartitions() {
    return TopicsCheck.parse(TOPICS, new ArrayList<>()).values().stream()
        .filter(t -> !t.name().endsWith(".dlq")).mapToInt(TopicsCheck.Topic::partitions).min().orElse(1);
  }

  @Test
  void composeFile_isComplete() {
    assertThat(ComposeCheck.check(COMPOSE, ROOT, RealmCheck.realmName(REALM))).isEmpty();
  }

  @Test
  void topics_coverEveryBindingAndDeadLetterTopic() {
    assertThat(TopicsCheck.check(TOPICS, ROOT)).isEmpty();
    // 6 event topics, the dead-letter topics of the 4 services and of the portal (its notification consumers)
    assertThat(TopicsCheck.parse(TOPICS, new ArrayList<>())).hasSize(11);
    assertThat(eventTopicPartitions()).isEqualTo(3);
  }

  @Test
  void topicScript_isExecutable() {
    assertThat(Files.isExecutable(ROOT.resolve("infra/kafka/create-topics.sh"))).isTrue();
  }

  @Test
  void keycloakRealm_hasEveryRoleClientAndDemoUser() {
    assertThat(RealmCheck.check(REALM)).isEmpty();
  }

  @Test
  void kubernetesBase_isComplete() {
    assertThat(KubernetesCheck.check(K8S_BASE, ROOT, eventTopicPartitions())).isEmpty();
  }

  @Test
  void everyYamlFileOfTheDeploymentParses() throws IOException {
    List<Path> files = new ArrayList<>(List.of(COMPOSE));
    for (String dir : List.of("infra/k8s", "infra/kafka")) {
      try (Stream<Path> walk = Files.walk(ROOT.resolve(dir))) {
        walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).forEach(files::add);
      }
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(8);
    for (Path file : files) {
      assertThat(Yamls.loadAll(file)).as(file.toString()).isNotEmpty();
    }
  }
}
