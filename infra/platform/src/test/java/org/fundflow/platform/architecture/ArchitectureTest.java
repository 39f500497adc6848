package org.fundflow.platform.architecture;

import java.util.stream.Stream;
import org.fundflow.platform.test.architecture.PlatformRules;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The platform's own rules (platform-test's {@link PlatformRules}): it knows no service and not the test kit. */
class ArchitectureTest {

  @TestFactory
  Stream<DynamicTest> platform() {
    return PlatformRules.tests();
  }
}
