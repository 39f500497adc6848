package org.fundflow.portal.architecture;

import java.util.stream.Stream;
import org.fundflow.platform.test.architecture.HexagonRules;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The portal's share of platform-test's {@link HexagonRules}: no other service's classes, the naming rules. */
class ArchitectureTest {

  @TestFactory
  Stream<DynamicTest> rules() {
    return HexagonRules.forPortal("org.fundflow.portal").tests();
  }
}
