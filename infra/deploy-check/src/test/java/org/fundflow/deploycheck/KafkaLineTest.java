package org.fundflow.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;

/**
 * The brokers the suite is run and tested against are on the Kafka line (major.minor) of the kafka-clients jars the
 * build uses (the Boot BOM's kafka.version; the embedded test broker and the devstack broker are those jars):
 * docker-compose's kafka and kafka-init images and the Testcontainers image of platform-test's containers mode.
 */
class KafkaLineTest {

  private static final Pattern IMAGE = Pattern.compile("apache/kafka:(\\d+)\\.(\\d+)\\.(\\d+)");
  private static final Path SHARED_INFRASTRUCTURE = DeploymentFilesTest.ROOT.resolve(
      "infra/platform-test/src/main/java/org/fundflow/platform/test/SharedInfrastructure.java");

  @Test
  void composeAndTestcontainersBrokers_areOnTheLineOfTheKafkaJars() throws IOException {
    String jars = AppInfoParser.getVersion();
    Matcher v = Pattern.compile("(\\d+)\\.(\\d+)\\..*").matcher(jars);
    assertThat(v.matches()).as("kafka-clients version %s", jars).isTrue();
    String line = v.group(1) + "." + v.group(2);

    List<String> images = new ArrayList<>();
    Map<String, Object> services = Yamls.map(Yamls.load(DeploymentFilesTest.COMPOSE).get("services"));
    for (String service : List.of("kafka", "kafka-init")) {
      images.add("docker-compose " + service + ": " + Yamls.str(Yamls.at(services.get(service), "image")));
    }
    Matcher code = IMAGE.matcher(Files.readString(SHARED_INFRASTRUCTURE, StandardCharsets.UTF_8));
    assertThat(code.find()).as("an apache/kafka image in %s", SHARED_INFRASTRUCTURE).isTrue();
    images.add("SharedInfrastructure.KAFKA_IMAGE: " + code.group());

    assertThat(images).as("kafka-clients is %s", jars)
        .allSatisfy(image -> assertThat(image).containsPattern("apache/kafka:" + Pattern.quote(line) + "\\.\\d+$"));
  }
}
