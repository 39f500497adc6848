package org.fundflow.milestone.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The hexagon, enforced: a pure domain, an application core without frameworks, adapters that do not cross. */
@AnalyzeClasses(packages = "org.fundflow.milestone", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule domainDependsOnNothingButJava = classes()
      .that().resideInAPackage("..milestone.domain..")
      .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "..milestone.domain..")
      .because("the domain is pure Java: no Spring, Reactor, Mongo or Kafka");

  @ArchTest
  static final ArchRule domainHasNoFrameworks = noClasses()
      .that().resideInAPackage("..milestone.domain..")
      .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "reactor..", "com.mongodb..",
          "org.bson..", "org.apache.kafka..", "tools.jackson..", "com.fasterxml..", "jakarta..");

  @ArchTest
  static final ArchRule applicationHasNoSpringNorInfrastructure = noClasses()
      .that().resideInAPackage("..milestone.application..")
      .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..",
          "org.apache.kafka..", "org.fundflow.platform..", "..milestone.adapter..", "..milestone.config..")
      .because("use cases know ports, not frameworks or adapters (no Spring annotations either)");

  @ArchTest
  static final ArchRule adaptersInDoNotUseAdaptersOut = noClasses()
      .that().resideInAPackage("..milestone.adapter.in..")
      .should().dependOnClassesThat().resideInAPackage("..milestone.adapter.out..");

  @ArchTest
  static final ArchRule noOtherServicesCode = noClasses()
      .should().dependOnClassesThat().resideInAnyPackage("org.fundflow.intake..", "org.fundflow.subsidy..",
          "org.fundflow.integrity..");
}
