package org.fundflow.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fundflow.platform.test.ServiceProcess;
import org.junit.jupiter.api.Test;

/**
 * The fault test predicts the dead letters from {@link Topology}; a binding added to a service but not there made
 * the prediction wrong (a scale-out run found milestone-review on intake.program-events and project-intake on its
 * own proposal events). Each service's topics here are the topics its application.yml binds with its group.
 */
class TopologyTest {

  private static final Pattern BINDING =
      Pattern.compile("destination:\\s*([\\w.-]+)\\s*,?\\s*(?:#[^\\n]*)?\\s*group:\\s*([\\w-]+)");

  @Test
  void everyServicesBindingsAreInTheTopology() throws IOException {
    for (String service : ServiceProcess.SERVICES) {
      String yml = Files.readString(ServiceProcess.repositoryRoot()
          .resolve("services/" + service + "/src/main/resources/application.yml"));
      Set<String> bound = new TreeSet<>();
      Matcher m = BINDING.matcher(yml);
      while (m.find()) {
        if (m.group(2).equals(service)) {
          bound.add(m.group(1));
        }
      }
      assertThat(bound).as("topics %s reads (application.yml)", service).isNotEmpty();
      assertThat(new TreeSet<>(Topology.topicsOf(service))).as("Topology of %s", service).isEqualTo(bound);
    }
  }
}
