package org.fundflow.platform.test;

import java.util.Locale;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * With {@code -Dfundflow.test.infrastructure=containers} on a machine without a Docker engine, every
 * integration test class ({@code *IT}) is skipped with a visible reason instead of failing while its
 * Spring context loads. Registered for every module through JUnit's extension auto-detection
 * ({@code junit-platform.properties} and {@code META-INF/services} of this module).
 */
public final class ContainersUnavailableCondition implements ExecutionCondition {

  private static volatile Boolean dockerAvailable;

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    String mode = System.getProperty(SharedInfrastructure.MODE_PROPERTY, "embedded").trim().toLowerCase(Locale.ROOT);
    boolean integrationTest = context.getTestClass().map(c -> c.getSimpleName().endsWith("IT")).orElse(false);
    if (!mode.equals("containers") || !integrationTest) {
      return ConditionEvaluationResult.enabled("embedded infrastructure or not an integration test");
    }
    if (docker()) {
      return ConditionEvaluationResult.enabled("Docker is available");
    }
    return ConditionEvaluationResult.disabled("-D" + SharedInfrastructure.MODE_PROPERTY
        + "=containers asks for Kafka and MongoDB in Docker containers, but no Docker engine is available");
  }

  private static boolean docker() {
    Boolean known = dockerAvailable;
    if (known == null) {
      boolean available;
      try {
        available = DockerClientFactory.instance().isDockerAvailable();
      } catch (Throwable e) {
        available = false;
      }
      dockerAvailable = known = available;
      if (!available) {
        System.err.println("[fundflow] no Docker engine: integration tests (*IT) are skipped in containers mode");
      }
    }
    return known;
  }
}
