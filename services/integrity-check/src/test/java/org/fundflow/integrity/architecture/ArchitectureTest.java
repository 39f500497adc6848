package org.fundflow.integrity.architecture;

import java.util.stream.Stream;
import org.fundflow.platform.test.architecture.HexagonRules;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The hexagon of every service (platform-test's {@link HexagonRules}), applied to integrity-check. */
class ArchitectureTest {

  @TestFactory
  Stream<DynamicTest> hexagon() {
    return HexagonRules.forService("org.fundflow.integrity").tests();
  }
}
