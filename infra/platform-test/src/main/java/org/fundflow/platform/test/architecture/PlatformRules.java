package org.fundflow.platform.test.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The rules of the platform itself ({@code infra/platform}, and this test kit): it serves every service and so
 * knows none of them, and its production code does not use the test kit. Applied by infra/platform's
 * ArchitectureTest: {@code return PlatformRules.tests();}.
 */
public final class PlatformRules {

  private PlatformRules() {
  }

  /** One JUnit test per rule, over the production classes under org.fundflow.platform found on the class path. */
  public static Stream<DynamicTest> tests() {
    return NamedRule.tests(rules(), PlatformRules::importClasses);
  }

  /**
   * The platform's production classes: test classes are left out, and so are jars other than Fundflow's own (an
   * installed platform or platform-test is checked too; scanning every jar of the class path takes long).
   */
  public static JavaClasses importClasses() {
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(location -> !location.isJar() || location.contains("/org/fundflow/"))
        .importPackages("org.fundflow.platform");
  }

  public static List<NamedRule> rules() {
    return List.of(platformKnowsNoService(), platformDoesNotUseTheTestKit(), platformDomainIsPureJava(),
        platformApplicationIsJavaAndReactor());
  }

  /** What services' domains may use from the platform depends on java.* only. */
  public static NamedRule platformDomainIsPureJava() {
    return new NamedRule("platform.domain depends on nothing but java.*", classes()
        .that().resideInAPackage(HexagonRules.PLATFORM_DOMAIN)
        .should().onlyDependOnClassesThat().resideInAnyPackage("java..", HexagonRules.PLATFORM_DOMAIN)
        .because("services' domains use it and are pure Java"));
  }

  /** What services' application services may use from the platform: Java, Reactor and platform.domain only. */
  public static NamedRule platformApplicationIsJavaAndReactor() {
    return new NamedRule("platform.application depends on java.*, Reactor and platform.domain only",
        classes()
            .that().resideInAPackage(HexagonRules.PLATFORM_APPLICATION)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "reactor..", "org.reactivestreams..",
                HexagonRules.PLATFORM_DOMAIN, HexagonRules.PLATFORM_APPLICATION)
            .because("services' application services use it and know no framework but Reactor"));
  }

  /** No class of a service (intake, milestone, subsidy, integrity, a portal, ...) in the platform or the test kit. */
  public static NamedRule platformKnowsNoService() {
    DescribedPredicate<JavaClass> service = resideInAPackage("org.fundflow..")
        .and(not(resideInAPackage(HexagonRules.PLATFORM)))
        .as("are Fundflow classes outside org.fundflow.platform (a service's)");
    return new NamedRule("the platform depends on no service package", noClasses()
        .that().resideInAPackage(HexagonRules.PLATFORM)
        .should().dependOnClassesThat(service)
        .because("the platform is shared by every service and knows none of them"));
  }

  public static NamedRule platformDoesNotUseTheTestKit() {
    return new NamedRule("the platform does not use the test kit", noClasses()
        .that().resideInAPackage(HexagonRules.PLATFORM)
        .and().resideOutsideOfPackage(HexagonRules.PLATFORM_TEST_KIT)
        .should().dependOnClassesThat().resideInAPackage(HexagonRules.PLATFORM_TEST_KIT)
        .because("org.fundflow.platform.test is a test-scope dependency of the services"));
  }
}
