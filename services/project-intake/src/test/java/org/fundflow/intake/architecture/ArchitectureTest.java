package org.fundflow.intake.architecture;

import java.util.stream.Stream;
import org.fundflow.platform.test.architecture.HexagonRules;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The hexagon of every service (platform-test's {@link HexagonRules}), applied to project-intake. */
class ArchitectureTest {

  @TestFactory
  Stream<DynamicTest> hexagon() {
    return HexagonRules.forService("org.fundflow.intake").tests();
  }
}
